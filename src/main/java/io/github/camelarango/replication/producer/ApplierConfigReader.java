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

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelarango.replication.ArangoReplicationConfiguration;
import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.client.ApplierConfig;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.SyncRequest;
import org.apache.camel.Message;

/**
 * Reads the applier configuration of one setApplierConfig, synchronize or makeFollower (makeSlave) message, as the
 * server's applier configuration fields: the endpoint options first, then the message body (a client record, a
 * {@code Map} or JSON text), then the {@code CamelArangoReplication…} headers, each later source overriding the
 * earlier ones per field.
 */
public final class ApplierConfigReader {

    /** Refuses unknown fields; leaves the records' server-answer component ({@code raw}) empty. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(new NoInjectedValues());

    /**
     * One option/header pair and the applier configuration field it sets; restrictCollections is read as is, a
     * comma separated String or a List.
     */
    private record Setting(String field, String header, Class<?> type, Object optionValue) {
    }

    private final List<Setting> settings = new ArrayList<>();

    /**
     * @param endpoint the endpoint-wide options (includeSystem)
     * @param requests the request options (chunkSize)
     * @param leader   the applier configuration options
     */
    public ApplierConfigReader(ArangoReplicationConfiguration endpoint, ArangoReplicationProducerConfiguration requests,
                               ArangoReplicationApplierConfiguration leader) {
        add("endpoint", ArangoReplicationConstants.LEADER_ENDPOINT, String.class, leader.getLeaderEndpoint());
        add("database", ArangoReplicationConstants.LEADER_DATABASE, String.class, leader.getLeaderDatabase());
        add("username", ArangoReplicationConstants.LEADER_USER, String.class, leader.getLeaderUser());
        add("password", ArangoReplicationConstants.LEADER_PASSWORD, String.class, leader.getLeaderPassword());
        add("restrictType", ArangoReplicationConstants.RESTRICT_TYPE, String.class, leader.getRestrictType());
        add("restrictCollections", ArangoReplicationConstants.RESTRICT_COLLECTIONS, Object.class,
                leader.getRestrictCollections());
        add("incremental", ArangoReplicationConstants.INCREMENTAL, Boolean.class, leader.getIncremental());
        add("autoStart", ArangoReplicationConstants.AUTO_START, Boolean.class, leader.getAutoStart());
        add("adaptivePolling", ArangoReplicationConstants.ADAPTIVE_POLLING, Boolean.class, leader.getAdaptivePolling());
        add("autoResync", ArangoReplicationConstants.AUTO_RESYNC, Boolean.class, leader.getAutoResync());
        add("autoResyncRetries", ArangoReplicationConstants.AUTO_RESYNC_RETRIES, Long.class, leader.getAutoResyncRetries());
        add("maxConnectRetries", ArangoReplicationConstants.MAX_CONNECT_RETRIES, Long.class, leader.getMaxConnectRetries());
        add("connectTimeout", ArangoReplicationConstants.APPLIER_CONNECT_TIMEOUT, Double.class,
                leader.getApplierConnectTimeout());
        add("requestTimeout", ArangoReplicationConstants.APPLIER_REQUEST_TIMEOUT, Double.class,
                leader.getApplierRequestTimeout());
        add("initialSyncMaxWaitTime", ArangoReplicationConstants.INITIAL_SYNC_MAX_WAIT_TIME, Double.class,
                leader.getInitialSyncMaxWaitTime());
        add("connectionRetryWaitTime", ArangoReplicationConstants.CONNECTION_RETRY_WAIT_TIME, Double.class,
                leader.getConnectionRetryWaitTime());
        add("idleMinWaitTime", ArangoReplicationConstants.IDLE_MIN_WAIT_TIME, Double.class, leader.getIdleMinWaitTime());
        add("idleMaxWaitTime", ArangoReplicationConstants.IDLE_MAX_WAIT_TIME, Double.class, leader.getIdleMaxWaitTime());
        add("requireFromPresent", ArangoReplicationConstants.REQUIRE_FROM_PRESENT, Boolean.class,
                leader.getRequireFromPresent());
        add("verbose", ArangoReplicationConstants.VERBOSE, Boolean.class, leader.getVerbose());
        add("chunkSize", ArangoReplicationConstants.CHUNK_SIZE, Long.class, requests.getChunkSize());
        add("includeSystem", ArangoReplicationConstants.INCLUDE_SYSTEM, Boolean.class, endpoint.getIncludeSystem());
    }

