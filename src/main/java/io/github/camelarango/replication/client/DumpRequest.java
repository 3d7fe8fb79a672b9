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
