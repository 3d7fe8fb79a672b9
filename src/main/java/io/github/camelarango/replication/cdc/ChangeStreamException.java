package io.github.camelarango.replication.cdc;

/** A change stream cannot go on; the message says what happened and what to do. */
public class ChangeStreamException extends RuntimeException {

    public ChangeStreamException(String message) {
        super(message);
    }

    public ChangeStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
