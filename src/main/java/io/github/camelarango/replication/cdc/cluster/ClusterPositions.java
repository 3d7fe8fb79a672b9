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
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.PositionStore;
import io.github.camelarango.replication.client.Json;

/**
 * The position of a {@link ClusterChangeStream}: per stream of a DB-Server, the shards it reads (with their
 * collections) and its {@link ChangePosition}, and per in-sync follower of a shard the follower's shadow position
 * (where capture continues if it becomes the shard's leader), kept as one JSON text under the stream key:
 * <pre>{"cluster":{"PRMR-…":{"shortName":"DBServer0001","shards":{"s10001":"orders",…},"position":{…}},
 *             "PRMR-…/s10002":{"server":"PRMR-…","shards":{"s10002":"orders"},"position":{…}},…},
 *  "shadows":{"PRMR-…":{"s10001":{…},…},…}}</pre>
 * A stream is named by its server's id, or, for a shard taken over after a fail-over, by {@code <serverId>/<shard>}
 * with its server in {@code server}. Every save of one stream's position writes the whole text at once (under a lock)
 * with the shadows of that moment, so a crash never leaves half a commit and the positions never contradict one
 * another. Each stream sees its part through {@link #of a view}.
 */
final class ClusterPositions {

    /**
     * One stream's part.
     *
     * @param serverId  the DB-Server the stream reads
     * @param shortName the server's short name then, null when unknown
     * @param shards    shard name to collection name: what the stream reads
     * @param position  its position; null before its first save
     */
    record Entry(String serverId, String shortName, Map<String, String> shards, ChangePosition position) {

        Entry {
            shards = Map.copyOf(shards);
        }
    }

    private final ClusterPositionStore store;
    private final String key;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, Map<String, ChangePosition>> storedShadows = new TreeMap<>();
    private Supplier<Map<String, Map<String, ChangePosition>>> shadows = Map::of;

    ClusterPositions(ClusterPositionStore store, String key) {
        this.store = store;
        this.key = key;
    }

    /** Where every save takes the followers' shadow positions from: follower id to shard to position. */
    synchronized void shadowsFrom(Supplier<Map<String, Map<String, ChangePosition>>> source) {
        this.shadows = source;
    }

    /**
     * Reads the stored text: the streams' parts by stream id ({@link #shadows()} has the shadows).
     *
     * @throws ChangeStreamException when the text under the key is not a cluster's position
     */
    synchronized Map<String, Entry> load() {
        entries.clear();
        storedShadows.clear();
        Optional<String> text = store.load(key);
        if (text.isEmpty()) {
            return Map.of();
        }
        JsonNode root = parse(text.get()).orElseThrow(() -> new ChangeStreamException("The position stored under key '"
                + key + "' is not a cluster's position (a single server's stream wrote it?); a cluster stream cannot "
                + "continue from it. Use another offsetKey, or delete that position to start with a new snapshot."));
        root.get("cluster").fields().forEachRemaining(stream -> {
            JsonNode entry = stream.getValue();
            Map<String, String> shards = new LinkedHashMap<>();
            entry.path("shards").fields().forEachRemaining(s -> shards.put(s.getKey(), s.getValue().asText()));
            entries.put(stream.getKey(), new Entry(entry.path("server").asText(stream.getKey()),
                    entry.path("shortName").asText(null), shards, position(entry.get("position"))));
        });
        root.path("shadows").fields().forEachRemaining(follower -> follower.getValue().fields().forEachRemaining(
                shard -> storedShadows.computeIfAbsent(follower.getKey(), f -> new TreeMap<>())
                        .put(shard.getKey(), position(shard.getValue()))));
        return Map.copyOf(entries);
    }

