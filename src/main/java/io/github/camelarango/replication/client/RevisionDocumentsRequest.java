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
