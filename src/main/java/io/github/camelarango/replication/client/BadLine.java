package io.github.camelarango.replication.client;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A line of a dump or wal/tail body that could not be read, as its parser saw it; {@link ReplicationStream} turns it
 * into a {@link MalformedLineException} that also names the line number and the request.
 */
final class BadLine extends Exception {

    private static final long serialVersionUID = 1L;

    private final Long tick;

    /**
     * @param detail what is wrong
     * @param tick   the tick read from the line before the failure, null when none
     */
    BadLine(String detail, Long tick, Throwable cause) {
        super(detail, cause, false, false);
        this.tick = tick;
    }

    /** A line Jackson could not parse. */
    static BadLine notJson(JsonProcessingException e, Long tick) {
        return new BadLine(e.getOriginalMessage(), tick, e);
    }

    Long tick() {
        return tick;
    }
}
