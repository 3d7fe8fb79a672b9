package io.github.camelarango.replication.bench;

/** One side of a comparison: reads a whole data set once and says how many items it delivered. */
interface Contender {

    String name();

    /** Runs once, from start to end; returns the number of items (documents, markers, events) delivered. */
    long run() throws Exception;
}
