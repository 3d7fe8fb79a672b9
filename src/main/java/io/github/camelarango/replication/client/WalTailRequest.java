package io.github.camelarango.replication.client;

/**
 * Parameters of {@code GET /_api/wal/tail}. Null registration fields fall back to the client configuration's
 * serverId/syncerId/clientInfo.
 *
 * @param from          exclusive lower bound (unsigned tick); 0 for the WAL start
 * @param to            inclusive upper bound (unsigned), null for none; must be > 0 and not before from
 * @param lastScanned   resume hint from the previous response's lastscanned header, 0 for none
 * @param chunkSize     approximate response size in bytes, null for the server default (1 MiB)
 * @param global        all databases (only from {@code _system})
 * @param collection    restrict to one collection (non-global only), or null
 * @param includeSystem include system collections (server default false)
 * @param serverId      client registration serverId (unsigned decimal), or null
 * @param syncerId      client registration syncerId (unsigned decimal, not 0), or null
 * @param clientInfo    client registration text, or null
 */
public record WalTailRequest(long from, Long to, long lastScanned, Long chunkSize, boolean global, String collection,
        Boolean includeSystem, String serverId, String syncerId, String clientInfo) {

    /** Validates: to not 0 and not before from (unsigned), chunkSize > 0, collection not with global, ids unsigned. */
    public WalTailRequest {
        if (to != null && (to == 0 || Ticks.isAfter(from, to))) {
            throw new IllegalArgumentException("WalTailRequest.to must be > 0 and >= from (" + Ticks.format(from)
                                               + "), was " + Ticks.format(to));
        }
        Require.positive("WalTailRequest", "chunkSize", chunkSize, "");
        if (global && collection != null) {
            throw new IllegalArgumentException("WalTailRequest.collection is only allowed without global, was '"
                                               + collection + "' with global=true");
        }
        if (collection != null && collection.isBlank()) {
            throw new IllegalArgumentException("WalTailRequest.collection must not be blank, was '" + collection + "'");
        }
        serverId = Require.unsignedOrNull("WalTailRequest", "serverId", serverId);
        syncerId = Require.unsignedOrNull("WalTailRequest", "syncerId", syncerId);
        if ("0".equals(syncerId)) {
            throw new IllegalArgumentException("WalTailRequest.syncerId must not be 0 (leave it null), was '0'");
        }
    }

    /** Tails the configured database after {@code from}, server defaults otherwise. */
    public static WalTailRequest from(long from) {
        return new WalTailRequest(from, null, 0, null, false, null, null, null, null, null);
    }

    /** This request resumed after the given response headers' position: next from and lastScanned. */
    public WalTailRequest withPosition(long nextFrom, long nextLastScanned) {
        return new WalTailRequest(nextFrom, to, nextLastScanned, chunkSize, global, collection, includeSystem, serverId,
                syncerId, clientInfo);
    }
}
