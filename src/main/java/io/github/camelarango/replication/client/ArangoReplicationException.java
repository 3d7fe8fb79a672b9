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
 * A replication call failed. Carries the HTTP status (0 when no response was received), ArangoDB's
 * {@code errorNum}/{@code errorMessage}, the HTTP method, the path (never the query string, credentials or tokens)
 * and the operation.
 * <p>
 * Message format: {@code walTail failed: GET /_db/_system/_api/wal/tail -> 404 errorNum 1203: collection or view not
 * found}.
 */
public class ArangoReplicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String method;
    private final String path;
    private final int status;
    private final String reason;
    private final int errorNum;
    private final String errorMessage;

    /**
     * An error answered by the server.
     *
     * @param operation    the operation name (e.g. {@code walTail})
     * @param method       the HTTP method
     * @param path         the request path without query string
     * @param status       the HTTP status
     * @param reason       the HTTP reason phrase, may be null
     * @param errorNum     ArangoDB's errorNum, 0 when the body carried none
     * @param errorMessage ArangoDB's errorMessage (or a short excerpt of a non-JSON body), may be null
     */
    public ArangoReplicationException(String operation, String method, String path, int status, String reason,
                                      int errorNum, String errorMessage) {
        this(operation, method, path, status, reason, errorNum, errorMessage,
             operation + " failed: " + method + " " + path + " -> " + status
                                                                         + (errorNum != 0 ? " errorNum " + errorNum : "")
                                                                         + (errorMessage != null ? ": " + errorMessage : "")
                                                                         + hintFor(status),
             null);
    }

    /** What a reader can do about statuses whose server text does not say it. */
    private static String hintFor(int status) {
        return status == 401
                ? " (the server rejected the credentials: check the user and password, or the JWT, of the connection)"
                : "";
    }

    /**
     * Full constructor for subclasses and client-side failures.
     *
     * @param message the complete exception message (must not contain credentials)
     * @param cause   the cause, may be null
     */
    protected ArangoReplicationException(String operation, String method, String path, int status, String reason,
                                         int errorNum, String errorMessage, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.status = status;
        this.reason = reason;
        this.errorNum = errorNum;
        this.errorMessage = errorMessage;
    }

    /** The operation name, e.g. {@code walTail}. */
    public String getOperation() {
        return operation;
    }

    /** The HTTP method of the failed request. */
    public String getMethod() {
        return method;
    }

    /** The path of the failed request, without query string. */
    public String getPath() {
        return path;
    }

    /** The HTTP status, 0 when no response was received. */
    public int getStatus() {
        return status;
    }

    /** The HTTP reason phrase, null when none was received. */
    public String getReason() {
        return reason;
    }

    /** ArangoDB's errorNum, 0 when absent. */
    public int getErrorNum() {
        return errorNum;
    }

    /** ArangoDB's errorMessage, null when absent. */
    public String getErrorMessage() {
        return errorMessage;
    }
}
