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
        Require.notBlank("RevisionDocumentsRequest", "collection", collection);
        Require.notBlank("RevisionDocumentsRequest", "batchId", batchId);
        if (revisions == null || revisions.isEmpty()) {
            throw new IllegalArgumentException(
                    "RevisionDocumentsRequest.revisions must hold at least one revision, was " + revisions);
        }
        revisions = List.copyOf(revisions);
    }
}
