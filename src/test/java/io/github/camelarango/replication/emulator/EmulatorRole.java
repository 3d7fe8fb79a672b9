package io.github.camelarango.replication.emulator;

/** The server role the emulator plays ({@code GET /_admin/server/role}). */
public enum EmulatorRole {
    /** a single server: the whole replication and WAL API */
    SINGLE,
    /** a cluster coordinator: no WAL API (501/1470), batch/inventory/dump need {@code DBserver} */
    COORDINATOR
}
