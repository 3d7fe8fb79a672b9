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

import java.io.IOException;

/**
 * Identifies one request for error messages: operation, method, path (no query string) and the server's host:port.
 */
record RequestContext(String operation, String method, String path, String hostAndPort) {

    /** ArangoDB's ERROR_REPLICATION_INVALID_RESPONSE. */
    static final int INVALID_RESPONSE = 1401;

    ArangoConnectionException connectionFailure(IOException cause) {
        return new ArangoConnectionException(operation, method, path, hostAndPort, cause);
    }

    ArangoReplicationException invalidResponse(int status, String detail, Throwable cause) {
        String message = "invalid response: " + detail;
        return new ArangoReplicationException(operation, method, path, status, null, INVALID_RESPONSE, message,
                operation + " failed: " + method + " " + path + " -> " + status + " errorNum " + INVALID_RESPONSE + ": "
                                                                                                                + message,
                cause);
    }
}
