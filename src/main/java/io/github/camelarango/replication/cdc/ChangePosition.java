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
package io.github.camelarango.replication.cdc;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.Ticks;

/**
 * Where a change stream stands: the value to commit once an event has been delivered, and to resume from.
 * <p>
 * In the {@link Phase#TAIL} phase the position is the WAL tick {@link #from()} up to which (inclusive) every change
 * was delivered, plus the server's {@code lastScanned} hint. In the {@link Phase#SNAPSHOT} phase it is the snapshot
 * tick (the tick the tail will start after once the snapshot is complete; when a snapshot was resumed with a second
 * batch, the earliest of the snapshot ticks) and the names of the collections whose dump was fully delivered.
 * <p>
 * A position also lists the {@link #collections() collections the stream captures} as of it, by globally unique id
 * (cuid) with their names then, so that a restarted stream still follows a renamed collection and still names one
 * dropped while it was stopped (positions of format 1, and those written before the stream knew them, have none).
 * <p>
 * Positions are immutable and serialise to a compact JSON string ({@link #toJson()} / {@link #parse(String)}) so
 * that any string key-value store can keep them. Ticks are unsigned 64-bit values, written as decimal strings.
 * Format 2 adds the captured collections to format 1, which is still read; fields it does not know are ignored.
 */
public final class ChangePosition {

    /** The phase of a change stream. */
    public enum Phase {
        /** Dumping collections under a batch. */
        SNAPSHOT,
        /** Tailing the write-ahead log. */
        TAIL
    }

    private static final int FORMAT_VERSION = 2;
    private static final int FIRST_FORMAT_VERSION = 1;

    private final Phase phase;
    private final long from;
    private final long lastScanned;
    private final Set<String> completedCollections;
    /** cuid to name of the captured collections (unmodifiable); null when not known. */
    private final Map<String, String> collections;
    /** The JSON form, rendered once: a delivered change needs it for its headers and again for its commit. */
    private String json;

    private ChangePosition(Phase phase, long from, long lastScanned, Set<String> completedCollections,
                           Map<String, String> collections) {
        this.phase = phase;
        this.from = from;
        this.lastScanned = lastScanned;
        this.completedCollections = completedCollections;
        this.collections = collections;
    }

    /** A tail position: every change with a tick up to {@code from} (unsigned, inclusive) was delivered. */
    public static ChangePosition tail(long from, long lastScanned) {
        return new ChangePosition(Phase.TAIL, from, lastScanned, Set.of(), null);
    }

    /** A snapshot position: the snapshot tick and the collections whose dump was fully delivered. */
    public static ChangePosition snapshot(long snapshotTick, Set<String> completedCollections) {
        return new ChangePosition(Phase.SNAPSHOT, snapshotTick, 0,
                Collections.unmodifiableSet(new TreeSet<>(completedCollections)), null);
    }

    public Phase phase() {
        return phase;
    }

    /** Tail phase: the last delivered tick; snapshot phase: the snapshot tick the tail will start after. */
    public long from() {
        return from;
    }

    /** The server's {@code lastScanned} hint to send back (0 when unknown). */
    public long lastScanned() {
        return lastScanned;
    }

    /** Snapshot phase: the snapshot tick (same as {@link #from()}). */
    public long snapshotTick() {
        return from;
    }

    /** Snapshot phase: the collections whose dump was fully delivered; empty in the tail phase. */
    public Set<String> completedCollections() {
        return completedCollections;
    }

    public boolean isSnapshot() {
        return phase == Phase.SNAPSHOT;
    }

    /**
     * The collections the stream captures as of this position: globally unique id (cuid) to the name it had then;
     * empty when the position does not know them (format 1, or taken before the stream knew them).
     */
    public Optional<Map<String, String>> collections() {
        return Optional.ofNullable(collections);
    }

