package io.github.camelarango.replication.client;

import java.util.List;

/**
 * Parameters of {@code PUT /_api/replication/revisions/ranges}.
 *
 * @param collection the collection (required)
 * @param batchId    the dump batch (required)
 * @param ranges     sorted, non-overlapping revision ranges (required, not empty)
 * @param resume     the {@code resume} revision of a truncated previous answer, or null
 */
public record RevisionRangesRequest(String collection, String batchId, List<RevisionRange> ranges, String resume) {

    /** Validates: collection, batchId and at least one range required. */
    public RevisionRangesRequest {
        Require.notBlank("collection", collection);
        Require.notBlank("batchId", batchId);
        if (ranges == null || ranges.isEmpty()) {
            throw Require.invalid("ranges", ranges, "a list of at least one revision range");
        }
        ranges = List.copyOf(ranges);
    }
}
