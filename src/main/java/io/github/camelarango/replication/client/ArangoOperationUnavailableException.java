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
 * Refused before sending: the server (by version or role) does not offer the operation. Status 0; the message names
 * the operation, the server version and role, and what to use instead.
 */
public class ArangoOperationUnavailableException extends ArangoReplicationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the refused operation
     * @param server    what the client knows about the server
     * @param reason    why the server lacks it and what to use instead
     */
    public ArangoOperationUnavailableException(ReplicationOperation operation, ServerInfo server, String reason) {
        super(operation.operationName(), operation.method(), operation.path(), 0, null, 0, null,
              operation.operationName() + " is not available on ArangoDB " + server.version() + " (role "
                                                                                                 + server.role() + "): "
                                                                                                 + reason,
              null);
    }
}
