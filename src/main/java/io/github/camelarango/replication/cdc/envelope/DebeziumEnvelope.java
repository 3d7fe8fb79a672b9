package io.github.camelarango.replication.cdc.envelope;

import java.time.Clock;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;

/**
 * Debezium-compatible JSON for a change (the {@code payload} of a Debezium record, without the schema part).
 * <p>
 * Document changes: {@code {"before":null,"after":…,"op":…,"source":{…},"ts_ms":…,"transaction":…}} with
 * <ul>
 * <li>{@code op} {@code "r"} for snapshot rows, {@code "d"} for deletes, {@code "t"} for a collection truncate, and
 * for upserts the configured {@link UpsertOp} ({@code "u"} by default) — the WAL cannot tell an insert from an
 * update, which {@code source.upsert: true} says;</li>
 * <li>{@code before} always null: ArangoDB's WAL has no before-image. A delete has {@code after} null too; its
 * identity is the record {@link #key key} ({@code _key}), and the removed {@code _rev} is in
 * {@code source.rev};</li>
 * <li>{@code source}: {@code connector} "arango-replication", {@code version}, {@code db}, {@code collection},
 * {@code cuid}, {@code tick} (unsigned decimal text), {@code snapshot} ("true"/"false", as Debezium writes it),
 * {@code txId}, {@code rev}, {@code upsert}; there is no {@code source.ts_ms} because WAL markers carry no
 * time;</li>
 * <li>{@code ts_ms}: when the envelope was made (Debezium's processing time);</li>
 * <li>{@code transaction}: {@code {"id":tid}} for changes of a WAL transaction, else null.</li>
 * </ul>
 * Schema changes, gaps and unknown markers have no {@code op}: {@code {"source":…,"ts_ms":…,"databaseName":…,
 * "schemaChange":TYPE,"data":…}} (for an unknown marker, {@code data} is the whole marker). After a delete,
 * Kafka-style sinks expect a tombstone (same key, null value): see {@link #needsTombstone}.
 */
public final class DebeziumEnvelope {

    /** The {@code source.connector} value. */
    public static final String CONNECTOR = "arango-replication";

    private final String version;
    private final UpsertOp upsertOp;
    private final Clock clock;

    /**
     * @param version  the connector version written to {@code source.version}
     * @param upsertOp the {@code op} of upserts
     * @param clock    the clock of {@code ts_ms}
     */
    public DebeziumEnvelope(String version, UpsertOp upsertOp, Clock clock) {
        this.version = Objects.requireNonNull(version, "version");
        this.upsertOp = Objects.requireNonNull(upsertOp, "upsertOp");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The record key: {@code {"_id":"<collection>/<_key>"}} for document changes (the {@code _key} alone would make
     * documents of different collections one record in a topic they share), {@code {"collection":…}} otherwise.
     */
    public static ObjectNode key(ChangeEvent event) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        if (event.documentId() != null) {
            key.put("_id", event.documentId());
        } else {
            key.put("collection", event.collection());
        }
        return key;
    }

    /** Whether a tombstone (same key, null value) should follow the event's record: true for deletes. */
    public static boolean needsTombstone(ChangeEvent event) {
        return event.type() == ChangeType.DELETE;
    }

    /** The Debezium-style value of the event. */
    public ObjectNode value(ChangeEvent event) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        String op = op(event.type());
        if (op == null) {
            value.set("source", source(event));
            value.put("ts_ms", clock.millis());
            value.put("databaseName", event.database());
            value.put("schemaChange", event.type().name());
            value.set("data", event.data());
            return value;
        }
        value.putNull("before");
        boolean hasAfter = event.type() == ChangeType.SNAPSHOT_READ || event.type() == ChangeType.UPSERT;
        value.set("after", hasAfter ? event.data() : JsonNodeFactory.instance.nullNode());
        value.put("op", op);
        value.set("source", source(event));
        value.put("ts_ms", clock.millis());
        if (event.transactionId() != null) {
            value.putObject("transaction").put("id", event.transactionId());
        } else {
            value.putNull("transaction");
        }
        return value;
    }

    private String op(ChangeType type) {
        return switch (type) {
            case SNAPSHOT_READ -> "r";
            case UPSERT -> upsertOp.code();
            case DELETE -> "d";
            case COLLECTION_TRUNCATE -> "t";
            default -> null;
        };
    }

    private ObjectNode source(ChangeEvent event) {
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.put("connector", CONNECTOR);
        source.put("version", version);
        source.put("db", event.database());
        source.put("collection", event.collection());
        source.put("cuid", event.cuid());
        source.put("tick", event.tickString());
        source.put("snapshot", Boolean.toString(event.snapshot()));
        source.put("txId", event.transactionId());
        source.put("rev", event.rev());
        source.put("upsert", event.type() == ChangeType.UPSERT);
        return source;
    }
}
