/**
 * The emulator's write-ahead log: its entries and how they render as {@code /_api/wal/tail} markers (current and
 * legacy formats). Internal to the emulator: not part of the test kit's API, free to change between releases.
 */
package io.github.camelarango.replication.emulator.wal;
