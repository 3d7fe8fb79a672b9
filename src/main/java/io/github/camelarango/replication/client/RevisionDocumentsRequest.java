package io.github.camelarango.replication.client;

import java.util.List;

/**
 * Parameters of {@code PUT /_api/replication/revisions/documents}.
 *
 * @param collection the collection (required)
 * @param batchId    the dump batch (required)
 * @param revisions  revisions to fetch, ascending (required, not empty)
 */
public record RevisionDocumentsRequest(String collection, String batchId, List<String> revisions) {

    /** Validates: collection, batchId and at least one revision required. */
    public RevisionDocumentsRequest {
        Require.notBlank("collection", collection);
        Require.notBlank("batchId", batchId);
        if (revisions == null || revisions.isEmpty()) {
            throw Require.invalid("revisions", revisions, "a list of at least one revision");
        }
        revisions = List.copyOf(revisions);
    }
}