    /** The JSON tree of {@code text} when it is a cluster's position ({@code {"cluster":{…},…}}); empty otherwise. */
    static Optional<JsonNode> parse(String text) {
        try {
            JsonNode root = Json.mapper().readTree(text);
            return root != null && root.path("cluster").isObject() ? Optional.of(root) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ChangePosition position(JsonNode node) {
        return node == null || node.isNull() ? null : ChangePosition.parse(node.toString());
    }

    /** The shadows the last {@link #load()} read: follower id to shard to position. */
    synchronized Map<String, Map<String, ChangePosition>> shadows() {
        return Map.copyOf(storedShadows);
    }

    /**
     * The view of one stream's part for its stream: loads its position, and saves it by writing the whole text with
     * the stream's shards as they are then.
     */
    PositionStore of(String streamId, String serverId, String shortName, Map<String, String> shards) {
        synchronized (this) {
            entries.computeIfAbsent(streamId, id -> new Entry(serverId, shortName, shards, null));
        }
        return new PositionStore() {
            @Override
            public Optional<ChangePosition> load(String ignoredKey) {
                synchronized (ClusterPositions.this) {
                    Entry entry = entries.get(streamId);
                    return Optional.ofNullable(entry == null ? null : entry.position());
                }
            }

            @Override
            public void save(String ignoredKey, ChangePosition position) {
                synchronized (ClusterPositions.this) {
                    Entry before = entries.get(streamId);
                    if (before == null) {
                        return; // every shard of the stream was taken over by another: it covers nothing any more
                    }
                    write(streamId, new Entry(serverId, shortName, before.shards(), position));
                }
            }
        };
    }

    /**
     * Continues {@code shard} on another stream after a fail-over, in one write: the shard leaves the part of the
     * stream {@code fromStreamId} (which is removed when no shard is left to it), and the new stream's part starts at
     * {@code position}.
     */
    synchronized void takeOver(String fromStreamId, String shard, String streamId, Entry taking) {
        Map<String, Entry> before = new TreeMap<>(entries);
        Entry from = entries.get(fromStreamId);
        if (from != null) {
            Map<String, String> left = new TreeMap<>(from.shards());
            left.remove(shard);
            if (left.isEmpty()) {
                entries.remove(fromStreamId);
            } else {
                entries.put(fromStreamId, new Entry(from.serverId(), from.shortName(), left, from.position()));
            }
        }
        entries.put(streamId, taking);
        try {
            store.save(key, json());
        } catch (RuntimeException e) {
            entries.clear();
            entries.putAll(before);
            throw e;
        }
    }

    private void write(String streamId, Entry entry) {
        Entry before = entries.put(streamId, entry);
        try {
            store.save(key, json());
        } catch (RuntimeException e) {
            if (before == null) {
                entries.remove(streamId);
            } else {
                entries.put(streamId, before);
            }
            throw e;
        }
    }

    /** Writes the stored position again with the shadows of now (once a stream saved a position). */
    synchronized void saveShadows() {
        if (entries.values().stream().anyMatch(e -> e.position() != null)) {
            store.save(key, json());
        }
    }

    /** The whole position as JSON; empty while no stream saved one. */
    synchronized Optional<String> committed() {
        return entries.values().stream().anyMatch(e -> e.position() != null) ? Optional.of(json()) : Optional.empty();
    }

    private String json() {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode streams = root.putObject("cluster");
        entries.forEach((streamId, entry) -> {
            ObjectNode stream = streams.putObject(streamId);
            if (!streamId.equals(entry.serverId())) {
                stream.put("server", entry.serverId());
            }
            if (entry.shortName() != null) {
                stream.put("shortName", entry.shortName());
            }
            ObjectNode shards = stream.putObject("shards");
            new TreeMap<>(entry.shards()).forEach(shards::put);
            if (entry.position() != null) {
                stream.set("position", tree(entry.position()));
            }
        });
        Map<String, Map<String, ChangePosition>> now = shadows.get();
        if (!now.isEmpty()) {
            ObjectNode followers = root.putObject("shadows");
            new TreeMap<>(now).forEach((follower, byShard) -> {
                ObjectNode shards = followers.putObject(follower);
                new TreeMap<>(byShard).forEach((shard, position) -> shards.set(shard, tree(position)));
            });
        }
        return root.toString();
    }

    private static JsonNode tree(ChangePosition position) {
        try {
            return Json.mapper().readTree(position.toJson());
        } catch (IOException e) {
            throw new IllegalStateException("a position's own JSON could not be read back", e);
        }
    }
}
