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
 * Parameters of {@code PUT /_api/replication/batch/{id}} (keep-alive).
 *
 * @param batchId  the batch (required)
 * @param ttl      new lifetime in seconds, null for the server default
 * @param dbServer the DB-Server to forward to, required on a coordinator, else null
 */
public record ExtendDumpBatchRequest(String batchId, Long ttl, String dbServer) {

    /** Validates: batchId required, ttl not negative. */
    public ExtendDumpBatchRequest {
        Require.notBlank("batchId", batchId);
        Require.nonNegative("ttl", ttl);
    }

    /** Extends the batch by {@code ttlSeconds}. */
    public static ExtendDumpBatchRequest of(String batchId, long ttlSeconds) {
        return new ExtendDumpBatchRequest(batchId, ttlSeconds, null);
    }
}
