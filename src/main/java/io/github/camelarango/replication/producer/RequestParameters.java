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
package io.github.camelarango.replication.producer;

import io.github.camelarango.replication.ArangoReplicationConfiguration;
import io.github.camelarango.replication.client.Require;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;

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
 * the endpoint option. Header values are checked as they are read, so a bad value fails before any request is sent.
 */
public final class RequestParameters {

    private final Message message;
    private final String operation;
    private final ArangoReplicationConfiguration endpoint;
    private final ArangoReplicationProducerConfiguration options;

    /**
     * @param operation the operation's name, for the errors about missing parameters
     * @param endpoint  the endpoint-wide options: includeSystem and the client identity
     * @param options   the request options
     */
    public RequestParameters(Message message, String operation, ArangoReplicationConfiguration endpoint,
                             ArangoReplicationProducerConfiguration options) {
        this.message = message;
        this.operation = operation;
        this.endpoint = endpoint;
        this.options = options;
    }

    /** The message body, for operations that take their input from it. */
    Object body() {
        return message.getBody();
    }

    /** The message, for the applier configuration read from its body and headers. */
    Message message() {
        return message;
    }

    String batchId() {
        return value(BATCH_ID, String.class, options.getBatchId());
    }

    String requiredBatchId() {
        return required("batchId", BATCH_ID, batchId());
    }

    Long ttl() {
        Integer ttl = Require.nonNegative(name("ttl", TTL), value(TTL, Integer.class, options.getTtl()));
        return ttl == null ? null : ttl.longValue();
    }

    String collection() {
        return value(COLLECTION, String.class, options.getCollection());
    }

    String requiredCollection() {
        return required("collection", COLLECTION, collection());
    }

    Long chunkSize() {
        return Require.nonNegative(name("chunkSize", CHUNK_SIZE), value(CHUNK_SIZE, Long.class, options.getChunkSize()));
    }

    Boolean includeSystem() {
        return value(INCLUDE_SYSTEM, Boolean.class, endpoint.getIncludeSystem());
    }

    boolean global() {
        return Boolean.TRUE.equals(globalOrNull());
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
        return Ticks.parseOrNull(tick("from", FROM, options.getFrom()));
    }

    /** @return the to tick, or null when neither header nor option is set; checked against from */
    Long to() {
        String to = tick("to", TO, options.getTo());
        ArangoReplicationProducerConfiguration.requireTickRange(name("to", TO), tick("from", FROM, options.getFrom()), to);
        return Ticks.parseOrNull(to);
    }

    Long lastScanned() {
        return Ticks.parseOrNull(tick("lastScanned", LAST_SCANNED, options.getLastScanned()));
    }

    String serverId() {
        return tick("serverId", SERVER_ID, endpoint.getServerId());
    }

    String syncerId() {
        return tick("syncerId", SYNCER_ID, endpoint.getSyncerId());
    }

    String clientInfo() {
        return value(CLIENT_INFO, String.class, endpoint.getClientInfo());
    }

    private String tick(String option, String header, String optionValue) {
        return Require.tick(name(option, header), value(header, String.class, optionValue));
    }

    /** The header value converted to the type when the header is present, otherwise the option value. */
    private <T> T value(String header, Class<T> type, T optionValue) {
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
    private String name(String option, String header) {
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
