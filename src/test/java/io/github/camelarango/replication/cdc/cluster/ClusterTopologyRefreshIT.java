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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ReplayedState;
import io.github.camelarango.replication.client.SuperuserJwt;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.COLLECTIONS;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.DB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The topologyRefreshInterval: how soon a cluster's stream notices that a shard it reads has another leader in
 * Current. The Coordinator's shardDistribution is made to name a shard's follower as its leader (while every DB-Server
 * keeps answering, so only the periodic read can notice it).
 */
class ClusterTopologyRefreshIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShortIntervalNoticesALeaderChangeSoon() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(30));
             ClusterChangeStream stream = stream(fixture, Duration.ofMillis(100))) {
            String shard = catchUpThenMoveALeader(fixture, stream);
            ShardLeaderChangedException stop = ClusterFixture.pollUntilFailure(stream,
                    ShardLeaderChangedException.class, Duration.ofSeconds(10));
            assertNotNull(stop, "the leader change was noticed");
            assertEquals(shard, stop.shard());
            assertEquals("orders", stop.collection());
        }
    }

    @Test
    void aLongIntervalDoesNotReadTheTopologyBeforeItIsDue() {
        // the default, 2 s, would notice it within this test's 4 s
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(30));
             ClusterChangeStream stream = stream(fixture, Duration.ofHours(1))) {
            catchUpThenMoveALeader(fixture, stream);
            assertNull(ClusterFixture.pollUntilFailure(stream, ShardLeaderChangedException.class,
                    Duration.ofSeconds(4)), "the topology is not read again before the interval passed");
        }
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
     * Catches the stream up with a few writes, then has every later shardDistribution answer name the follower of an
     * orders shard as its leader in Current.
     *
     * @return that shard
     */
    private static String catchUpThenMoveALeader(ClusterFixture fixture, ClusterChangeStream stream) {
        fixture.randomWrites(20);
        fixture.catchUp(stream, new ReplayedState());
        Map.Entry<String, List<String>> shard = fixture.cluster.shards(DB, "orders").entrySet().iterator().next();
        fixture.cluster.coordinator().faults().rewriteLine("GET", "/_admin/cluster/shardDistribution",
                "\"Current\"", line -> swapCurrentLeader(line, shard.getKey()), 100_000);
        return shard.getKey();
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
