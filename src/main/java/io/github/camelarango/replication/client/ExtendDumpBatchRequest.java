package io.github.camelarango.replication.client;

/**
 * Parameters of {@code PUT /_api/replication/batch/{id}} (keep-alive).
 *
 * @param batchId  the batch (required)
 * @param ttl      new lifetime in seconds, null for the server default
 * @param dbServer the DB-Server to forward to, required on a coordinator, else null
 */
public record ExtendDumpBatchRequest(String batchId, Long ttl, String dbServer) {

    /** Validates: batchId required, ttl not negative. */
    public ExtendDumpBatchRequest {
        Require.notBlank("batchId", batchId);
        Require.nonNegative("ttl", ttl);
    }

    /** Extends the batch by {@code ttlSeconds}. */
    public static ExtendDumpBatchRequest of(String batchId, long ttlSeconds) {
        return new ExtendDumpBatchRequest(batchId, ttlSeconds, null);
    }
}
