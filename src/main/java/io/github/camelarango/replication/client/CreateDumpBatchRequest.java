package io.github.camelarango.replication.client;

/**
 * Parameters of {@code POST /_api/replication/batch}. The serverId/syncerId/clientInfo of the client configuration
 * are sent along to register the client.
 *
 * @param ttl      lifetime in seconds (sliding), null for the server default (7200)
 * @param state    ask for the logger state in the answer (3.9+)
 * @param dbServer the DB-Server to forward to, required on a coordinator, else null
 */
public record CreateDumpBatchRequest(Long ttl, Boolean state, String dbServer) {

    /** Validates: ttl must not be negative. */
    public CreateDumpBatchRequest {
        Require.nonNegative("ttl", ttl);
    }

    /** A batch living {@code ttlSeconds} after its last use. */
    public static CreateDumpBatchRequest ofTtl(long ttlSeconds) {
        return new CreateDumpBatchRequest(ttlSeconds, null, null);
    }
}