    /** This position with the captured collections {@code cuid -> name} (this one when they are the same). */
    public ChangePosition withCollections(Map<String, String> captured) {
        if (captured == collections || captured != null && captured.equals(collections)) {
            return this;
        }
        // Map.copyOf keeps an unmodifiable map as it is: the positions of a stream share its catalog's copy
        return new ChangePosition(phase, from, lastScanned, completedCollections,
                captured == null ? null : Map.copyOf(captured));
    }

    /** This snapshot position with one more collection completed. */
    public ChangePosition withCompleted(String collection) {
        Set<String> done = new TreeSet<>(completedCollections);
        done.add(collection);
        return snapshot(from, done).withCollections(collections);
    }

    /**
     * The compact JSON form, e.g. {@code {"v":2,"phase":"TAIL","from":"189495","lastScanned":"189505",
     * "collections":{"h3A468B5B7C1A/71947":"products"}}}.
     */
    public String toJson() {
        String rendered = json; // a racy cache is safe: Strings are immutable, every thread renders the same text
        if (rendered == null) {
            rendered = render();
            json = rendered;
        }
        return rendered;
    }

    private String render() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("v", FORMAT_VERSION);
        node.put("phase", phase.name());
        if (phase == Phase.TAIL) {
            node.put("from", Ticks.format(from));
            node.put("lastScanned", Ticks.format(lastScanned));
        } else {
            node.put("snapshotTick", Ticks.format(from));
            ArrayNode done = node.putArray("done");
            completedCollections.forEach(done::add);
        }
        if (collections != null) {
            ObjectNode captured = node.putObject("collections");
            new TreeMap<>(collections).forEach(captured::put); // sorted by cuid: the same text for the same list
        }
        return node.toString();
    }

    /**
     * Parses the form written by {@link #toJson()}, of format 2 or 1.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not a position of a known format
     */
    public static ChangePosition parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("change position is empty; expected the JSON written by ChangePosition.toJson()");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("change position is not JSON: " + abbreviate(json), e);
        }
        int version = node == null || !node.isObject() ? -1 : node.path("v").asInt(-1);
        if (version != FORMAT_VERSION && version != FIRST_FORMAT_VERSION) {
            throw new IllegalArgumentException("change position has an unknown format (expected \"v\":" + FORMAT_VERSION
                    + " or " + FIRST_FORMAT_VERSION + "): " + abbreviate(json));
        }
        String phase = node.path("phase").asText();
        ChangePosition position;
        if (Phase.TAIL.name().equals(phase)) {
            position = tail(tick(node, "from", json), node.has("lastScanned") ? tick(node, "lastScanned", json) : 0);
        } else if (Phase.SNAPSHOT.name().equals(phase)) {
            Set<String> done = new TreeSet<>();
            node.path("done").forEach(n -> done.add(n.asText()));
            position = snapshot(tick(node, "snapshotTick", json), done);
        } else {
            throw new IllegalArgumentException("change position has phase '" + phase + "'; allowed are SNAPSHOT and "
                    + "TAIL: " + abbreviate(json));
        }
        return position.withCollections(collections(node.get("collections"), json));
    }

    private static Map<String, String> collections(JsonNode captured, String json) {
        if (captured == null || captured.isNull()) {
            return null;
        }
        if (!captured.isObject()) {
            throw new IllegalArgumentException("change position has 'collections' that are not an object of cuid to "
                    + "name: " + abbreviate(json));
        }
        Map<String, String> names = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = captured.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            names.put(field.getKey(), field.getValue().asText());
        }
        return names;
    }

    private static long tick(JsonNode node, String field, String json) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("change position misses the tick '" + field + "': " + abbreviate(json));
        }
        try {
            return Ticks.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("change position has tick '" + field + "' = '" + value.asText()
                    + "', which is not an unsigned 64-bit decimal", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangePosition p && p.phase == phase && p.from == from && p.lastScanned == lastScanned
                && p.completedCollections.equals(completedCollections) && Objects.equals(p.collections, collections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, from, lastScanned, completedCollections, collections);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
