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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ReplayedState;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.COLLECTIONS;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.DB;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the fail-over continuation (issue 16 item 3): what happens to the old leader's stream once every shard it
 * read was taken over by other DB-Servers.
 */
class ClusterFailOverReviewIT {

    /**
     * Fails when the stream of a failed DB-Server whose shards were all taken over stays open: it keeps retrying the
     * dead server (a thread and a client), and reports it as unreachable, so the consumer's health turns DOWN
     * (unreachableDbServers) after dbServerUnreachableTimeout although every shard is read and delivered elsewhere.
     */
    @Test
    void aFailedServerWhoseShardsWereAllTakenOverIsNoLongerReadNorReportedUnreachable() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMillis(300));
             ClusterChangeStream stream = fixture.stream()) {
            ReplayedState replica = primed(fixture, stream);
            String failed = fixture.cluster.dbServerIds().get(0);

            fixture.cluster.failDbServer(failed);
            awaitLeadersMovedOff(fixture, failed);
            fixture.randomWrites(40);
            fixture.catchUp(stream, replica);
            ClusterFixture.pollUntil(stream, replica, () -> !stream.shardsByServer().containsKey(failed)
                    || stream.shardsByServer().get(failed).isEmpty());
            Thread.sleep(1_000);
            fixture.catchUp(stream, replica);

            assertTrue(stream.failure().isEmpty(), () -> stream.failure().get().getMessage());
            assertEquals(fixture.truth(), state(replica));
            assertFalse(stream.unreachableSince().containsKey(failed),
                    "no shard is read from the failed server any more, yet it is reported unreachable (health DOWN "
                    + "after dbServerUnreachableTimeout): " + stream.unreachableSince() + ", reading "
                    + stream.shardsByServer());
            assertFalse(stream.shardsByServer().containsKey(failed),
                    "the failed server's stream is still open with nothing to read: " + stream.shardsByServer());
        }
    }

    /**
     * Fails when the old leader, back after its fail-over, makes its left-over stream save a position for the shards it
     * no longer reads: the stored value then names those shards twice (on the old leader and on the new one), and a
     * restart stops with a ShardLeaderChangedException instead of continuing.
     */
    @Test
    void aRecoveredOldLeaderDoesNotPutItsFormerShardsBackIntoThePosition() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMillis(300))) {
            ReplayedState replica;
            String failed;
            try (ClusterChangeStream first = fixture.stream()) {
                replica = primed(fixture, first);
                failed = fixture.cluster.dbServerIds().get(0);
                fixture.cluster.failDbServer(failed);
                awaitLeadersMovedOff(fixture, failed);
                fixture.catchUp(first, replica);
                ClusterFixture.pollUntil(first, replica, () -> !fixture.store.get("cluster-it")
                        .contains("\"" + failed + "\":"));
                fixture.cluster.recoverDbServer(failed);
                long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                ClusterFixture.pollUntil(first, replica, () -> System.nanoTime() > until);
                fixture.catchUp(first, replica);
                assertTrue(first.failure().isEmpty(), () -> first.failure().get().getMessage());
            }
            String stored = fixture.store.get("cluster-it");
            Map<String, List<String>> now = leaders(fixture);
            fixture.randomWrites(20);
            try (ClusterChangeStream second = fixture.stream()) {
                fixture.catchUp(second, replica);
                assertTrue(second.failure().isEmpty(), () -> "restart after a fail-over and the old leader's "
                        + "return: " + second.failure().get().getMessage() + "\nstored: " + stored + "\nleaders: "
                        + now);
                assertEquals(fixture.truth(), state(replica));
            }
        }
    }

    /** A stream past its snapshot with every change delivered and every follower's shadow proven (tail form). */
    static ReplayedState primed(ClusterFixture fixture, ClusterChangeStream stream) {
        fixture.randomWrites(40);
        ReplayedState replica = new ReplayedState();
        fixture.catchUp(stream, replica);
        fixture.randomWrites(40);
        ClusterFixture.pollUntil(stream, replica, () -> state(replica).equals(fixture.truth())
                && !stream.shadowsByFollower().isEmpty()
                && stream.shadowsByFollower().values().stream().mapToInt(Map::size).sum() == 6
                && stream.shadowsByFollower().values().stream().flatMap(m -> m.values().stream())
                        .noneMatch(ChangePosition::isSnapshot));
        return replica;
    }

    /** Shard name to its servers, leader first, of both collections. */
    static Map<String, List<String>> leaders(ClusterFixture fixture) {
        Map<String, List<String>> shards = new TreeMap<>();
        COLLECTIONS.forEach(c -> shards.putAll(fixture.cluster.shards(DB, c)));
        return shards;
    }

    static void awaitLeadersMovedOff(ClusterFixture fixture, String failed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (leaders(fixture).values().stream().anyMatch(s -> s.get(0).equals(failed))) {
            assertTrue(System.nanoTime() < deadline, "the fail-over did not happen");
            Thread.sleep(20);
        }
    }
}
