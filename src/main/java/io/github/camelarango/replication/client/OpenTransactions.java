package io.github.camelarango.replication.client;

import java.util.List;

/**
 * Answer of {@code GET /_api/wal/open-transactions} (removed in 4.x). RocksDB never has open transactions in the
 * WAL, so the list is normally empty (status 204).
 *
 * @param status         HTTP status (200 or 204)
 * @param headers        the replication headers (frompresent, lastincluded)
 * @param transactionIds open transaction ids
 */
public record OpenTransactions(int status, ReplicationHeaders headers, List<String> transactionIds) {

    /** Copies the list. */
    public OpenTransactions {
        transactionIds = transactionIds == null ? List.of() : List.copyOf(transactionIds);
    }
}
