/**
 * The emulator's document API, as an application or the official ArangoDB Java driver uses it: databases, collections,
 * indexes, documents and stream transactions. Internal to the emulator: not part of the test kit's API, free to change
 * between releases.
 */
package io.github.camelarango.replication.emulator.docapi;
