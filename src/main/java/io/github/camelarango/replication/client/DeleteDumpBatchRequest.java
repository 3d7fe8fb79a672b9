package io.github.camelarango.replication.client;

/**
 * Parameters of {@code DELETE /_api/replication/batch/{id}}.
 *
 * @param batchId  the batch (required)
 * @param dbServer the DB-Server to forward to, required on a coordinator, else null
 */
public record DeleteDumpBatchRequest(String batchId, String dbServer) {

    /** Validates: batchId required. */
    public DeleteDumpBatchRequest {
        Require.notBlank("batchId", batchId);
    }

    /** Deletes the batch. */
    public static DeleteDumpBatchRequest of(String batchId) {
        return new DeleteDumpBatchRequest(batchId, null);
    }
}
