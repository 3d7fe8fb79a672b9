/**
 * The emulator's HTTP transport: a small HTTP/1.1 server on 127.0.0.1, requests, responses, ArangoDB error bodies, the
 * fault injection hook and JSON helpers. Internal to the emulator: not part of the test kit's API, free to change
 * between releases.
 */
package io.github.camelarango.replication.emulator.http;
