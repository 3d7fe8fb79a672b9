package io.github.camelarango.replication.cdc;

/** The stream's position is gone and the {@link PositionLostPolicy#FAIL} policy stopped it. */
public class PositionLostException extends ChangeStreamException {

    public PositionLostException(String message) {
        super(message);
    }
}