    private void add(String field, String header, Class<?> type, Object optionValue) {
        settings.add(new Setting(field, header, type, optionValue));
    }

    /** The applier configuration to send with setApplierConfig or makeSlave. */
    ApplierConfig applierConfig(Message message) {
        return read(resolve(message), ApplierConfig.class);
    }

    /** The request of synchronize; applier-only settings (autoStart, chunkSize, …) do not apply to it. */
    SyncRequest syncRequest(Message message) {
        Map<String, Object> fields = resolve(message);
        if (fields.get("endpoint") == null) {
            throw new IllegalArgumentException(
                    "Operation synchronize needs the leader endpoint: set the leaderEndpoint option, the "
                                               + ArangoReplicationConstants.LEADER_ENDPOINT
                                               + " header or an endpoint field in the body");
        }
        Set<String> syncFields = Arrays.stream(SyncRequest.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        fields.keySet().retainAll(syncFields);
        return read(fields, SyncRequest.class);
    }

    /** Merges options, body and headers into applier configuration fields. */
    private Map<String, Object> resolve(Message message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Setting setting : settings) {
            putValue(fields, setting.field(), setting.optionValue());
        }
        fields.putAll(bodyFields(message.getBody()));
        for (Setting setting : settings) {
            putValue(fields, setting.field(), RequestParameters.header(message, setting.header(), setting.type()));
        }
        ArangoReplicationApplierConfiguration.requireRestrictType(fields.get("restrictType"));
        return fields;
    }

    private static void putValue(Map<String, Object> fields, String field, Object value) {
        if (value == null) {
            return;
        }
        if ("restrictCollections".equals(field) && value instanceof String names) {
            value = Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        }
        fields.put(field, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bodyFields(Object body) {
        if (body == null || body instanceof String text && text.isBlank()) {
            return Map.of();
        }
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (body instanceof ApplierConfig || body instanceof SyncRequest) {
            return Json.mapper().convertValue(body, Map.class); // the record's fields, not the server answer it kept
        }
        if (body instanceof String json) {
            try {
                JsonNode node = Json.mapper().readTree(json);
                if (node.isObject()) {
                    return Json.mapper().convertValue(node, Map.class);
                }
            } catch (JsonProcessingException e) {
                // reported below with the accepted body types
            }
            throw new IllegalArgumentException("The body of an applier configuration operation must be a JSON object, was: "
                                               + abbreviate(json));
        }
        throw new IllegalArgumentException(
                "The body of an applier configuration operation must be an ApplierConfig, a SyncRequest, a Map or JSON text, was "
                                           + body.getClass().getName());
    }

    private static <T> T read(Map<String, Object> fields, Class<T> type) {
        try {
            return READER.forType(type).readValue((JsonNode) Json.mapper().valueToTree(fields));
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalArgumentException("Invalid applier configuration for " + type.getSimpleName() + ": "
                                               + cause.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** Leaves the client records' server-answer component ({@code raw}) empty when building requests. */
    private static final class NoInjectedValues extends InjectableValues {
        @Override
        public Object findInjectableValue(Object valueId, DeserializationContext context, BeanProperty property,
                                          Object beanInstance) {
            return null;
        }

        @Override
        public Object findInjectableValue(DeserializationContext context, Object valueId, BeanProperty property,
                                          Object beanInstance, Boolean optional, Boolean useInput) {
            return null;
        }
    }
}
