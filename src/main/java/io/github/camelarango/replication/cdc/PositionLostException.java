package io.github.camelarango.replication.cdc;

/**
 * The stream's position is gone and the {@link PositionLostPolicy#FAIL} policy stopped it; the message says what
 * was lost and how to recover.
 */
public class PositionLostException extends ChangeStreamException {

    /** What showed the loss, without the ways out; the message when not given apart. */
    private final String reason;

    public PositionLostException(String message) {
        this(message, message);
    }

    private PositionLostException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    /** What showed the loss (the message without the ways out). */
    public String reason() {
        return reason;
    }

    /** The position cannot be continued from; {@code what} says why and what the server holds now. */
    static PositionLostException positionLost(String streamKey, String what) {
        return new PositionLostException("Change stream '" + streamKey + "' lost its position: " + what
                + ". It stops rather than skip changes silently (positionLostPolicy FAIL). To recover, choose one: "
                + "positionLostPolicy=RESNAPSHOT (take a new snapshot), positionLostPolicy=SKIP (continue from the "
                + "current tick after a GAP event), snapshotMode=WHEN_NEEDED, or delete the position stored under key '"
                + streamKey + "' to start afresh.", what);
    }
}
