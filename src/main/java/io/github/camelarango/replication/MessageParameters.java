package io.github.camelarango.replication;

import java.io.InputStream;

import io.github.camelarango.replication.client.ReplicationHeaders;
import io.github.camelarango.replication.client.ReplicationStream;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;
import org.apache.camel.support.SynchronizationAdapter;

import static io.github.camelarango.replication.ArangoReplicationConstants.BATCH_ID;
import static io.github.camelarango.replication.ArangoReplicationConstants.CHUNK_SIZE;
import static io.github.camelarango.replication.ArangoReplicationConstants.CLIENT_INFO;
import static io.github.camelarango.replication.ArangoReplicationConstants.COLLECTION;
import static io.github.camelarango.replication.ArangoReplicationConstants.DB_SERVER;
import static io.github.camelarango.replication.ArangoReplicationConstants.DESERIALIZE;
import static io.github.camelarango.replication.ArangoReplicationConstants.FROM;
import static io.github.camelarango.replication.ArangoReplicationConstants.GLOBAL;
import static io.github.camelarango.replication.ArangoReplicationConstants.INCLUDE_SYSTEM;
import static io.github.camelarango.replication.ArangoReplicationConstants.LAST_SCANNED;
import static io.github.camelarango.replication.ArangoReplicationConstants.RESUME;
import static io.github.camelarango.replication.ArangoReplicationConstants.SERVER_ID;
import static io.github.camelarango.replication.ArangoReplicationConstants.SYNCER_ID;
import static io.github.camelarango.replication.ArangoReplicationConstants.TO;
import static io.github.camelarango.replication.ArangoReplicationConstants.TTL;
import static io.github.camelarango.replication.ArangoReplicationConstants.USE_ENVELOPE;

/**
 * The request parameters of one message: each is the {@code CamelArangoReplication…} header when present, otherwise
 * the endpoint option. Values are validated as they are read, so a bad value fails before any request is sent.
 */
final class MessageParameters {

    private final Exchange exchange;
    private final Message message;
    private final ArangoReplicationOperation operation;
    private final ArangoReplicationConfiguration options;

    MessageParameters(Exchange exchange, ArangoReplicationOperation operation, ArangoReplicationConfiguration options) {
        this.exchange = exchange;
        this.message = exchange.getMessage();
        this.operation = operation;
        this.options = options;
    }

    Message message() {
        return message;
    }

    /**
     * Puts a streamed result into the body; the response stays open while the route reads it and is closed (its
     * connection released) when the exchange completes, whether it succeeded or failed.
     */
    void streamResult(ReplicationStream response, InputStream body) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                response.close();
            }
        });
        message.setBody(body);
    }

    /** Puts the result of the operation into the message body. */
    void result(Object body) {
        message.setBody(body);
    }

    /**
     * Copies the server's x-arango-replication-* headers to their Camel headers; a result header the server did not
     * send is removed, so the headers always describe this answer.
     */
    void replicationHeaders(ReplicationHeaders headers) {
        if (headers == null) {
            return;
        }
        setIfPresent(ArangoReplicationConstants.CHECK_MORE, headers.checkMore());
        setIfPresent(ArangoReplicationConstants.LAST_INCLUDED, tickText(headers.lastIncluded()));
        setIfPresent(ArangoReplicationConstants.LAST_SCANNED, tickText(headers.lastScanned()));
        setIfPresent(ArangoReplicationConstants.LAST_TICK, tickText(headers.lastTick()));
        setIfPresent(ArangoReplicationConstants.FROM_PRESENT, headers.fromPresent());
        setIfPresent(ArangoReplicationConstants.ACTIVE, headers.active());
    }

    private void setIfPresent(String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
        }
    }

    private static String tickText(Long tick) {
        return tick == null ? null : Ticks.format(tick);
    }

    String batchId() {
        return value(BATCH_ID, String.class, options.getBatchId());
    }

    String requiredBatchId() {
        return required("batchId", BATCH_ID, batchId());
    }

    Integer ttl() {
        return OptionValidator.nonNegative(name("ttl", TTL), value(TTL, Integer.class, options.getTtl()));
    }

    String collection() {
        return value(COLLECTION, String.class, options.getCollection());
    }

    String requiredCollection() {
        return required("collection", COLLECTION, collection());
    }

    Long chunkSize() {
        return OptionValidator.nonNegative(name("chunkSize", CHUNK_SIZE), value(CHUNK_SIZE, Long.class, options.getChunkSize()));
    }

    Boolean includeSystem() {
        return value(INCLUDE_SYSTEM, Boolean.class, options.getIncludeSystem());
    }

    boolean global() {
        return Boolean.TRUE.equals(value(GLOBAL, Boolean.class, options.getGlobal()));
    }

    Boolean globalOrNull() {
        return value(GLOBAL, Boolean.class, options.getGlobal());
    }

    boolean deserialize() {
        return value(DESERIALIZE, Boolean.class, options.isDeserialize());
    }

    Boolean useEnvelope() {
        return value(USE_ENVELOPE, Boolean.class, options.getUseEnvelope());
    }

    String dbServer() {
        return value(DB_SERVER, String.class, options.getDbServer());
    }

    String resume() {
        return value(RESUME, String.class, options.getResume());
    }

    /** @return the from tick, or null when neither header nor option is set */
    Long from() {
        return tick("from", FROM, options.getFrom());
    }

    /** @return the to tick, or null when neither header nor option is set; checked against from */
    Long to() {
        String to = tickText("to", TO, options.getTo());
        String from = tickText("from", FROM, options.getFrom());
        OptionValidator.fromNotAfterTo(from, to);
        return to == null ? null : Long.parseUnsignedLong(to);
    }

    Long lastScanned() {
        return tick("lastScanned", LAST_SCANNED, options.getLastScanned());
    }

    String serverId() {
        return tickText("serverId", SERVER_ID, options.getServerId());
    }

    String syncerId() {
        return tickText("syncerId", SYNCER_ID, options.getSyncerId());
    }

    String clientInfo() {
        return value(CLIENT_INFO, String.class, options.getClientInfo());
    }

    private Long tick(String option, String header, String optionValue) {
        String text = tickText(option, header, optionValue);
        return text == null ? null : Long.parseUnsignedLong(text);
    }

    private String tickText(String option, String header, String optionValue) {
        return OptionValidator.tick(name(option, header), value(header, String.class, optionValue));
    }

    /** The header value converted to the type when the header is present, otherwise the option value. */
    <T> T value(String header, Class<T> type, T optionValue) {
        T headerValue = header(message, header, type);
        return headerValue != null ? headerValue : optionValue;
    }

    /**
     * A header converted to a type.
     *
     * @return                          null when the header is absent
     * @throws IllegalArgumentException naming the header and its value when it cannot be converted
     */
    static <T> T header(Message message, String header, Class<T> type) {
        Object raw = message.getHeader(header);
        if (raw == null) {
            return null;
        }
        T converted;
        try {
            converted = message.getHeader(header, type);
        } catch (TypeConversionException e) {
            converted = null;
        }
        if (converted == null) {
            throw new IllegalArgumentException(
                    "Invalid value for header " + header + ": '" + raw + "'; allowed is a " + type.getSimpleName());
        }
        return converted;
    }

    /** How to name a parameter in an error message: the option, and the header when the value came from it. */
    String name(String option, String header) {
        return message.getHeader(header) != null ? option + " (header " + header + ")" : option;
    }

    private <T> T required(String option, String header, T value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(
                    "Operation " + operation + " needs " + option + ": set the " + option + " option or the " + header
                                               + " header");
        }
        return value;
    }
}
