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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_db/<database>/_admin/cluster/shardDistribution}: the leader and followers of every shard of
 * the database's collections, as the Plan wants them and as Current has them. Servers are named as the answer names
 * them: short names where the cluster knows them, else ids.
 * <p>
 * Current says who leads a shard now; the Plan runs ahead during a fail-over or a move.
 *
 * @param plan    collection name to shard name to its servers in the Plan
 * @param current collection name to shard name to its servers in Current
 * @param raw     the complete answer
 */
public record ShardDistribution(Map<String, Map<String, Servers>> plan, Map<String, Map<String, Servers>> current,
                                JsonNode raw) {

    /**
     * A shard's servers.
     *
     * @param leader    the leader, null when the shard has none
     * @param followers the followers (in Current: the in-sync ones)
     */
    public record Servers(String leader, List<String> followers) {

        /** Copies the list. */
        public Servers {
            followers = List.copyOf(followers);
        }
    }

    /** Copies the maps. */
    public ShardDistribution {
        plan = Map.copyOf(plan);
        current = Map.copyOf(current);
    }

    /** Reads an answer; throws IllegalArgumentException when it has no {@code results} object. */
    static ShardDistribution of(JsonNode answer) {
        JsonNode results = answer == null ? null : answer.get("results");
        if (results == null || !results.isObject()) {
            throw new IllegalArgumentException("expected a results object");
        }
        Map<String, Map<String, Servers>> plan = new LinkedHashMap<>();
        Map<String, Map<String, Servers>> current = new LinkedHashMap<>();
        results.fields().forEachRemaining(collection -> {
            plan.put(collection.getKey(), shards(collection.getValue().get("Plan")));
            current.put(collection.getKey(), shards(collection.getValue().get("Current")));
        });
        return new ShardDistribution(plan, current, answer);
    }

    private static Map<String, Servers> shards(JsonNode shards) {
        Map<String, Servers> out = new LinkedHashMap<>();
        if (shards != null && shards.isObject()) {
            shards.fields().forEachRemaining(shard -> {
                JsonNode leader = shard.getValue().get("leader");
                List<String> followers = new ArrayList<>();
                shard.getValue().path("followers").forEach(f -> followers.add(f.asText()));
                out.put(shard.getKey(), new Servers(leader == null || leader.isNull() || leader.asText().isEmpty()
                        ? null : leader.asText(), followers));
            });
        }
        return Map.copyOf(out);
    }
}
