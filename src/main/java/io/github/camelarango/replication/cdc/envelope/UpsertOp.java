package io.github.camelarango.replication.cdc.envelope;

/**
 * The Debezium {@code op} given to an {@link io.github.camelarango.replication.cdc.ChangeType#UPSERT UPSERT}.
 * ArangoDB's WAL writes inserts, updates and replaces as one marker type, so neither value is a fact about the
 * change; both envelopes mark it with {@code source.upsert: true}. Debezium-based sinks (JDBC, Elasticsearch, MongoDB
 * sink connectors) write {@code c} and {@code u} the same way: as an upsert of {@code after}.
 */
public enum UpsertOp {
    /** {@code "u"} (the default): "the row now looks like {@code after}". */
    UPDATE("u"),
    /** {@code "c"}: for sinks that only accept creates. */
    CREATE("c");

    private final String code;

    UpsertOp(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
