package io.github.camelarango.replication.client;

/**
 * Parameters of {@code GET /_api/replication/dump}. Every call consumes a chunk of the server-side iterator of
 * (batch, collection): a lost response loses that chunk.
 *
 * @param collection  collection name or id (required)
 * @param batchId     the dump batch (required)
 * @param chunkSize   approximate response size in bytes, > 0; null for the server default (128 KiB). 0 is refused:
 *                    the server answers 204 with checkmore=true forever
 * @param useEnvelope wrap each document as {@code {"type":2300,"data":…}} (server default true)
 * @param dbServer    the DB-Server to forward to, required on a coordinator, else null
 */
public record DumpRequest(String collection, String batchId, Long chunkSize, Boolean useEnvelope, String dbServer) {

    /** Validates: collection and batchId required, chunkSize > 0. */
    public DumpRequest {
        Require.notBlank("collection", collection);
        Require.notBlank("batchId", batchId);
        if (chunkSize != null && chunkSize <= 0) {
            throw Require.invalid("chunkSize", chunkSize,
                    "a number > 0 (to chunkSize 0 the server answers 204 with checkmore=true forever)");
        }
    }

    /** Dumps the collection under the batch with server defaults. */
    public static DumpRequest of(String collection, String batchId) {
        return new DumpRequest(collection, batchId, null, null, null);
    }
}
