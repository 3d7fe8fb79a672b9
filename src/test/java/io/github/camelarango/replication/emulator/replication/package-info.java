/**
 * The emulator's replication API: dump batches, inventory, dump, keys, revisions, logger state and follow, the
 * applier, and {@code /_api/wal}. Internal to the emulator: not part of the test kit's API, free to change between
 * releases.
 */
package io.github.camelarango.replication.emulator.replication;
