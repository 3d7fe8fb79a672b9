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
package io.github.camelarango.replication.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.ShardOrigin;
import io.github.camelarango.replication.cdc.envelope.DebeziumEnvelope;
import io.github.camelarango.replication.cdc.envelope.NativeEnvelope;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.resume.Resumables;

/**
 * Writes a {@link ChangeEvent} into a Camel message: the headers of {@link ArangoReplicationConstants} (with the
 * shard and DB-Server of a change captured from a cluster) and the body
 * of the chosen envelope — native (the document, {@code {_key,_rev}} for a delete, the marker data for schema
 * changes) or Debezium — as the chosen {@link BodyType} (by default the JSON text the server wrote, without
 * re-serialising). Also writes the tombstone that may follow a delete. The message of a change writes its headers
 * when the route first touches one ({@link ChangeMessage}).
 */
public final class ChangeMessages {

    private final DebeziumEnvelope debezium;
    private final BodyType bodyType;
    private final String offsetKey;

    /**
     * @param debezium  the Debezium envelope, or null for the native one
     * @param bodyType  the Java type of the bodies
     * @param offsetKey the position key, for the {@link Exchange#OFFSET} resumable; null when positions are not
     *                  committed (dump consumer): no position headers then
     */
    private ChangeMessages(DebeziumEnvelope debezium, BodyType bodyType, String offsetKey) {
        this.debezium = debezium;
        this.bodyType = bodyType;
        this.offsetKey = offsetKey;
    }

    /** The messages of the changes consumer: the envelope the options ask for, with position headers. */
    public static ChangeMessages forChanges(ArangoReplicationConsumerConfiguration options, String offsetKey) {
        DebeziumEnvelope debezium = options.isDebezium()
                ? new DebeziumEnvelope(version(), options.getUpsertOp(), Clock.systemUTC())
                : null;
        return new ChangeMessages(debezium, options.bodyType(), offsetKey);
    }

    /** The messages of the dump consumer: the native envelope as the options' body type, without position headers. */
    public static ChangeMessages forDump(ArangoReplicationConsumerConfiguration options) {
        return new ChangeMessages(null, options.bodyType(), null);
    }

    /**
     * Gives the exchange a message of the event: its body, and its headers, written when the route first touches one.
     *
     * @param serverLastTick the server's latest tick as last seen, for the last-tick header; 0 when not known
     */
    public void write(ChangeEvent event, long serverLastTick, Exchange exchange) {
        Message message = new ChangeMessage(exchange.getContext(), map -> headers(event, serverLastTick, map));
        message.setBody(bodyType.body(debezium != null ? debezium.value(event) : NativeEnvelope.body(event)));
        exchange.setMessage(message);
    }

    /**
     * Gives the exchange the tombstone of a delete: a null body, the delete's headers and the tombstone flag (written
     * when the route first touches a header).
     */
    public void writeTombstone(ChangeEvent delete, long serverLastTick, Exchange exchange) {
        exchange.setMessage(new ChangeMessage(exchange.getContext(), map -> {
            headers(delete, serverLastTick, map);
            map.put(ArangoReplicationConstants.TOMBSTONE, Boolean.TRUE);
        }));
    }

    /**
     * Makes the message a batch: its body a List of exchanges made by {@code newExchange}, one per event written as
     * {@link #write} does (followed by its tombstone when {@code tombstones} and the event needs one), and the batch
     * headers: size, first and last tick, and the position of the last event.
     *
     * @param events the events of the batch, at least one
     */
    public void writeBatch(List<ChangeEvent> events, boolean tombstones, long serverLastTick, Message message,
                           Supplier<Exchange> newExchange) {
        List<Exchange> exchanges = new ArrayList<>(events.size());
        for (ChangeEvent event : events) {
            Exchange change = newExchange.get();
            write(event, serverLastTick, change);
            exchanges.add(change);
            if (tombstones && needsTombstone(event)) {
                Exchange tombstone = newExchange.get();
                writeTombstone(event, serverLastTick, tombstone);
                exchanges.add(tombstone);
            }
        }
        ChangeEvent last = events.get(events.size() - 1);
        message.setHeader(ArangoReplicationConstants.BATCH_SIZE, exchanges.size());
        message.setHeader(ArangoReplicationConstants.BATCH_FIRST_TICK, events.get(0).tickString());
        message.setHeader(ArangoReplicationConstants.BATCH_LAST_TICK, last.tickString());
        positionHeaders(last.position(), serverLastTick, message.getHeaders());
        message.setBody(exchanges);
    }

