/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelarango.replication.cdc.envelope;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.RawJson;

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
 * Kafka-style sinks expect a tombstone (same key, null value): see {@link #needsTombstone}. The document
 * ({@code after}) and the marker's {@code data} are embedded as the JSON text the server wrote, without
 * re-serialising.
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

    /** The Debezium-style value of the event, as JSON text. */
    public RawJson value(ChangeEvent event) {
        return RawJson.write(value -> write(event, value));
    }

    private void write(ChangeEvent event, JsonGenerator value) throws IOException {
        value.writeStartObject();
        String op = op(event.type());
        if (op == null) {
            source(event, value);
            value.writeNumberField("ts_ms", clock.millis());
            value.writeStringField("databaseName", event.database());
            value.writeStringField("schemaChange", event.type().name());
            value.writeFieldName("data");
            event.rawData().writeTo(value);
        } else {
            value.writeNullField("before");
            value.writeFieldName("after");
            if (event.type() == ChangeType.SNAPSHOT_READ || event.type() == ChangeType.UPSERT) {
                event.rawData().writeTo(value);
            } else {
                value.writeNull();
            }
            value.writeStringField("op", op);
            source(event, value);
            value.writeNumberField("ts_ms", clock.millis());
            if (event.transactionId() != null) {
                value.writeObjectFieldStart("transaction");
                value.writeStringField("id", event.transactionId());
                value.writeEndObject();
            } else {
                value.writeNullField("transaction");
            }
        }
        value.writeEndObject();
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

    private void source(ChangeEvent event, JsonGenerator value) throws IOException {
        value.writeObjectFieldStart("source");
        value.writeStringField("connector", CONNECTOR);
        value.writeStringField("version", version);
        value.writeStringField("db", event.database());
        value.writeStringField("collection", event.collection());
        value.writeStringField("cuid", event.cuid());
        value.writeStringField("tick", event.tickString());
        value.writeStringField("snapshot", Boolean.toString(event.snapshot()));
        value.writeStringField("txId", event.transactionId());
        value.writeStringField("rev", event.rev());
        value.writeBooleanField("upsert", event.type() == ChangeType.UPSERT);
        value.writeEndObject();
    }
}
