package io.github.camelarango.replication.cdc;

/**
 * One step a reader makes the stream take, queued until the consumer polls: an event with the position to commit
 * after it, or a position reached without an event (rows or markers filtered out, empty collections, transaction
 * brackets, idle tails), which the stream saves itself once every event before it was committed.
 *
 * @param event    the event, null for a position-only step
 * @param position the position reached by this step
 */
record StreamStep(ChangeEvent event, ChangePosition position) {

    /** The step that hands out {@code event}. */
    static StreamStep of(ChangeEvent event) {
        return new StreamStep(event, event.position());
    }

    /** A step to {@code position} without an event. */
    static StreamStep positionOnly(ChangePosition position) {
        return new StreamStep(null, position);
    }

    boolean isEvent() {
        return event != null;
    }
}
