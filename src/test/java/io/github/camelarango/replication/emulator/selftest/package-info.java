/**
 * The emulator's own tests: each protocol behaviour of the emulator checked over HTTP (with {@link
 * io.github.camelarango.replication.emulator.selftest.RawHttp}) or with the official ArangoDB Java driver, through the
 * public test-kit API where it suffices. Kept apart from {@code io.github.camelarango.replication.emulator} so that the
 * published emulator jar holds the emulator and none of its tests.
 */
package io.github.camelarango.replication.emulator.selftest;
