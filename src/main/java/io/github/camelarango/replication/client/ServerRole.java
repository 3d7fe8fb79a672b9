package io.github.camelarango.replication.client;

import java.util.Locale;

/** The role reported by {@code GET /_admin/server/role}. */
public enum ServerRole {
    /** A single server. */
    SINGLE,
    /** A cluster coordinator: serves clusterInventory, but not the WAL API. */
    COORDINATOR,
    /** A cluster DB-Server. */
    PRIMARY,
    /** A cluster agent. */
    AGENT,
    /** Any role this client does not know, or the role could not be read. */
    UNKNOWN;

    /** Maps the server's role text (e.g. {@code "SINGLE"}) to a role; unknown text gives {@link #UNKNOWN}. */
    public static ServerRole fromWire(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
