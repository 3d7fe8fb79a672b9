package io.github.camelarango.replication.cdc;

/**
 * The snapshot stopped: its dump batch expired again and again while the same collection was being dumped, so
 * resuming it with a new batch would dump that collection over and over; the message names the collection, the
 * cause and what to do.
 */
public class SnapshotStalledException extends ChangeStreamException {

    public SnapshotStalledException(String message) {
        super(message);
    }
}
