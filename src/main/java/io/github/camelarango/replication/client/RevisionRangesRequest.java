/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
