package io.github.camelarango.replication.faults;

/** The two acceptable ends of a cell. */
enum Outcome {
    /** the sink's replay equals the server's documents: nothing lost (duplicates are counted, not failed) */
    CONVERGED,
    /**
     * the consumer stopped delivering with its health check DOWN and a message naming what happened, and converged
     * after the documented recovery step
     */
    STOPPED_LOUDLY
}
