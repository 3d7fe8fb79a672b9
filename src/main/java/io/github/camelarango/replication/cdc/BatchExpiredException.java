package io.github.camelarango.replication.cdc;

/**
 * The dump batch of a running snapshot is unknown to the server (expired or garbage-collected): inventory, extend
 * and delete answer 404/1600, dump answers 404/400. The snapshot cannot continue under this batch.
 */
public class BatchExpiredException extends ChangeStreamException {

    public BatchExpiredException(String batchId, Throwable cause) {
        super("dump batch " + batchId + " is unknown to the server (expired?)", cause);
    }
}
