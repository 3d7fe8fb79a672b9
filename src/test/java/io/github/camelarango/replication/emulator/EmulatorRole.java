package io.github.camelarango.replication.emulator;

/**
 * The server role the emulator plays ({@code GET /_admin/server/role}); part of the emulator test kit's public API.
 */
public enum EmulatorRole {
    /** a single server: the whole replication and WAL API */
    SINGLE,
    /** a cluster coordinator: no WAL API (501/1470), batch/inventory/dump need {@code DBserver} */
    COORDINATOR
}
