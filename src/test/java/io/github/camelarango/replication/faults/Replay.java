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
package io.github.camelarango.replication.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What a downstream copy looks like after applying the sink's deliveries in order: {@code (collection, _key) -> _rev}.
 * Snapshot rows and upserts set a document, deletes remove it, a truncate or a drop empties the collection. Compared
 * with the emulator's ground truth it gives the number of documents the copy gets wrong ({@link #lost}) and the
 * deliveries that repeated an earlier one ({@link #duplicates}).
 */
final class Replay {

    private final Map<String, Map<String, String>> state = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();
    private final UnaryOperator<String> logicalName;
    private int duplicates;
    private int applied;

    /** @param logicalName maps a collection name as delivered to the name the ground truth uses (renames) */
    Replay(UnaryOperator<String> logicalName) {
        this.logicalName = logicalName;
    }

    static Replay of(List<Delivery> deliveries, UnaryOperator<String> logicalName) {
        Replay replay = new Replay(logicalName);
        deliveries.forEach(replay::apply);
        return replay;
    }

    void apply(Delivery d) {
        applied++;
        String identity = d.type() + "|" + (d.collection() == null ? "" : logicalName.apply(d.collection())) + "|"
                          + (d.key() != null ? d.key() + "|" + d.rev() : d.tick());
        if (!seen.add(identity)) {
            duplicates++; // the same document revision (or the same other change) delivered again
        }
        if (d.collection() == null) {
            return;
        }
        Map<String, String> docs = state.computeIfAbsent(logicalName.apply(d.collection()), c -> new TreeMap<>());
        switch (d.type()) {
            case "SNAPSHOT_READ", "UPSERT" -> docs.put(d.key(), d.rev());
            case "DELETE" -> docs.remove(d.key());
            case "COLLECTION_TRUNCATE", "COLLECTION_DROP" -> docs.clear();
            default -> {
                // schema changes, gaps: no document changes
            }
        }
    }

    /** Forgets the copy (a downstream that reloads from a new snapshot); duplicates counted so far stay counted. */
    void reset() {
        state.clear();
        seen.clear();
    }

    /** The number of documents of the truth that the copy misses, has with another revision, or has in excess. */
    int lost(Map<String, Map<String, String>> truth) {
        int lost = 0;
        Set<String> collections = new HashSet<>(truth.keySet());
        collections.addAll(state.keySet());
        for (String c : collections) {
            Map<String, String> expected = truth.getOrDefault(c, Map.of());
            Map<String, String> actual = state.getOrDefault(c, Map.of());
            Set<String> keys = new HashSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys) {
                if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                    lost++;
                }
            }
        }
        return lost;
    }

    /** Up to {@code max} differences, for a failure message. */
    String differences(Map<String, Map<String, String>> truth, int max) {
        StringBuilder sb = new StringBuilder();
        Map<String, Map<String, String>> all = new HashMap<>(truth);
        state.forEach(all::putIfAbsent);
        int n = 0;
        for (String c : new TreeMap<>(all).keySet()) {
            Map<String, String> expected = truth.getOrDefault(c, Map.of());
            Map<String, String> actual = state.getOrDefault(c, Map.of());
            Set<String> keys = new java.util.TreeSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys) {
                if (!java.util.Objects.equals(expected.get(key), actual.get(key)) && n++ < max) {
                    sb.append(c).append('/').append(key).append(": server ").append(expected.get(key))
                            .append(", copy ").append(actual.get(key)).append("; ");
                }
            }
        }
        return sb.toString();
    }

    int duplicates() {
        return duplicates;
    }

    int applied() {
        return applied;
    }
}
