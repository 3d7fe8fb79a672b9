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
import java.util.Map;
import java.util.Set;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ReplayedState;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.COLLECTIONS;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.DB;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One thread per DB-Server at most (issue 16, item 4): a server that leads captured shards and follows others is read
 * by its stream and by the reader of the shards it follows, and after a fail-over also by the stream of each shard it
 * took over; all of them take turns on one task of the executor.
 */
class ClusterReadThreadsIT {

    /** Fails when a DB-Server's stream and its follower reader read on two threads at once (6 tasks for 3 servers). */
    @Test
    void eachDbServerIsReadByOneThreadAtMostWhileItLeadsAndFollows() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(1));
             ClusterChangeStream stream = fixture.stream()) {
            fixture.randomWrites(40);
            ReplayedState replica = new ReplayedState();
            fixture.catchUp(stream, replica);
            awaitProvenShadows(fixture, stream, replica);
            fixture.fetchers.resetMost();

            writeAndCatchUp(fixture, stream, replica);

            assertEquals(fixture.truth(), state(replica));
            assertEquals(3, stream.shardsByServer().size(), "each DB-Server leads captured shards");
            assertTrue(fixture.fetchers.most() <= 3, "at most one task per DB-Server (3) read at the same time: "
                    + fixture.fetchers.most());
            assertTrue(stream.failure().isEmpty());
        }
    }

    /**
     * Fails when a DB-Server that took shards over reads them on threads of their own beside its stream and its
     * follower reader.
     */
    @Test
    void aServerThatTookShardsOverIsStillReadByOneThread() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMillis(300));
             ClusterChangeStream stream = fixture.stream()) {
            fixture.randomWrites(40);
            ReplayedState replica = new ReplayedState();
            fixture.catchUp(stream, replica);
            awaitProvenShadows(fixture, stream, replica);
            FailOver failOver = FailOver.of(fixture.cluster, DB, COLLECTIONS, fixture.cluster.dbServerIds().get(0));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!failOver.done()) {
                assertTrue(System.nanoTime() < deadline, "the fail-over did not happen");
                Thread.sleep(20);
            }
            fixture.randomWrites(40);
            fixture.catchUp(stream, replica);
            Set<String> taken = failOver.newLeaders().keySet();
            String stored = fixture.store.get("cluster-it");
            assertTrue(taken.stream().allMatch(shard -> stored.contains("/" + shard + "\"")),
                    "each failed-over shard is read by a stream on its new leader: " + stored);
            awaitReaderClosed(stream, replica, failOver.failed());
            fixture.fetchers.resetMost();

            writeAndCatchUp(fixture, stream, replica);

            assertEquals(fixture.truth(), state(replica));
            assertTrue(stream.failure().isEmpty(), () -> stream.failure().get().getMessage());
            assertTrue(fixture.fetchers.most() <= 2, "at most one task per live DB-Server (2) read at the same "
                    + "time: " + fixture.fetchers.most() + "; streams " + stream.shardsByServer());
        }
    }

    /** Five rounds of writes, each caught up with: long enough for every reader of every server to take turns. */
    private static void writeAndCatchUp(ClusterFixture fixture, ClusterChangeStream stream, ReplayedState replica) {
        for (int round = 0; round < 5; round++) {
            fixture.randomWrites(40);
            fixture.catchUp(stream, replica);
        }
    }

    /** Polls until every captured shard's follower keeps a proven (tail) shadow. */
    private static void awaitProvenShadows(ClusterFixture fixture, ClusterChangeStream stream,
                                           ReplayedState replica) {
        ClusterFixture.pollUntil(stream, replica, () -> shadowCount(stream) == 2 * 3
                && stream.shadowsByFollower().values().stream().flatMap(m -> m.values().stream())
                        .noneMatch(ChangePosition::isSnapshot));
    }

    /** Polls until the failed server is no longer read: no stream of it, no shadow on it. */
    private static void awaitReaderClosed(ClusterChangeStream stream, ReplayedState replica, String failed) {
        ClusterFixture.pollUntil(stream, replica,
                () -> !stream.shardsByServer().containsKey(failed) && !stream.shadowsByFollower().containsKey(failed));
    }

    private static int shadowCount(ClusterChangeStream stream) {
        return stream.shadowsByFollower().values().stream().mapToInt(Map::size).sum();
    }
}
