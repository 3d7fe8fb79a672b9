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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DB-Server of the emulator's cluster that fails, the captured shards it leads and the in-sync follower that takes
 * each over (the first one in Current, as the emulator's Supervision chooses), and when Current showed them all.
 */
public final class FailOver {

    /** A shard the failed server led, its collection and its new leader. */
    private record Move(String shard, String collection, String newLeader) {
    }

    private final ArangoEmulatorCluster cluster;
    private final String database;
    private final String failed;
    private final List<Move> moves = new ArrayList<>();
    private volatile long doneAt;

    private FailOver(ArangoEmulatorCluster cluster, String database, List<String> collections, String failed) {
        this.cluster = cluster;
        this.database = database;
        this.failed = failed;
        for (String collection : collections) {
            cluster.shards(database, collection).forEach((shard, servers) -> {
                if (servers.get(0).equals(failed)) {
                    assertTrue(servers.size() > 1, "shard " + shard + " has an in-sync follower: " + servers);
                    moves.add(new Move(shard, collection, servers.get(1)));
                }
            });
        }
        assertFalse(moves.isEmpty(), failed + " leads captured shards");
    }

    /** Fails the server now (with the cluster's fail-over delay); {@link #done()} tells when Current shows it. */
    public static FailOver of(ArangoEmulatorCluster cluster, String database, List<String> collections,
                              String failed) {
        FailOver failOver = planned(cluster, database, collections, failed);
        cluster.failDbServer(failed);
        return failOver;
    }

    /** The fail-over that failing the server would bring now; the server is not failed. */
    public static FailOver planned(ArangoEmulatorCluster cluster, String database, List<String> collections,
                                   String failed) {
        return new FailOver(cluster, database, collections, failed);
    }

    /** @return the id of the failed DB-Server */
    public String failed() {
        return failed;
    }

    /** @return each shard it led to the id of its new leader */
    public Map<String, String> newLeaders() {
        Map<String, String> leaders = new LinkedHashMap<>();
        moves.forEach(m -> leaders.put(m.shard(), m.newLeader()));
        return leaders;
    }

    /** @return whether Current shows every new leader (and from then on, when it first did) */
    public boolean done() {
        boolean done = moves.stream()
                .allMatch(m -> m.newLeader().equals(cluster.shards(database, m.collection()).get(m.shard()).get(0)));
        if (done && doneAt == 0) {
            doneAt = System.nanoTime();
        }
        return done;
    }

    /** @return {@link System#nanoTime()} when {@link #done()} first saw the fail-over done; 0 before */
    public long doneAt() {
        return doneAt;
    }

    /**
     * The stored cluster position as the stream wrote it before fail-over continuation: only {@code cluster}, and of
     * each DB-Server only {@code shortName}, {@code shards} and {@code position} (docs/cluster-capture.md, Positions).
     *
     * @param stored a cluster position's JSON text
     * @return it without anything else
     */
    public static String withoutFollowerPositions(String stored) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode value = json.readTree(stored);
        ObjectNode servers = json.createObjectNode();
        value.get("cluster").fields().forEachRemaining(server -> {
            ObjectNode entry = servers.putObject(server.getKey());
            for (String field : List.of("shortName", "shards", "position")) {
                entry.set(field, server.getValue().get(field));
            }
        });
        ObjectNode old = json.createObjectNode();
        old.set("cluster", servers);
        return json.writeValueAsString(old);
    }

    @Override
    public String toString() {
        return "the fail-over of " + failed + ": " + newLeaders();
    }

    /**
     * Whether the stored position has every stream in its tail and a shadow for every in-sync follower of every shard,
     * each in its tail form (proven).
     */
    public static boolean provenAndStored(String stored) {
        if (stored == null || stored.isBlank() || stored.contains("\"SNAPSHOT\"")) {
            return false;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode shadows = io.github.camelarango.replication.client.Json.mapper()
                    .readTree(stored).path("shadows");
            int count = 0;
            for (var follower = shadows.elements(); follower.hasNext();) {
                count += follower.next().size();
            }
            return count == 2 * 3; // 2 collections x 3 shards, replicationFactor 2: one follower each
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
