package io.github.camelarango.replication.cdc;

/**
 * What a reader hands to the stream's queue: an event (with its position), or a bare position advance when markers
 * or rows were read that produce no event (filtered, empty collections, transaction brackets, idle tails).
 */
record Emission(ChangeEvent event, ChangePosition position) {

    static Emission of(ChangeEvent event) {
        return new Emission(event, event.position());
    }

    static Emission advance(ChangePosition position) {
        return new Emission(null, position);
    }

    boolean isEvent() {
        return event != null;
    }
}
