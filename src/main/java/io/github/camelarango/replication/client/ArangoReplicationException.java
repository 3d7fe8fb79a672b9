package io.github.camelarango.replication.client;

import org.apache.camel.spi.HttpResponseAware;

/**
 * A replication call failed. Carries the HTTP status (0 when no response was received), ArangoDB's
 * {@code errorNum}/{@code errorMessage}, the HTTP method, the path (never the query string, credentials or tokens)
 * and the operation. Implements Camel's {@link HttpResponseAware} so health checks and poll-error details see the
 * status; this is the only Camel type the client layer uses.
 * <p>
 * Message format: {@code walTail failed: GET /_db/_system/_api/wal/tail -> 404 errorNum 1203: collection or view not
 * found}.
 */
public class ArangoReplicationException extends RuntimeException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String method;
    private final String path;
    private final int errorNum;
    private final String errorMessage;
    private int httpResponseCode;
    private String httpResponseStatus;

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
        this.httpResponseCode = status;
        this.httpResponseStatus = reason;
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
        return httpResponseCode;
    }

    /** ArangoDB's errorNum, 0 when absent. */
    public int getErrorNum() {
        return errorNum;
    }

    /** ArangoDB's errorMessage, null when absent. */
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }
}
