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
package io.github.camelarango.replication.cdc.cluster;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.PositionStore;
import io.github.camelarango.replication.client.Json;

/**
 * The position of a {@link ClusterChangeStream}: per DB-Server, the shards its stream reads (with their collections)
 * and that stream's {@link ChangePosition}, kept as one JSON text under the stream key:
 * <pre>{"cluster":{"PRMR-…":{"shortName":"DBServer0001","shards":{"s10001":"orders",…},"position":{…}},…}}</pre>
 * Every save of one server's position writes the whole text at once (under a lock), so a crash never leaves half a
 * commit and the servers' positions never contradict one another. Each server's stream sees its part through
 * {@link #of(String, String, Map) a view}.
 */
final class ClusterPositions {

    /**
     * One server's part.
     *
     * @param shortName the server's short name then, null when unknown
     * @param shards    shard name to collection name: what the server's stream reads
     * @param position  its stream's position; null before its first save
     */
    record Entry(String shortName, Map<String, String> shards, ChangePosition position) {
    }

    private final ClusterPositionStore store;
    private final String key;
    private final Map<String, Entry> entries = new TreeMap<>();

    ClusterPositions(ClusterPositionStore store, String key) {
        this.store = store;
        this.key = key;
    }

    /**
     * Reads the stored text.
     *
     * @throws ChangeStreamException when the text under the key is not a cluster's position
     */
    synchronized Map<String, Entry> load() {
        entries.clear();
        Optional<String> text = store.load(key);
        if (text.isEmpty()) {
            return Map.of();
        }
        JsonNode servers;
        try {
            servers = Json.mapper().readTree(text.get()).get("cluster");
        } catch (IOException e) {
            servers = null;
        }
        if (servers == null || !servers.isObject()) {
            throw new ChangeStreamException("The position stored under key '" + key + "' is not a cluster's position "
                    + "(a single server's stream wrote it?); a cluster stream cannot continue from it. Use another "
                    + "offsetKey, or delete that position to start with a new snapshot.");
        }
        servers.fields().forEachRemaining(server -> {
            JsonNode entry = server.getValue();
            Map<String, String> shards = new LinkedHashMap<>();
            entry.path("shards").fields().forEachRemaining(s -> shards.put(s.getKey(), s.getValue().asText()));
            JsonNode position = entry.get("position");
            entries.put(server.getKey(), new Entry(entry.path("shortName").asText(null), shards,
                    position == null || position.isNull() ? null : ChangePosition.parse(position.toString())));
        });
        return Map.copyOf(entries);
    }

    /**
     * The view of one server's part for its stream: loads its position, and saves it by writing the whole text with
     * the server's shards.
     */
    PositionStore of(String serverId, String shortName, Map<String, String> shards) {
        Map<String, String> read = Map.copyOf(shards);
        return new PositionStore() {
            @Override
            public Optional<ChangePosition> load(String ignoredKey) {
                synchronized (ClusterPositions.this) {
                    Entry entry = entries.get(serverId);
                    return Optional.ofNullable(entry == null ? null : entry.position());
                }
            }

            @Override
            public void save(String ignoredKey, ChangePosition position) {
                synchronized (ClusterPositions.this) {
                    Entry before = entries.put(serverId, new Entry(shortName, read, position));
                    try {
                        store.save(key, json());
                    } catch (RuntimeException e) {
                        restore(serverId, before);
                        throw e;
                    }
                }
            }
        };
    }

    private void restore(String serverId, Entry before) {
        if (before == null) {
            entries.remove(serverId);
        } else {
            entries.put(serverId, before);
        }
    }

    /** The whole position as JSON; empty while no server saved one. */
    synchronized Optional<String> committed() {
        return entries.values().stream().anyMatch(e -> e.position() != null) ? Optional.of(json()) : Optional.empty();
    }

    private String json() {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode servers = root.putObject("cluster");
        entries.forEach((serverId, entry) -> {
            ObjectNode server = servers.putObject(serverId);
            if (entry.shortName() != null) {
                server.put("shortName", entry.shortName());
            }
            ObjectNode shards = server.putObject("shards");
            new TreeMap<>(entry.shards()).forEach(shards::put);
            if (entry.position() != null) {
                try {
                    server.set("position", Json.mapper().readTree(entry.position().toJson()));
                } catch (IOException e) {
                    throw new IllegalStateException("a position's own JSON could not be read back", e);
                }
            }
        });
        return root.toString();
    }
}
