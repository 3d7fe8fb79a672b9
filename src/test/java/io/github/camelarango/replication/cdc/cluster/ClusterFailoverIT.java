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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ReplayedState;
import io.github.camelarango.replication.client.SuperuserJwt;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.COLLECTIONS;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.DB;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 16 item 3, fail-over, at the engine: a shard's leader fails over to an in-sync follower and the cluster stream
 * goes on reading that shard on the new leader, without loss. 3 DB-Servers, {@code orders} and {@code customers} of 3
 * shards each, replicationFactor 2; a writer goes on through the official driver via the Coordinator while the fault
 * happens; every event is replayed and committed. Each test checks: the replay equals the cluster by (collection,
 * {@code _key}, {@code _rev}); every write the Coordinator acknowledged delivered; no change delivered that no one
 * wrote (a follower's copy, a resync); a change twice only of a failed-over shard (the fail-over window); the stream
 * not stopped; and the writes after the fail-over read from the new leader. Where no position on the new leader can
 * exist (the follower was out of sync; a position stored without one) the stream still stops loudly.
 */
class ClusterFailoverIT {

    private static final Duration FAILOVER_DELAY = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(45);
    /** Writes made before the stream starts: its snapshot shows their last state only. */
    private static final int BEFORE_STREAM = 60;

    /**
     * The control: the same writer, replay and checks without a fault pass (every acknowledged write delivered, only
     * changes someone wrote, each once), so that a failure of the tests below is the fail-over's.
     */
    @Test
    void withoutAFaultEveryAcknowledgedWriteArrivesOnce() {
        try (ClusterFixture fixture = new ClusterFixture(FAILOVER_DELAY);
             AcknowledgedWriter writer = writer(fixture, 0);
             ClusterChangeStream stream = fixture.stream()) {
            writer.write(BEFORE_STREAM);
            Run run = new Run(stream);
            run.snapshotThenTail(fixture, writer);
            int acked = writer.acks().size();
            run.until("300 writes acknowledged", () -> writer.acks().size() >= acked + 300);
            writer.stop();
            run.catchUp(fixture, writer, BEFORE_STREAM);

            assertEquals(fixture.truth(), state(run.replica), "the replay equals the cluster");
            assertTrue(writer.acks().stream().anyMatch(AcknowledgedWriter.Ack::delete), "removals acknowledged");
            assertEquals(List.of(), run.deliveries.unacknowledged(writer.acks()), "only changes someone wrote");
            assertEquals(List.of(), run.deliveries.duplicatesOutside(Set.of()), "each change once");
        }
    }

    /** Case 1: the leader of some captured shards fails while the tail runs and the writer goes on. */
    @Test
    void aFailOverDuringTheTailGoesOnOnTheNewLeaderWithNothingLost() {
        try (ClusterFixture fixture = new ClusterFixture(FAILOVER_DELAY);
             AcknowledgedWriter writer = writer(fixture, 1);
             ClusterChangeStream stream = fixture.stream()) {
            writer.write(BEFORE_STREAM);
            Run run = new Run(stream);
            run.snapshotThenTail(fixture, writer);

            FailOver failOver = run.failOver(fixture, writer, fixture.cluster.dbServerIds().get(0), 150);
            writer.stop();
            run.catchUp(fixture, writer, BEFORE_STREAM);

            assertFailedOverWithoutLoss(fixture, run, writer, BEFORE_STREAM, failOver);
        }
    }

    /**
     * Case 2: the leader fails while the snapshot runs (a slow sink, small dump chunks), after the first rows of every
     * DB-Server were committed; the writer goes on.
     */
    @Test
    void aFailOverDuringTheSnapshotGoesOnOnTheNewLeaderWithNothingLost() {
        try (ClusterFixture fixture = new ClusterFixture(FAILOVER_DELAY);
             AcknowledgedWriter writer = writer(fixture, 2);
             ClusterChangeStream stream = slowSnapshotStream(fixture)) {
            AcknowledgedWriter.seed(fixture.driver.db(DB), COLLECTIONS, 1500);
            Run run = new Run(stream);
            run.slowSink = true;
            run.until("the first snapshot rows of every DB-Server", () -> run.deliveries.servers().size() == 3);
            writer.start();
            String failed = fixture.cluster.dbServerIds().get(0);
            ChangePosition.Phase phase = stream.serverMetrics().get(failed).phase();
            assertEquals(ChangePosition.Phase.SNAPSHOT, phase, "the test needs the snapshot of " + failed
                    + " under way when it fails");
            FailOver failOver = run.failOver(fixture, writer, failed, 150);
            writer.stop();
            run.slowSink = false;
            run.catchUp(fixture, writer, 0);

            assertFailedOverWithoutLoss(fixture, run, writer, 0, failOver);
            assertTrue(run.deliveries.all().stream().anyMatch(d -> !d.snapshot()), "the tail followed the snapshot");
        }
    }

    /**
     * Case 3: the failed server comes back and resynchronises the shards it now follows: no resync write is delivered
     * (none read from it as it leads nothing now, no change no one wrote, nothing twice but in the fail-over window),
     * and the changes of each resynced shard are bounded by the writes to it plus that window.
     */
    @Test
    void theFailedServerComesBackAndItsResyncWritesAreNotDelivered() {
        try (ClusterFixture fixture = new ClusterFixture(FAILOVER_DELAY);
             AcknowledgedWriter writer = writer(fixture, 3);
             ClusterChangeStream stream = fixture.stream()) {
            writer.write(BEFORE_STREAM);
            Run run = new Run(stream);
            run.snapshotThenTail(fixture, writer);

            String failed = fixture.cluster.dbServerIds().get(1);
            FailOver failOver = run.failOver(fixture, writer, failed, 150);
            int returned = run.deliveries.size();
            int resynced = fixture.cluster.recoverDbServer(failed);
            assertTrue(resynced > 0, "the returning server resynchronised documents");
            int afterReturn = writer.acks().size();
            run.until("100 writes acknowledged after the return", () -> writer.acks().size() >= afterReturn + 100);
            writer.stop();
            run.catchUp(fixture, writer, BEFORE_STREAM);

            assertFailedOverWithoutLoss(fixture, run, writer, BEFORE_STREAM, failOver);
            assertEquals(List.of(), run.deliveries.since(returned).stream()
                    .filter(d -> d.server().equals(failed)).toList(), "read from the returned server, which leads "
                    + "nothing now");
            Map<String, String> shardOf = run.deliveries.shardOfChange();
            for (String shard : resyncedShards(fixture.cluster, failed)) {
                Set<String> written = new HashSet<>();
                writer.acks().forEach(a -> {
                    if (shard.equals(shardOf.get(a.change()))) {
                        written.add(a.change());
                    }
                });
                List<Deliveries.Delivery> tail = run.deliveries.all().stream()
                        .filter(d -> d.shard().equals(shard) && !d.snapshot()).toList();
                long window = tail.stream().filter(d -> d.server().equals(failed)).count();
                assertTrue(tail.size() <= written.size() + window, "shard " + shard + ": " + tail.size()
                        + " changes delivered, " + written.size() + " written, " + window + " read from the failed "
                        + "leader (the fail-over window), " + resynced + " resync writes");
            }
        }
    }

    /**
     * Case 4: after a fail-over the stream is closed, more is written, and a new stream on the same store goes on from
     * the stored positions: nothing lost, no snapshot again, a change twice only in the fail-over window.
     */
    @Test
    void aRestartAfterAFailOverGoesOnFromTheStoredPositionsWithoutASnapshot() {
        try (ClusterFixture fixture = new ClusterFixture(FAILOVER_DELAY);
             AcknowledgedWriter writer = writer(fixture, 4)) {
            writer.write(BEFORE_STREAM);
            FailOver failOver;
            Deliveries deliveries = new Deliveries();
            ReplayedState replica = new ReplayedState();
            try (ClusterChangeStream first = fixture.stream()) {
                Run run = new Run(first, deliveries, replica);
                run.snapshotThenTail(fixture, writer);
                failOver = run.failOver(fixture, writer, fixture.cluster.dbServerIds().get(2), 100);
            }
            int restart = deliveries.size();
            int acked = writer.acks().size();
            writer.awaitMore(150, WAIT); // written while no stream runs
            writer.stop();
            assertTrue(writer.acks().size() > acked, "written between the streams");
            try (ClusterChangeStream second = fixture.stream()) {
                Run run = new Run(second, deliveries, replica);
                run.catchUp(fixture, writer, BEFORE_STREAM);
                assertEquals(List.of(), deliveries.since(restart).stream().filter(Deliveries.Delivery::snapshot)
                        .toList(), "no snapshot again after the restart");
                assertFailedOverWithoutLoss(fixture, run, writer, BEFORE_STREAM, failOver);
            }
        }
    }

    /**
     * Case 5: the leader fails over while no stream runs (positions stored, with whatever the stream keeps of the
     * followers); the new stream goes on on the new leader without loss and without a snapshot.
     */
    @Test
    void aFailOverWhileNoStreamRunsGoesOnOnTheNewLeader() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(FAILOVER_DELAY);
             AcknowledgedWriter writer = writer(fixture, 5)) {
            writer.write(BEFORE_STREAM);
            Deliveries deliveries = new Deliveries();
            ReplayedState replica = new ReplayedState();
            try (ClusterChangeStream first = fixture.stream()) {
                Run run = new Run(first, deliveries, replica);
                run.snapshotThenTail(fixture, writer);
                writer.awaitMore(50, WAIT);
                List<AcknowledgedWriter.Ack> written = writer.acksSince(BEFORE_STREAM);
                run.until("the tail to catch up", () -> deliveries.missing(written).isEmpty());
            }
            int restart = deliveries.size();
            FailOver failOver = FailOver.of(fixture.cluster, DB, COLLECTIONS, fixture.cluster.dbServerIds().get(0));
            awaitTrue("the fail-over of " + failOver.newLeaders(), failOver::done);
            writer.awaitMore(150, WAIT); // to the new leaders too
            writer.stop();
            try (ClusterChangeStream second = fixture.stream()) {
                Run run = new Run(second, deliveries, replica);
                run.catchUp(fixture, writer, BEFORE_STREAM);
                assertEquals(List.of(), deliveries.since(restart).stream().filter(Deliveries.Delivery::snapshot)
                        .toList(), "no snapshot again after the restart");
                assertFailedOverWithoutLoss(fixture, run, writer, BEFORE_STREAM, failOver);
                assertTrue(deliveries.since(restart).stream()
                        .anyMatch(d -> failOver.newLeaders().containsKey(d.shard())),
                        "the new stream read the failed-over shards");
            }
        }
    }

    /**
     * Case 6, a position stored without anything on the followers (the format before fail-over continuation: each
     * DB-Server's shortName, shards and position only): after a fail-over while no stream ran, the new stream cannot
     * go on for the failed-over shards and stops loudly before delivering anything, the stored value untouched.
     */
    @Test
    void aPositionStoredWithoutFollowerPositionsStopsLoudlyAfterAFailOver() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(FAILOVER_DELAY);
             AcknowledgedWriter writer = writer(fixture, 6)) {
            writer.write(60);
            try (ClusterChangeStream first = fixture.stream()) {
                Run run = new Run(first);
                run.until("the snapshot", () -> state(run.replica).equals(fixture.truth()));
                writer.write(60);
                run.until("the tail", () -> state(run.replica).equals(fixture.truth()));
            }
            String oldFormat = FailOver.withoutFollowerPositions(fixture.store.get("cluster-it"));
            fixture.store.put("cluster-it", oldFormat);
            FailOver failOver = FailOver.of(fixture.cluster, DB, COLLECTIONS, fixture.cluster.dbServerIds().get(1));
            awaitTrue("the fail-over of " + failOver.newLeaders(), failOver::done);
            writer.write(60);
            try (ClusterChangeStream second = fixture.stream()) {
                List<ChangeEvent> delivered = new ArrayList<>();
                ShardLeaderChangedException stop = pollUntilStop(second, delivered);
                assertEquals(List.of(), delivered, "nothing delivered before the stop");
                assertStop(stop, failOver);
                assertSame(stop, assertThrows(ShardLeaderChangedException.class, () -> second.poll(50)),
                        "nothing delivered after the stop");
            }
            assertEquals(oldFormat, fixture.store.get("cluster-it"), "the stored position as it was");
        }
    }

    /**
     * A follower that was out of sync (failed, then back with its shards resynchronised) is continued from only with a
     * shadow proven after its return: the leader's failure then goes on there, with nothing lost and no resync write
     * delivered (a shadow kept across its absence would deliver them, or miss what it missed). Without a proven shadow
     * the stream stops, as {@link #aPositionStoredWithoutFollowerPositionsStopsLoudlyAfterAFailOver} shows.
     */
    @Test
    void aFollowerBackInSyncIsContinuedFromOnlyWithAShadowProvenAfterItsReturn() throws Exception {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofMinutes(5));
             AcknowledgedWriter writer = writer(fixture, 7);
             ClusterChangeStream stream = fixture.stream()) {
            writer.write(BEFORE_STREAM);
            Run run = new Run(stream);
            run.snapshotThenTail(fixture, writer);

            String leader = fixture.cluster.dbServerIds().get(0);
            FailOver planned = FailOver.planned(fixture.cluster, DB, COLLECTIONS, leader);
            String follower = planned.newLeaders().values().iterator().next();
            fixture.cluster.failDbServer(follower); // the cluster's fail-over delay (5 min): it keeps its own shards
            awaitTrue("the follower out of Current", () -> planned.newLeaders().keySet().stream()
                    .noneMatch(shard -> servers(fixture.cluster, shard).contains(follower)));
            run.until("its shadows given up", () -> planned.newLeaders().entrySet().stream()
                    .filter(e -> e.getValue().equals(follower))
                    .noneMatch(e -> stream.shadowsByFollower().getOrDefault(follower, Map.of()).containsKey(e.getKey())));
            int acked = writer.acks().size();
            run.until("100 writes acknowledged while the follower is away", () -> writer.acks().size() >= acked + 100);
            assertTrue(fixture.cluster.recoverDbServer(follower) > 0, "the follower resynchronised");
            List<AcknowledgedWriter.Ack> written = writer.acksSince(BEFORE_STREAM);
            run.until("the tail to catch up", () -> run.deliveries.missing(written).isEmpty());
            run.until("its shadows proven again", () -> planned.newLeaders().entrySet().stream()
                    .filter(e -> e.getValue().equals(follower)).allMatch(e -> {
                        ChangePosition shadow = stream.shadowsByFollower().getOrDefault(follower, Map.of())
                                .get(e.getKey());
                        return shadow != null && !shadow.isSnapshot();
                    }));

            fixture.cluster.failDbServer(leader, FAILOVER_DELAY);
            awaitTrue("the fail-over of " + planned.newLeaders(), planned::done);
            writer.awaitMore(100, WAIT);
            writer.stop();
            run.catchUp(fixture, writer, BEFORE_STREAM);
            assertFailedOverWithoutLoss(fixture, run, writer, BEFORE_STREAM, planned);
        }
    }

    // ------------------------------------------------------------------------------------------------ assertions

    /**
     * @param from the first acknowledged write that must have been delivered (the earlier ones were made before the
     *             stream: its snapshot shows only their last state)
     */
    private static void assertFailedOverWithoutLoss(ClusterFixture fixture, Run run, AcknowledgedWriter writer,
                                                    int from, FailOver failOver) {
        assertEquals(fixture.truth(), state(run.replica), "the replay equals the cluster");
        run.deliveries.assertWithoutLoss(writer, from, failOver);
        assertTrue(run.stream.failure().isEmpty(), "the stream goes on: " + run.stream.failure());
    }

    private static void assertStop(ShardLeaderChangedException stop, FailOver failOver) {
        assertNotNull(stop, "the stream stopped with a ShardLeaderChangedException");
        assertTrue(failOver.newLeaders().containsKey(stop.shard()), "a failed-over shard "
                + failOver.newLeaders().keySet() + ": " + stop.getMessage());
        assertTrue(stop.oldLeader().startsWith(failOver.failed()), stop.getMessage());
        assertNotNull(stop.newLeader(), stop.getMessage());
        assertTrue(stop.newLeader().startsWith(failOver.newLeaders().get(stop.shard())), stop.getMessage());
        assertTrue(COLLECTIONS.contains(stop.collection()), stop.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ the run

    /** A stream polled on the test thread: each event replayed, recorded and committed at once. */
    private static final class Run {
        final ClusterChangeStream stream;
        final Deliveries deliveries;
        final ReplayedState replica;
        /** a slow sink: a pause after each poll of a few events (keeps a snapshot under way) */
        boolean slowSink;

        Run(ClusterChangeStream stream) {
            this(stream, new Deliveries(), new ReplayedState());
        }

        Run(ClusterChangeStream stream, Deliveries deliveries, ReplayedState replica) {
            this.stream = stream;
            this.deliveries = deliveries;
            this.replica = replica;
        }

        /** Polls through the snapshot, starts the writer, and polls until the tail brought changes of each server. */
        void snapshotThenTail(ClusterFixture fixture, AcknowledgedWriter writer) {
            until("the snapshot", () -> state(replica).equals(fixture.truth()));
            writer.start();
            until("changes of the tail from every DB-Server", () -> deliveries.tailServers().size() == 3);
            until("every follower's shadow proven and stored (a fail-over from here on goes on in the tail form)",
                    () -> FailOver.provenAndStored(fixture.store.get("cluster-it")));
        }

        /**
         * Fails a DB-Server while the writer goes on, and polls until Current shows the fail-over and {@code writes}
         * more writes were acknowledged.
         */
        FailOver failOver(ClusterFixture fixture, AcknowledgedWriter writer, String server, int writes) {
            FailOver failOver = FailOver.of(fixture.cluster, DB, COLLECTIONS, server);
            until(failOver.toString(), failOver::done);
            int acked = writer.acks().size();
            until(writes + " writes acknowledged after the fail-over", () -> writer.acks().size() >= acked + writes);
            return failOver;
        }

        /** Polls until {@code done}; a stop of the stream fails the test with its message. */
        void until(String what, BooleanSupplier done) {
            until(what, done, () -> "");
        }

        /** {@link #until(String, BooleanSupplier)}, saying {@code why} when it does not get there. */
        void until(String what, BooleanSupplier done, Supplier<String> why) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    fail("waited " + WAIT + " for " + what + "; delivered " + deliveries.size() + " changes, failure "
                            + stream.failure() + why.get());
                }
                try {
                    deliver(stream.poll(slowSink ? 5 : 100));
                } catch (RuntimeException e) {
                    if (stream.failure().isPresent()) {
                        throw new AssertionError("the stream stopped while waiting for " + what + ": " + e, e);
                    }
                    // a DB-Server's failed read: read again
                }
                if (slowSink) {
                    pause(2);
                }
            }
        }

        /**
         * Polls until the replica equals the cluster and every write acknowledged from the {@code from}th on (the
         * ones after the snapshot began) was delivered.
         */
        void catchUp(ClusterFixture fixture, AcknowledgedWriter writer, int from) {
            until("the replica to equal the cluster and every acknowledged write delivered",
                    () -> state(replica).equals(fixture.truth())
                            && deliveries.missing(writer.acksSince(from)).isEmpty(),
                    () -> "; not delivered: " + deliveries.missing(writer.acksSince(from)) + "; replica "
                            + state(replica) + " cluster " + fixture.truth());
        }

        /** Polls until the stream stops with a {@link ShardLeaderChangedException}; other failures are read past. */
        ShardLeaderChangedException untilStop() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    deliver(stream.poll(100));
                } catch (ShardLeaderChangedException e) {
                    return e;
                } catch (RuntimeException e) {
                    if (stream.failure().isPresent()) {
                        throw new AssertionError("the stream stopped otherwise: " + e, e);
                    }
                }
            }
            fail("the stream did not stop in " + WAIT + "; delivered " + deliveries.size() + " changes");
            return null;
        }

        private void deliver(List<ChangeEvent> events) {
            for (ChangeEvent event : events) {
                replica.apply(event);
                deliveries.add(event);
                stream.commit(event);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static AcknowledgedWriter writer(ClusterFixture fixture, long seed) {
        return new AcknowledgedWriter(fixture.driver.db(DB), COLLECTIONS, "k", 40, seed);
    }

    /** A stream whose dumps read small chunks, so that a slow sink keeps its snapshot under way. */
    private static ClusterChangeStream slowSnapshotStream(ClusterFixture fixture) {
        ChangeStreamOptions options = ChangeStreamOptions.builder().streamKey("cluster-it")
                .includeCollections(Set.copyOf(COLLECTIONS)).initialDumpChunkSize(4096).maxDumpChunkSize(4096)
                .idleMinWait(Duration.ofMillis(10)).idleMaxWait(Duration.ofMillis(30)).build();
        return new ClusterChangeStream(fixture.coordinator, SuperuserJwt.of(fixture.cluster.jwtSecret().toCharArray()),
                options, ClusterPositionStore.ofStrings(fixture.store::get, fixture.store::put), fixture.timer,
                fixture.fetchers);
    }

    private static List<String> servers(ArangoEmulatorCluster cluster, String shard) {
        for (String collection : COLLECTIONS) {
            List<String> servers = cluster.shards(DB, collection).get(shard);
            if (servers != null) {
                return servers;
            }
        }
        throw new IllegalArgumentException("no captured shard " + shard);
    }

    /** The captured shards the server holds now as a follower (it resynchronised them when it came back). */
    private static Set<String> resyncedShards(ArangoEmulatorCluster cluster, String server) {
        Set<String> shards = new HashSet<>();
        for (String collection : COLLECTIONS) {
            cluster.shards(DB, collection).forEach((shard, servers) -> {
                if (servers.indexOf(server) > 0) {
                    shards.add(shard);
                }
            });
        }
        assertFalse(shards.isEmpty(), server + " follows shards again");
        return shards;
    }

    /** Polls (committing what comes) until the stream stops with a {@link ShardLeaderChangedException}. */
    private static ShardLeaderChangedException pollUntilStop(ClusterChangeStream stream, List<ChangeEvent> delivered) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<ChangeEvent> events = stream.poll(50);
                delivered.addAll(events);
                events.forEach(stream::commit);
            } catch (ShardLeaderChangedException e) {
                return e;
            } catch (RuntimeException e) {
                if (stream.failure().isPresent()) {
                    throw new AssertionError("the stream stopped otherwise: " + e, e);
                }
            }
        }
        return null;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT + " for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
