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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.ReplayedState;
import io.github.camelarango.replication.cdc.SnapshotMode;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.COLLECTIONS;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.DB;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cluster capture against the emulator's cluster (3 DB-Servers, 2 collections of 3 shards, replicationFactor 2):
 * each change once, named by its collection, from its shard's leader; restart from the stored per-server positions;
 * a returning DB-Server's resync writes not delivered; a fail-over continued on the new leader from its shadow (also
 * across a restart), or stopped loudly without one; a wrong JWT secret.
 */
class ClusterChangeStreamIT {

    @Test
    void snapshotThenTailDeliverEachChangeOnceFromItsShardsLeader() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(1));
             ClusterChangeStream stream = fixture.stream()) {
            fixture.randomWrites(80);
            ReplayedState replica = new ReplayedState();
            List<ChangeEvent> delivered = fixture.catchUp(stream, replica);
            assertTrue(delivered.stream().allMatch(e -> e.type() == ChangeType.SNAPSHOT_READ), "the snapshot first");

            fixture.randomWrites(120);
            delivered.addAll(fixture.catchUp(stream, replica));

            assertEquals(fixture.truth(), state(replica));
            assertEachOnceFromTheLeader(fixture, delivered);
            assertTrue(delivered.stream().anyMatch(e -> e.type() == ChangeType.DELETE));
            assertTrue(stream.committedPositionJson().orElseThrow().startsWith("{\"cluster\":{"),
                    stream.committedPositionJson().orElseThrow());
            assertEquals(Set.copyOf(fixture.cluster.dbServerIds()), stream.shardsByServer().keySet(),
                    "every DB-Server leads a shard");
        }
    }

    @Test
    void aSnapshotOnlyStreamFinishesOnceEveryShardWasDumped() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(1))) {
            fixture.randomWrites(60);
            try (ClusterChangeStream stream = fixture.stream(fixture.cluster.jwtSecret(), SnapshotMode.INITIAL_ONLY)) {
                ReplayedState replica = new ReplayedState();
                List<ChangeEvent> delivered = ClusterFixture.pollUntil(stream, replica, stream::isFinished);
                assertEquals(fixture.truth(), state(replica));
                assertTrue(delivered.stream().allMatch(e -> e.type() == ChangeType.SNAPSHOT_READ));
                assertEachOnceFromTheLeader(fixture, delivered);
                fixture.randomWrites(10);
                assertTrue(stream.poll(10).isEmpty(), "a finished stream reads no more");
            }
        }
    }

    @Test
    void restartResumesEachServerFromItsStoredPosition() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(1))) {
            fixture.randomWrites(60);
            ReplayedState replica = new ReplayedState();
            List<ChangeEvent> committed;
            try (ClusterChangeStream first = fixture.stream()) {
                committed = fixture.catchUp(first, replica);
                fixture.randomWrites(40);
                committed.addAll(fixture.catchUp(first, replica));
                fixture.randomWrites(10);
                // handed out, delivered, never committed: a restart delivers them again
                List<ChangeEvent> uncommitted = first.poll(5);
                replica.apply(uncommitted);
            }
            String stored = fixture.store.get("cluster-it");
            fixture.randomWrites(60);
            try (ClusterChangeStream second = fixture.stream()) {
                List<ChangeEvent> after = fixture.catchUp(second, replica);
                assertEquals(fixture.truth(), state(replica), "nothing lost across the restart");
                assertTrue(after.stream().noneMatch(e -> e.type() == ChangeType.SNAPSHOT_READ),
                        "no new snapshot: each server goes on from its position");
                Set<String> before = new HashSet<>();
                committed.forEach(e -> before.add(change(e)));
                assertTrue(after.stream().noneMatch(e -> before.contains(change(e))),
                        "nothing committed before the restart comes again");
                assertEachOnceFromTheLeader(fixture, after);
                assertFalse(stored.equals(fixture.store.get("cluster-it")), "the second stream moved on");
            }
        }
    }

    @Test
    void resyncWritesOfAReturningFollowerAreNotDelivered() throws Exception {
        // a long fail-over delay: the server comes back before it, keeps the shards it leads, and resynchronises the
        // ones it follows: writes in its own WAL that its stream reads past, as they are not its shards' as leader
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMinutes(5));
             ClusterChangeStream stream = fixture.stream()) {
            fixture.randomWrites(40);
            ReplayedState replica = new ReplayedState();
            List<ChangeEvent> delivered = fixture.catchUp(stream, replica);
            String server = fixture.cluster.dbServerIds().get(1);

            fixture.cluster.failDbServer(server);
            fixture.randomWrites(80); // writes to the shards it leads fail (503): left out
            int resynced = fixture.cluster.recoverDbServer(server);
            assertTrue(resynced > 0, "the returning follower resynchronised documents");
            fixture.randomWrites(40);
            delivered.addAll(fixture.catchUp(stream, replica));

            assertEquals(fixture.truth(), state(replica));
            assertEachOnceFromTheLeader(fixture, delivered);
            assertTrue(stream.failure().isEmpty());
        }
    }

    /**
     * Fails when a fail-over stops the stream, loses a change of the failed-over shards (the replay would differ from
     * the cluster), or delivers them after it from anyone but the new leader.
     */
    @Test
    void aLeaderFailOverContinuesOnTheFollowerFromItsShadow() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMillis(300));
             ClusterChangeStream stream = fixture.stream()) {
            fixture.randomWrites(40);
            ReplayedState replica = new ReplayedState();
            fixture.catchUp(stream, replica);
            fixture.randomWrites(40);
            ClusterFixture.pollUntil(stream, replica, () -> !stream.shadowsByFollower().isEmpty()
                    && stream.shadowsByFollower().values().stream().flatMap(m -> m.values().stream())
                            .noneMatch(ChangePosition::isSnapshot));
            String failed = fixture.cluster.dbServerIds().get(0);
            Map<String, List<String>> before = leaders(fixture);

            fixture.cluster.failDbServer(failed);
            fixture.randomWrites(60); // writes to the failed server's shards fail (503) until their fail-over
            awaitLeadersMovedOff(fixture, failed);
            fixture.randomWrites(60);
            List<ChangeEvent> after = fixture.catchUp(stream, replica);

            assertEquals(fixture.truth(), state(replica));
            assertTrue(stream.failure().isEmpty(), () -> stream.failure().get().getMessage());
            Map<String, List<String>> now = leaders(fixture);
            Set<String> movedShards = new TreeSet<>();
            before.forEach((shard, servers) -> {
                if (servers.get(0).equals(failed)) {
                    movedShards.add(shard);
                }
            });
            assertFalse(movedShards.isEmpty());
            assertTrue(after.stream().anyMatch(e -> movedShards.contains(e.origin().shard())),
                    "changes of the failed-over shards were delivered after the fail-over");
            ChangeEvent last = null;
            for (ChangeEvent event : after) {
                if (movedShards.contains(event.origin().shard())) {
                    last = event;
                }
            }
            assertEquals(now.get(last.origin().shard()).get(0), last.origin().serverId(),
                    "the failed-over shard is read from its new leader");
            assertTrue(fixture.store.get("cluster-it").contains("/" + last.origin().shard() + "\""),
                    "the position names the shard's stream on its new leader: " + fixture.store.get("cluster-it"));
        }
    }

    /**
     * Fails when a restart after a fail-over (while the stream was closed) stops although a shadow was stored, or
     * loses a change written after the stream closed.
     */
    @Test
    void aRestartAfterAFailOverContinuesFromTheStoredShadow() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMillis(200))) {
            fixture.randomWrites(30);
            ReplayedState replica = new ReplayedState();
            try (ClusterChangeStream first = fixture.stream()) {
                fixture.catchUp(first, replica);
                fixture.randomWrites(30);
                ClusterFixture.pollUntil(first, replica, () -> state(replica).equals(fixture.truth())
                        && fixture.store.get("cluster-it").contains("\"shadows\"")
                        && !fixture.store.get("cluster-it").contains("\"phase\":\"SNAPSHOT\""));
            }
            String failed = fixture.cluster.dbServerIds().get(2);
            fixture.randomWrites(10); // after the close: delivered by the next stream, from the failed-over shards too
            fixture.cluster.failDbServer(failed);
            awaitLeadersMovedOff(fixture, failed);
            fixture.randomWrites(20);
            try (ClusterChangeStream second = fixture.stream()) {
                fixture.catchUp(second, replica);
                assertEquals(fixture.truth(), state(replica));
                assertTrue(second.failure().isEmpty(), () -> second.failure().get().getMessage());
                assertTrue(second.shardsByServer().keySet().stream().noneMatch(failed::equals),
                        "nothing is read from the failed server: " + second.shardsByServer());
            }
        }
    }

    /** Fails when a position without shadows (an older version's) is continued on another leader instead of stopping. */
    @Test
    void aRestartAfterAFailOverWithoutAStoredShadowStopsBeforeReadingAnything() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMillis(200))) {
            fixture.randomWrites(30);
            ReplayedState replica = new ReplayedState();
            try (ClusterChangeStream first = fixture.stream()) {
                fixture.catchUp(first, replica);
            }
            String withShadows = fixture.store.get("cluster-it");
            String stored = withShadows.replaceFirst(",\"shadows\":\\{.*\\}\\}$", "}");
            assertNotEquals(withShadows, stored, "the stored position had shadows: " + withShadows);
            fixture.store.put("cluster-it", stored);
            String failed = fixture.cluster.dbServerIds().get(2);
            fixture.cluster.failDbServer(failed);
            awaitLeadersMovedOff(fixture, failed);
            fixture.randomWrites(20);
            try (ClusterChangeStream second = fixture.stream()) {
                ShardLeaderChangedException stop = assertThrows(ShardLeaderChangedException.class,
                        () -> second.poll(50), "the stored position of the failed leader cannot be continued");
                assertTrue(stop.oldLeader().startsWith(failed), stop.oldLeader());
                assertFalse(stop.newLeader().startsWith(failed), stop.newLeader());
                assertSame(stop, assertThrows(ShardLeaderChangedException.class, () -> second.poll(50)));
                assertTrue(second.shardsByServer().isEmpty(), "no DB-Server was read");
            }
            assertEquals(stored, fixture.store.get("cluster-it"));
        }
    }

    /** Shard name to its servers, leader first, of both collections. */
    private static Map<String, List<String>> leaders(ClusterFixture fixture) {
        Map<String, List<String>> shards = new TreeMap<>();
        COLLECTIONS.forEach(c -> shards.putAll(fixture.cluster.shards(DB, c)));
        return shards;
    }

    private static void awaitLeadersMovedOff(ClusterFixture fixture, String failed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (leaders(fixture).values().stream().anyMatch(s -> s.get(0).equals(failed))) {
            assertTrue(System.nanoTime() < deadline, "the fail-over did not happen");
            Thread.sleep(20);
        }
    }

    @Test
    void aWrongJwtSecretIsAClear401WithoutTheSecret() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(1));
             ClusterChangeStream stream = fixture.stream("not-the-cluster-secret")) {
            RuntimeException failure = ClusterFixture.pollUntilFailure(stream, RuntimeException.class,
                    Duration.ofSeconds(10));
            assertNotNull(failure, "a DB-Server refused the token");
            assertTrue(failure.getMessage().contains("401"), failure.getMessage());
            assertFalse(failure.getMessage().contains("not-the-cluster-secret"), failure.getMessage());
            assertFalse(String.valueOf(fixture.store.get("cluster-it")).contains("not-the-cluster-secret"));
        }
    }

    /**
     * Each change (collection, key, revision, type) once; named by its collection, never a shard; its origin the
     * shard's leader.
     */
    private static void assertEachOnceFromTheLeader(ClusterFixture fixture, List<ChangeEvent> delivered) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> leaders = new HashMap<>();
        for (String collection : COLLECTIONS) {
            fixture.cluster.shards(DB, collection).forEach((shard, servers) -> leaders.put(shard, servers.get(0)));
        }
        for (ChangeEvent event : delivered) {
            assertTrue(COLLECTIONS.contains(event.collection()), "a collection's name, not a shard's: " + event);
            assertNotNull(event.origin(), event.toString());
            assertEquals(leaders.get(event.origin().shard()), event.origin().serverId(), "from the leader: " + event);
            assertTrue(event.cuid().endsWith("/" + event.origin().shard()), event.toString());
            seen.merge(change(event), 1, Integer::sum);
        }
        seen.forEach((change, count) -> assertEquals(1, count, "delivered once: " + change));
    }

    private static String change(ChangeEvent event) {
        return event.collection() + "/" + event.key() + "@" + event.rev() + " " + event.type();
    }
}
