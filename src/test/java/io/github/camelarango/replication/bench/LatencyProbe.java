package io.github.camelarango.replication.bench;

import java.util.function.LongConsumer;

/** A consumer under latency test: started on a collection, it reports the {@code sentNanos} of every document event. */
interface LatencyProbe extends AutoCloseable {

    String name();

    /** Starts consuming changes of {@code collection} made from now on; {@code received} gets each event's stamp. */
    void start(String url, String collection, LongConsumer received) throws Exception;

    @Override
    void close() throws Exception;
}
