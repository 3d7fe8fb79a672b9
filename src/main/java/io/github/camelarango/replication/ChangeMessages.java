package io.github.camelarango.replication;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.envelope.DebeziumEnvelope;
import io.github.camelarango.replication.cdc.envelope.NativeEnvelope;
import io.github.camelarango.replication.cdc.envelope.UpsertOp;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.resume.Resumables;

/**
 * Writes a {@link ChangeEvent} into a Camel message: the headers of {@link ArangoReplicationConstants} and the body
 * of the chosen envelope — native (a {@code Map}: the document, {@code {_key,_rev}} for a delete, the marker data
 * for schema changes) or Debezium (JSON text). Also writes the tombstone that may follow a delete.
 */
final class ChangeMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    static ChangeMessages nativeEnvelope(String offsetKey) {
        return new ChangeMessages(null, offsetKey);
    }

    static ChangeMessages debeziumEnvelope(String offsetKey, String version, UpsertOp upsertOp) {
        return new ChangeMessages(new DebeziumEnvelope(version, upsertOp, Clock.systemUTC()), offsetKey);
    }

    /** Sets headers and body of the event on the message. */
    void write(ChangeEvent event, Message message) {
        headers(event, message);
        message.setBody(debezium != null ? debezium.value(event).toString() : toMap(NativeEnvelope.body(event)));
    }

    /** Makes the message the tombstone of a delete: a null body, the key header and the tombstone flag. */
    void writeTombstone(ChangeEvent delete, Message message) {
        headers(delete, message);
        message.setHeader(ArangoReplicationConstants.TOMBSTONE, Boolean.TRUE);
        message.setBody(null);
    }

    /** Whether a tombstone follows this event when tombstones are asked for. */
    static boolean needsTombstone(ChangeEvent event) {
        return DebeziumEnvelope.needsTombstone(event);
    }

    private void headers(ChangeEvent event, Message message) {
        message.setHeader(ArangoReplicationConstants.TICK, event.tickString());
        message.setHeader(ArangoReplicationConstants.CHANGE_TYPE, event.type());
        message.setHeader(ArangoReplicationConstants.MARKER_TYPE, event.markerType());
        message.setHeader(ArangoReplicationConstants.DATABASE, event.database());
        setIfPresent(message, ArangoReplicationConstants.COLLECTION, event.collection());
        setIfPresent(message, ArangoReplicationConstants.KEY, event.key());
        setIfPresent(message, ArangoReplicationConstants.REV, event.rev());
        setIfPresent(message, ArangoReplicationConstants.TRANSACTION_ID, event.transactionId());
        message.setHeader(ArangoReplicationConstants.SNAPSHOT, event.snapshot());
        if (offsetKey != null) {
            String position = event.position().toJson();
            message.setHeader(ArangoReplicationConstants.POSITION, position);
            message.setHeader(Exchange.OFFSET, Resumables.of(offsetKey, position));
        }
    }

    /** Writes snapshot rows of one collection as one message: a List of documents, headers of the first row. */
    void writeChunk(List<ChangeEvent> rows, Message message) {
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
    static Object toMap(JsonNode node) {
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
                return MAPPER.convertValue(node, Object.class);
        }
    }

    private static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }
}
