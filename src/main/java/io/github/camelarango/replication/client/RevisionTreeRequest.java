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
