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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ReplayedState;
import io.github.camelarango.replication.client.SuperuserJwt;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.COLLECTIONS;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.DB;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topologyRefreshInterval: how soon a cluster's stream notices that a shard it reads has another leader in
 * Current (and takes it over there from the follower's shadow). The Coordinator's shardDistribution is made to name a shard's follower as its leader (while every DB-Server
 * keeps answering, so only the periodic read can notice it).
 */
class ClusterTopologyRefreshIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShortIntervalNoticesALeaderChangeSoon() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(30));
             ClusterChangeStream stream = stream(fixture, Duration.ofMillis(100))) {
            Map.Entry<String, String> moved = catchUpThenMoveALeader(fixture, stream);
            assertTrue(pollUntil(stream, Duration.ofSeconds(10), () -> readFrom(stream, moved.getValue())
                    .contains(moved.getKey())), "the leader change was noticed: the shard is read from its new leader "
                    + stream.shardsByServer() + stream.failure().map(Throwable::getMessage).orElse(""));
        }
    }

    @Test
    void aLongIntervalDoesNotReadTheTopologyBeforeItIsDue() {
        // the default, 2 s, would notice it within this test's 4 s
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(30));
             ClusterChangeStream stream = stream(fixture, Duration.ofHours(1))) {
            Map.Entry<String, String> moved = catchUpThenMoveALeader(fixture, stream);
            assertFalse(pollUntil(stream, Duration.ofSeconds(4), () -> readFrom(stream, moved.getValue())
                    .contains(moved.getKey()) || stream.failure().isPresent()),
                    "the topology is not read again before the interval passed: " + stream.shardsByServer());
        }
    }

    private static Set<String> readFrom(ClusterChangeStream stream, String server) {
        return stream.shardsByServer().getOrDefault(server, Map.of()).keySet();
    }

    /** Polls (nothing is written) until {@code done} or {@code timeout}; whether it got done. */
    private static boolean pollUntil(ClusterChangeStream stream, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            try {
                stream.poll(50);
            } catch (RuntimeException e) {
                if (stream.failure().isPresent()) {
                    return done.getAsBoolean();
                }
            }
        }
        return done.getAsBoolean();
    }

    private static ClusterChangeStream stream(ClusterFixture fixture, Duration topologyRefreshInterval) {
        ChangeStreamOptions options = ChangeStreamOptions.builder().streamKey("cluster-it")
                .includeCollections(Set.copyOf(COLLECTIONS)).idleMinWait(Duration.ofMillis(10))
                .idleMaxWait(Duration.ofMillis(30)).topologyRefreshInterval(topologyRefreshInterval).build();
        return new ClusterChangeStream(fixture.coordinator, SuperuserJwt.of(fixture.cluster.jwtSecret().toCharArray()),
                options, ClusterPositionStore.ofStrings(fixture.store::get, fixture.store::put), fixture.timer,
                fixture.fetchers);
    }

    /**
     * Catches the stream up with a few writes and waits until the follower of an orders shard has a proven shadow of
     * it, then has every later shardDistribution answer name that follower as the shard's leader in Current.
     *
     * @return the shard and its follower, the leader Current names from then on
     */
    private static Map.Entry<String, String> catchUpThenMoveALeader(ClusterFixture fixture, ClusterChangeStream stream) {
        fixture.randomWrites(20);
        fixture.catchUp(stream, new ReplayedState());
        Map.Entry<String, List<String>> shard = fixture.cluster.shards(DB, "orders").entrySet().iterator().next();
        String follower = shard.getValue().get(1);
        assertTrue(pollUntil(stream, Duration.ofSeconds(10), () -> {
            var shadow = stream.shadowsByFollower().getOrDefault(follower, Map.of()).get(shard.getKey());
            return shadow != null && !shadow.isSnapshot();
        }), "a proven shadow of " + shard.getKey() + " on " + follower + ": " + stream.shadowsByFollower());
        fixture.cluster.coordinator().faults().rewriteLine("GET", "/_admin/cluster/shardDistribution",
                "\"Current\"", line -> swapCurrentLeader(line, shard.getKey()), 100_000);
        return Map.entry(shard.getKey(), follower);
    }

    /** The answer with the shard's first follower as its leader in Current, and its leader as a follower. */
    private static byte[] swapCurrentLeader(byte[] line, String shard) {
        try {
            ObjectNode answer = (ObjectNode) JSON.readTree(line);
            ObjectNode current = (ObjectNode) answer.path("results").path("orders").path("Current").path(shard);
            ArrayNode followers = (ArrayNode) current.get("followers");
            String leader = current.get("leader").asText();
            current.put("leader", followers.get(0).asText());
            followers.set(0, leader);
            return JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
