package io.github.camelarango.replication.client;

/**
 * Parameters of {@code GET /_api/wal/open-transactions} (removed in 4.x).
 *
 * @param from          lower bound tick, null for the WAL start
 * @param to            upper bound tick, null for the WAL end
 * @param global        all databases (only from {@code _system})
 * @param collection    restrict to one collection, or null
 * @param includeSystem include system collections
 */
public record WalOpenTransactionsRequest(Long from, Long to, boolean global, String collection, Boolean includeSystem) {

    /** Validates: to not before from. */
    public WalOpenTransactionsRequest {
        if (from != null && to != null && Ticks.isAfter(from, to)) {
            throw Require.invalid("to", Ticks.format(to), "a tick not before from (" + Ticks.format(from) + ")");
        }
    }

    /** The whole WAL of the database. */
    public static WalOpenTransactionsRequest all() {
        return new WalOpenTransactionsRequest(null, null, false, null, null);
    }
}
