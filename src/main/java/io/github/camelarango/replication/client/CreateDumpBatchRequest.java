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
 * Parameters of {@code POST /_api/replication/batch}. The serverId/syncerId/clientInfo of the client configuration
 * are sent along to register the client.
 *
 * @param ttl      lifetime in seconds (sliding), null for the server default (7200)
 * @param state    ask for the logger state in the answer (3.9+)
 * @param dbServer the DB-Server to forward to, required on a coordinator, else null
 */
public record CreateDumpBatchRequest(Long ttl, Boolean state, String dbServer) {

    /** Validates: ttl must not be negative. */
    public CreateDumpBatchRequest {
        Require.nonNegative("ttl", ttl);
    }

    /** A batch living {@code ttlSeconds} after its last use. */
    public static CreateDumpBatchRequest ofTtl(long ttlSeconds) {
        return new CreateDumpBatchRequest(ttlSeconds, null, null);
    }
}
