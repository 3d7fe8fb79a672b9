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
 * Parameters of {@code GET /_api/replication/inventory}.
 *
 * @param batchId           the dump batch (required)
 * @param includeSystem     include system collections (server default true)
 * @param global            all databases; only from {@code _system} (server default false)
 * @param collection        restrict to one collection (3.10+), or null
 * @param includeFoxxQueues include {@code _jobs}/{@code _queues} (server default false)
 * @param dbServer          the DB-Server to forward to, required on a coordinator, else null
 */
public record InventoryRequest(String batchId, Boolean includeSystem, Boolean global, String collection,
        Boolean includeFoxxQueues, String dbServer) {

    /** Validates: batchId is required. */
    public InventoryRequest {
        Require.notBlank("batchId", batchId);
    }

    /** The inventory of the batch with server defaults for everything else. */
    public static InventoryRequest of(String batchId) {
        return new InventoryRequest(batchId, null, null, null, null, null);
    }
}
