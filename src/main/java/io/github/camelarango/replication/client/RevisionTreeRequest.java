package io.github.camelarango.replication.client;

/**
 * Parameters of {@code GET /_api/replication/revisions/tree}.
 *
 * @param collection    the collection (required; must have syncByRevision)
 * @param batchId       the dump batch (required)
 * @param onlyPopulated return only populated nodes, null for the server default
 */
public record RevisionTreeRequest(String collection, String batchId, Boolean onlyPopulated) {

    /** Validates: collection and batchId required. */
    public RevisionTreeRequest {
        Require.notBlank("collection", collection);
        Require.notBlank("batchId", batchId);
    }
}
