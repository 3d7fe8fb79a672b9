package io.github.camelarango.replication.client;

/**
 * The {@code server} object of logger-state, wal/range, wal/lastTick and applier-state.
 *
 * @param version  server version text
 * @param serverId server id (decimal string)
 * @param engine   storage engine ({@code rocksdb}), null when absent
 */
public record ServerIdentity(String version, String serverId, String engine) {
}
