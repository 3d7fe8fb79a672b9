package io.github.camelarango.replication.demo;

/**
 * The headers of the {@code changes} consumer the demo reads.
 */
final class DemoHeaders {

    static final String TICK = "CamelArangoReplicationTick";
    static final String CHANGE_TYPE = "CamelArangoReplicationChangeType";
    static final String COLLECTION = "CamelArangoReplicationCollection";
    static final String KEY = "CamelArangoReplicationKey";

    private DemoHeaders() {
    }
}
