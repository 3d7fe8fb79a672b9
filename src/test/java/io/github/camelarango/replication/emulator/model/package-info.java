/**
 * The emulator's data model: server, databases, collections, MVCC document versions, keys and revisions, write sets.
 * Internal to the emulator: not part of the test kit's API, free to change between releases.
 */
package io.github.camelarango.replication.emulator.model;
