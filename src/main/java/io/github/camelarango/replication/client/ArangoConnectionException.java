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
 * No (complete) response was received: connection refused, connect or response timeout, connection reset while the
 * body was read, TLS failure. Status 0; the message names the operation, the request and the server's host:port.
 */
public class ArangoConnectionException extends ArangoReplicationException {

    private static final long serialVersionUID = 1L;

    private final String hostAndPort;

    /**
     * @param operation   the operation name
     * @param method      the HTTP method
     * @param path        the request path without query string
     * @param hostAndPort the server endpoint, {@code host:port}
     * @param cause       the I/O failure
     */
    public ArangoConnectionException(String operation, String method, String path, String hostAndPort, Throwable cause) {
        super(operation, method, path, 0, null, 0, null,
              operation + " failed: " + method + " " + path + " -> no response from " + hostAndPort + ": "
                                                         + describe(cause),
              cause);
        this.hostAndPort = hostAndPort;
    }

    /** The server endpoint, {@code host:port}. */
    public String getHostAndPort() {
        return hostAndPort;
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return text == null || text.isBlank() ? type : type + ": " + text;
    }
}
