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