    /** Whether a tombstone follows this event when tombstones are asked for. */
    public static boolean needsTombstone(ChangeEvent event) {
        return DebeziumEnvelope.needsTombstone(event);
    }

    private void headers(ChangeEvent event, long serverLastTick, Map<String, Object> headers) {
        headers.put(ArangoReplicationConstants.TICK, event.tickString());
        headers.put(ArangoReplicationConstants.CHANGE_TYPE, event.type());
        headers.put(ArangoReplicationConstants.MARKER_TYPE, event.markerType());
        headers.put(ArangoReplicationConstants.DATABASE, event.database());
        putIfPresent(headers, ArangoReplicationConstants.COLLECTION, event.collection());
        ShardOrigin origin = event.origin();
        if (origin != null) {
            putIfPresent(headers, ArangoReplicationConstants.SHARD, origin.shard()); // none on a gap
            headers.put(ArangoReplicationConstants.DB_SERVER, origin.serverId());
            putIfPresent(headers, ArangoReplicationConstants.DB_SERVER_NAME, origin.serverShortName());
        }
        if (event.type() == ChangeType.COLLECTION_RENAME) {
            putIfPresent(headers, ArangoReplicationConstants.OLD_COLLECTION, event.data().path("oldName").textValue());
        }
        putIfPresent(headers, ArangoReplicationConstants.KEY, event.key());
        putIfPresent(headers, ArangoReplicationConstants.DOCUMENT_ID, event.documentId());
        putIfPresent(headers, ArangoReplicationConstants.REV, event.rev());
        putIfPresent(headers, ArangoReplicationConstants.TRANSACTION_ID, event.transactionId());
        headers.put(ArangoReplicationConstants.SNAPSHOT, event.snapshot());
        positionHeaders(event.position(), serverLastTick, headers);
    }

    /**
     * Makes the message a heartbeat: a null body, the heartbeat flag, the tick of the position and the position
     * headers.
     */
    public void writeHeartbeat(ChangePosition position, long serverLastTick, Message message) {
        message.setHeader(ArangoReplicationConstants.HEARTBEAT, Boolean.TRUE);
        message.setHeader(ArangoReplicationConstants.TICK, Ticks.format(position.from()));
        positionHeaders(position, serverLastTick, message.getHeaders());
        message.setBody(null);
    }

    private void positionHeaders(ChangePosition position, long serverLastTick, Map<String, Object> headers) {
        if (offsetKey != null) {
            String json = position.toJson();
            headers.put(ArangoReplicationConstants.POSITION, json);
            headers.put(Exchange.OFFSET, Resumables.of(offsetKey, json));
        }
        if (serverLastTick != 0) {
            headers.put(ArangoReplicationConstants.LAST_TICK, Ticks.format(serverLastTick));
        }
    }

    /**
     * Writes snapshot rows of one collection as one message: a List of documents of the body type, headers of the
     * first row.
     */
    public void writeChunk(List<ChangeEvent> rows, Message message) {
        ChangeEvent first = rows.get(0);
        message.setHeader(ArangoReplicationConstants.TICK, first.tickString());
        message.setHeader(ArangoReplicationConstants.CHANGE_TYPE, first.type());
        message.setHeader(ArangoReplicationConstants.DATABASE, first.database());
        putIfPresent(message.getHeaders(), ArangoReplicationConstants.COLLECTION, first.collection());
        message.setHeader(ArangoReplicationConstants.SNAPSHOT, first.snapshot());
        List<Object> documents = new ArrayList<>(rows.size());
        rows.forEach(row -> documents.add(bodyType.body(row.rawData())));
        message.setBody(documents);
    }

    private static void putIfPresent(Map<String, Object> headers, String header, Object value) {
        if (value != null) {
            headers.put(header, value);
        }
    }

    private static String version() {
        String version = ChangeMessages.class.getPackage().getImplementationVersion();
        return version != null ? version : "1.0.0";
    }
}
