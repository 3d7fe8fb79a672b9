package io.github.camelarango.replication.client;

/**
 * {@code state.lastError} of an applier state; errorNum 0 means no error.
 *
 * @param errorNum     ArangoDB error number
 * @param errorMessage error text, null when no error
 * @param time         when it happened, null when no error
 */
public record ApplierError(int errorNum, String errorMessage, String time) {
}
