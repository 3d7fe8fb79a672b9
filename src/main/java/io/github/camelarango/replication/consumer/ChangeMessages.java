package io.github.camelarango.replication.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.envelope.DebeziumEnvelope;
import io.github.camelarango.replication.cdc.envelope.NativeEnvelope;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.resume.Resumables;

/**
 * Writes a {@link ChangeEvent} into a Camel message: the headers of {@link ArangoReplicationConstants} and the body
 * of the chosen envelope — native (a {@code Map}: the document, {@code {_key,_rev}} for a delete, the marker data
 * for schema changes) or Debezium (JSON text). Also writes the tombstone that may follow a delete.
 */
public final class ChangeMessages {

    private final DebeziumEnvelope debezium;
    private final String offsetKey;

    /**
     * @param debezium  the Debezium envelope, or null for the native one
     * @param offsetKey the position key, for the {@link Exchange#OFFSET} resumable; null when positions are not
     *                  committed (dump consumer): no position headers then
     */
    private ChangeMessages(DebeziumEnvelope debezium, String offsetKey) {
        this.debezium = debezium;
        this.offsetKey = offsetKey;
    }

    /** The messages of the changes consumer: the envelope the options ask for, with position headers. */
    public static ChangeMessages forChanges(ArangoReplicationConsumerConfiguration options, String offsetKey) {
        DebeziumEnvelope debezium = options.isDebezium()
                ? new DebeziumEnvelope(version(), options.getUpsertOp(), Clock.systemUTC())
                : null;
        return new ChangeMessages(debezium, offsetKey);
    }

    /** The messages of the dump consumer: the native envelope, without position headers. */
    public static ChangeMessages forDump() {
        return new ChangeMessages(null, null);
    }

    /**
     * Sets headers and body of the event on the message.
     *
     * @param serverLastTick the server's latest tick as last seen, for the last-tick header; 0 when not known
     */
    public void write(ChangeEvent event, long serverLastTick, Message message) {
        headers(event, serverLastTick, message);
        message.setBody(debezium != null ? debezium.value(event).toString() : toMap(NativeEnvelope.body(event)));
    }

    /** Makes the message the tombstone of a delete: a null body, the delete's headers and the tombstone flag. */
    public void writeTombstone(ChangeEvent delete, long serverLastTick, Message message) {
        headers(delete, serverLastTick, message);
        message.setHeader(ArangoReplicationConstants.TOMBSTONE, Boolean.TRUE);
        message.setBody(null);
    }

    /** Whether a tombstone follows this event when tombstones are asked for. */
    public static boolean needsTombstone(ChangeEvent event) {
        return DebeziumEnvelope.needsTombstone(event);
    }

    private void headers(ChangeEvent event, long serverLastTick, Message message) {
        message.setHeader(ArangoReplicationConstants.TICK, event.tickString());
        message.setHeader(ArangoReplicationConstants.CHANGE_TYPE, event.type());
        message.setHeader(ArangoReplicationConstants.MARKER_TYPE, event.markerType());
        message.setHeader(ArangoReplicationConstants.DATABASE, event.database());
        setIfPresent(message, ArangoReplicationConstants.COLLECTION, event.collection());
        if (event.type() == ChangeType.COLLECTION_RENAME) {
            setIfPresent(message, ArangoReplicationConstants.OLD_COLLECTION, event.data().path("oldName").textValue());
        }
        setIfPresent(message, ArangoReplicationConstants.KEY, event.key());
        setIfPresent(message, ArangoReplicationConstants.DOCUMENT_ID, event.documentId());
        setIfPresent(message, ArangoReplicationConstants.REV, event.rev());
        setIfPresent(message, ArangoReplicationConstants.TRANSACTION_ID, event.transactionId());
        message.setHeader(ArangoReplicationConstants.SNAPSHOT, event.snapshot());
        if (offsetKey != null) {
            String position = event.position().toJson();
            message.setHeader(ArangoReplicationConstants.POSITION, position);
            message.setHeader(Exchange.OFFSET, Resumables.of(offsetKey, position));
        }
        if (serverLastTick != 0) {
            message.setHeader(ArangoReplicationConstants.LAST_TICK, Ticks.format(serverLastTick));
        }
    }

    /** Writes snapshot rows of one collection as one message: a List of documents, headers of the first row. */
    public void writeChunk(List<ChangeEvent> rows, Message message) {
        ChangeEvent first = rows.get(0);
        message.setHeader(ArangoReplicationConstants.TICK, first.tickString());
        message.setHeader(ArangoReplicationConstants.CHANGE_TYPE, first.type());
        message.setHeader(ArangoReplicationConstants.DATABASE, first.database());
        setIfPresent(message, ArangoReplicationConstants.COLLECTION, first.collection());
        message.setHeader(ArangoReplicationConstants.SNAPSHOT, first.snapshot());
        List<Object> documents = new ArrayList<>(rows.size());
        rows.forEach(row -> documents.add(toMap(row.data())));
        message.setBody(documents);
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    /**
     * A JSON object as a Map (what routes handle best); other JSON values as their Java value — the types Jackson's
     * {@code convertValue(node, Object.class)} gives (LinkedHashMap in document order, ArrayList, String, Integer /
     * Long / BigInteger, Double, Boolean, null), built by walking the tree once instead of Jackson's serialise-and-read
     * copy, which cost a fifth of the consumer's time per change.
     */
    public static Object toMap(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>(capacity(node.size()));
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(field.getKey(), toMap(field.getValue()));
                }
                return map;
            case ARRAY:
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toMap(element));
                }
                return list;
            case STRING:
                return node.textValue();
            case NUMBER:
                return node.isFloat() ? Double.valueOf(node.doubleValue()) : node.numberValue();
            case BOOLEAN:
                return node.booleanValue();
            case NULL:
            case MISSING:
                return null;
            default: // BINARY, POJO: not produced by parsing JSON text
                return Json.mapper().convertValue(node, Object.class);
        }
    }

    private static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    private static String version() {
        String version = ChangeMessages.class.getPackage().getImplementationVersion();
        return version != null ? version : "1.0.0";
    }
}
