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
package io.github.camelarango.replication.client;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_admin/cluster/health}: every server of the cluster by id.
 *
 * @param servers the servers by id
 * @param raw     the complete answer
 */
public record ClusterHealth(Map<String, Member> servers, JsonNode raw) {

    /**
     * One server as the health answer describes it.
     *
     * @param id        the server's id, e.g. {@code PRMR-…}
     * @param shortName e.g. {@code DBServer0001}; null when absent
     * @param endpoint  as the cluster names it, e.g. {@code tcp://10.0.0.5:8530}; null when absent
     * @param role      {@code DBServer}, {@code Coordinator} or {@code Agent}
     * @param status    {@code GOOD}, {@code BAD} or {@code FAILED}
     */
    public record Member(String id, String shortName, String endpoint, String role, String status) {

        /** Whether it is a DB-Server. */
        public boolean isDbServer() {
            return "DBServer".equals(role);
        }

        /** Whether the cluster sees it as serving. */
        public boolean isGood() {
            return "GOOD".equals(status);
        }
    }

    /** Copies the map. */
    public ClusterHealth {
        servers = Map.copyOf(servers);
    }

    /** Reads an answer; throws IllegalArgumentException when it has no {@code Health} object. */
    static ClusterHealth of(JsonNode answer) {
        JsonNode health = answer == null ? null : answer.get("Health");
        if (health == null || !health.isObject()) {
            throw new IllegalArgumentException("expected a Health object, got " + (answer == null ? null : "another"));
        }
        Map<String, Member> servers = new LinkedHashMap<>();
        health.fields().forEachRemaining(entry -> {
            JsonNode server = entry.getValue();
            servers.put(entry.getKey(), new Member(entry.getKey(), text(server, "ShortName"), text(server, "Endpoint"),
                    text(server, "Role"), text(server, "Status")));
        });
        return new ClusterHealth(servers, answer);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
