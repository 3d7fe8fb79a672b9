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
package io.github.camelarango.replication.emulator.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The stored applier configuration of §3.18: defaults as a fresh 3.11.4 server shows them, validation of a PUT
 * body (400/1410 naming the attribute), and a password that is kept but never shown.
 */
final class ApplierConfig {

    private static final Set<String> RESTRICT_TYPES = Set.of("", "include", "exclude");

    private final ObjectNode values = defaults();
    private String endpoint;
    private String database;
    private String username;
    private String password;

    static ObjectNode defaults() {
        ObjectNode d = Json.object();
        d.put("requestTimeout", 600);
        d.put("connectTimeout", 10);
        d.put("ignoreErrors", 0);
        d.put("maxConnectRetries", 100);
        d.put("lockTimeoutRetries", 0);
        d.put("sslProtocol", 0);
        d.put("chunkSize", 0);
        d.put("skipCreateDrop", false);
        d.put("autoStart", false);
        d.put("adaptivePolling", true);
        d.put("autoResync", false);
        d.put("autoResyncRetries", 2);
        d.put("maxPacketSize", 536870912);
        d.put("includeSystem", true);
        d.put("includeFoxxQueues", false);
        d.put("requireFromPresent", true);
        d.put("verbose", false);
        d.put("incremental", false);
        d.put("restrictType", "");
        d.set("restrictCollections", Json.array());
        d.put("connectionRetryWaitTime", 15);
        d.put("initialSyncMaxWaitTime", 300);
        d.put("idleMinWaitTime", 1);
        d.put("idleMaxWaitTime", 2.5);
        return d;
    }

    /** Validates and applies a PUT body; attributes not given keep their defaults. */
    void apply(JsonNode body, String localDatabase) {
        if (body == null || !body.isObject()) {
            throw invalid("body must be a JSON object");
        }
        JsonNode ep = body.get("endpoint");
        if (ep == null || !ep.isTextual() || ep.asText().isBlank()) {
            throw invalid("'endpoint' must be given as a string, e.g. \"tcp://127.0.0.1:8529\"");
        }
        ObjectNode candidate = defaults();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode def = candidate.get(name);
            if (def == null) {
                continue;
            }
            if (def.isNumber() && !value.isNumber() || def.isBoolean() && !value.isBoolean()
                    || def.isTextual() && !value.isTextual() || def.isArray() && !value.isArray()) {
                throw invalid("'" + name + "' must be of type " + def.getNodeType().name().toLowerCase() + ", was " + value);
            }
            candidate.set(name, value);
        }
        if (!RESTRICT_TYPES.contains(candidate.path("restrictType").asText())) {
            throw invalid("'restrictType' must be one of \"\", \"include\", \"exclude\", was " + candidate.get("restrictType"));
        }
        for (JsonNode c : candidate.path("restrictCollections")) {
            if (!c.isTextual()) {
                throw invalid("'restrictCollections' must be an array of collection names");
            }
        }
        values.setAll(candidate);
        endpoint = ep.asText();
        database = body.path("database").isTextual() ? body.path("database").asText() : localDatabase;
        username = body.path("username").isTextual() ? body.path("username").asText() : null;
        password = body.path("password").isTextual() ? body.path("password").asText() : null;
    }

    private static ArangoException invalid(String why) {
        return new ArangoException(400, 1410, "invalid replication applier configuration: " + why);
    }

    boolean hasEndpoint() {
        return endpoint != null;
    }

    String endpoint() {
        return endpoint;
    }

    String database() {
        return database;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    JsonNode value(String name) {
        return values.get(name);
    }

    /** GET shape: endpoint, database, username (when set), then the options. Never the password. */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        if (endpoint != null) {
            node.put("endpoint", endpoint);
            node.put("database", database);
        }
        if (username != null) {
            node.put("username", username);
        }
        node.setAll(values.deepCopy());
        return node;
    }

    ArrayNode restrictCollections() {
        return (ArrayNode) values.get("restrictCollections");
    }

    @Override
    public String toString() {
        return "ApplierConfig[endpoint=" + endpoint + ", database=" + database + ", username=" + username + ", password=***]";
    }
}
