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
package io.github.camelarango.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.cluster.AcknowledgedWriter;
import io.github.camelarango.replication.cdc.cluster.Deliveries;
import io.github.camelarango.replication.cdc.cluster.FailOver;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 16 item 3, fail-over, at the route: a {@code changes} consumer on a cluster's Coordinator (3 DB-Servers,
 * {@code orders} and {@code customers} of 3 shards, replicationFactor 2) goes on when a shard's leader fails over to
 * an in-sync follower, while a writer goes on through the official driver via the Coordinator. Each test checks: the
 * sink's replay equals the cluster by (collection, {@code _key}, {@code _rev}); every acknowledged write delivered; no
 * change no one wrote; a change twice only of a failed-over shard; health UP; and the writes after the fail-over carry
 * the new leader in {@code CamelArangoReplicationDbServer}. A position stored without anything on the followers still
 * stops the route loudly after a fail-over (health DOWN, nothing delivered).
 */
class ClusterFailoverConsumerIT {

    private static final String SECRET = "the-cluster-secret-4711";
    private static final List<String> CAPTURED = List.of("orders", "customers");
    private static final Duration FAILOVER_DELAY = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(45);
    /** Writes made before the route starts: its snapshot shows their last state only. */
    private static final int BEFORE_ROUTE = 60;

    private final RouteContexts routes = new RouteContexts();
    private final MemoryStateRepository offsets = routes.offsets();

    /**
     * The control: the same writer, sink and checks without a fault pass (every acknowledged write delivered, only
     * changes someone wrote, each once, health UP), so that a failure of the tests below is the fail-over's.
     */
    @Test
    void withoutAFaultEveryAcknowledgedWriteArrivesOnce() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 10)) {
            Sink sink = new Sink(0);
            CamelContext context = snapshotThenTail(f, writer, sink);
            int acked = writer.acks().size();
            await(context, "200 writes acknowledged", () -> writer.acks().size() >= acked + 200);
            writer.stop();
            catchUp(context, f, sink, writer, BEFORE_ROUTE);

            assertEquals(f.truth(CAPTURED), sink.replica.state(CAPTURED), "the replay equals the cluster");
            assertTrue(writer.acks().stream().anyMatch(AcknowledgedWriter.Ack::delete), "removals acknowledged");
            assertEquals(List.of(), sink.deliveries.unacknowledged(writer.acks()), "only changes someone wrote");
            assertEquals(List.of(), sink.deliveries.duplicatesOutside(Set.of()), "each change once");
            assertEquals(HealthCheck.State.UP, healthCheck(context).call().getState());
        }
    }

    /** Case 1: the leader of some captured shards fails while the tail runs and the writer goes on. */
    @Test
    void aFailOverDuringTheTailGoesOnOnTheNewLeader() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 11)) {
            Sink sink = new Sink(0);
            CamelContext context = snapshotThenTail(f, writer, sink);

            FailOver failOver = failOver(context, cluster, f, writer, cluster.dbServerIds().get(0), 150);
            writer.stop();
            catchUp(context, f, sink, writer, BEFORE_ROUTE);

            assertWentOnWithoutLoss(context, f, sink, writer, BEFORE_ROUTE, failOver);
        }
    }

    /**
     * Case 2: the leader fails while the snapshot runs (a slow sink, small dump chunks), after the first rows of every
     * DB-Server were delivered and before any change of the tail; the writer goes on.
     */
    @Test
    void aFailOverDuringTheSnapshotGoesOnOnTheNewLeader() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 12)) {
            AcknowledgedWriter.seed(f.db, CAPTURED, 1500);
            Sink sink = new Sink(2);
            CamelContext context = routes.start(uri(f, "maxEventsPerPoll=10&snapshotChunkSize=2000"), sink);
            await(context, "the first snapshot rows of every DB-Server",
                    () -> sink.deliveries.servers().size() == 3);
            writer.start();
            assertTrue(sink.deliveries.all().stream().allMatch(Deliveries.Delivery::snapshot),
                    "the test needs the snapshot under way when the leader fails");
            FailOver failOver = failOver(context, cluster, f, writer, cluster.dbServerIds().get(0), 150);
            writer.stop();
            sink.pauseMillis = 0;
            catchUp(context, f, sink, writer, 0);

            assertWentOnWithoutLoss(context, f, sink, writer, 0, failOver);
        }
    }

    /**
     * Case 3: the failed server comes back and resynchronises the shards it now follows: none of its resync writes
     * reaches the sink, nothing is read from it (it leads nothing now).
     */
    @Test
    void theFailedServerComesBackAndItsResyncWritesAreNotDelivered() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 13)) {
            Sink sink = new Sink(0);
            CamelContext context = snapshotThenTail(f, writer, sink);

            String failed = cluster.dbServerIds().get(1);
            FailOver failOver = failOver(context, cluster, f, writer, failed, 150);
            int returned = sink.deliveries.size();
            assertTrue(cluster.recoverDbServer(failed) > 0, "the returning server resynchronised documents");
            int afterReturn = writer.acks().size();
            await(context, "100 writes acknowledged after the return",
                    () -> writer.acks().size() >= afterReturn + 100);
            writer.stop();
            catchUp(context, f, sink, writer, BEFORE_ROUTE);

            assertWentOnWithoutLoss(context, f, sink, writer, BEFORE_ROUTE, failOver);
            assertEquals(List.of(), sink.deliveries.since(returned).stream().filter(d -> d.server().equals(failed))
                    .toList(), "read from the returned server, which leads nothing now");
        }
    }

    /**
     * Case 4: after a fail-over the route stops, more is written, and it starts again from the stored positions:
     * nothing lost, no snapshot again, a change twice only of a failed-over shard.
     */
    @Test
    void aRestartAfterAFailOverGoesOnFromTheStoredPositionsWithoutASnapshot() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 14)) {
            Sink sink = new Sink(0);
            CamelContext context = snapshotThenTail(f, writer, sink);
            FailOver failOver = failOver(context, cluster, f, writer, cluster.dbServerIds().get(2), 100);

            context.getRouteController().stopRoute("cdc");
            int restart = sink.deliveries.size();
            writer.awaitMore(150, WAIT); // written while the route is stopped
            writer.stop();
            context.getRouteController().startRoute("cdc");
            catchUp(context, f, sink, writer, BEFORE_ROUTE);

            assertEquals(List.of(), sink.deliveries.since(restart).stream().filter(Deliveries.Delivery::snapshot)
                    .toList(), "no snapshot again after the restart");
            assertWentOnWithoutLoss(context, f, sink, writer, BEFORE_ROUTE, failOver);
        }
    }

    /** Case 5: the leader fails over while the route is stopped; started again, it goes on on the new leader. */
    @Test
    void aFailOverWhileTheRouteIsStoppedGoesOnOnTheNewLeader() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 15)) {
            Sink sink = new Sink(0);
            CamelContext context = snapshotThenTail(f, writer, sink);
            writer.awaitMore(50, WAIT);
            List<AcknowledgedWriter.Ack> written = writer.acksSince(BEFORE_ROUTE);
            await(context, "the tail to catch up", () -> sink.deliveries.missing(written).isEmpty());
            context.getRouteController().stopRoute("cdc");
            int restart = sink.deliveries.size();

            FailOver failOver = FailOver.of(cluster, f.database, CAPTURED, cluster.dbServerIds().get(0));
            await(context, failOver.toString(), failOver::done);
            writer.awaitMore(150, WAIT); // to the new leaders too
            writer.stop();
            context.getRouteController().startRoute("cdc");
            catchUp(context, f, sink, writer, BEFORE_ROUTE);

            assertEquals(List.of(), sink.deliveries.since(restart).stream().filter(Deliveries.Delivery::snapshot)
                    .toList(), "no snapshot again after the restart");
            assertWentOnWithoutLoss(context, f, sink, writer, BEFORE_ROUTE, failOver);
        }
    }

    /**
     * Case 6: a position stored without anything on the followers (each DB-Server's shortName, shards and position
     * only, as before fail-over continuation) and a fail-over while the route is stopped: started again, the route is
     * DOWN with a ShardLeaderChangedException naming the shard, delivers nothing, and the stored value stays.
     */
    @Test
    void aPositionStoredWithoutFollowerPositionsStopsTheRouteLoudlyAfterAFailOver() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 16)) {
            writer.write(BEFORE_ROUTE);
            Sink sink = new Sink(0);
            CamelContext context = routes.start(uri(f, ""), sink);
            await(context, "the snapshot", () -> sink.replica.state(CAPTURED).equals(f.truth(CAPTURED)));
            writer.write(60);
            await(context, "the tail", () -> sink.replica.state(CAPTURED).equals(f.truth(CAPTURED)));
            context.getRouteController().stopRoute("cdc");
            String oldFormat = FailOver.withoutFollowerPositions(offsets.getState("cluster"));
            offsets.setState("cluster", oldFormat);
            int stopped = sink.deliveries.size();

            FailOver failOver = FailOver.of(cluster, f.database, CAPTURED, cluster.dbServerIds().get(1));
            ChangesConsumerTestSupport.await(failOver.toString(), WAIT, failOver::done);
            writer.write(60);
            context.getRouteController().startRoute("cdc");
            HealthCheck.Result down = awaitDown(context);
            String message = down.getMessage().orElse("");
            assertTrue(failOver.newLeaders().keySet().stream().anyMatch(message::contains),
                    "names a failed-over shard " + failOver.newLeaders().keySet() + ": " + message);
            assertTrue(message.contains(failOver.failed()), "names the old leader: " + message);
            assertEquals(stopped, sink.deliveries.size(), "nothing delivered after the stop");
            context.getRouteController().stopRoute("cdc");
            assertEquals(oldFormat, offsets.getState("cluster"), "the stored position as it was");
        }
    }

    /**
     * A follower that was out of sync (failed, then back with its shards resynchronised) is continued from only with a
     * shadow proven after its return, which the stored position shows: the leader's failure then goes on there with
     * nothing lost and no resync write delivered. (A position without shadows stops the route:
     * {@link #aPositionStoredWithoutFollowerPositionsStopsTheRouteLoudlyAfterAFailOver}.)
     */
    @Test
    void aFollowerBackInSyncIsContinuedFromOnlyWithAShadowProvenAfterItsReturn() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofMinutes(5)); CaptureFixture f = fixture(cluster);
             AcknowledgedWriter writer = writer(f, 17)) {
            Sink sink = new Sink(0);
            CamelContext context = snapshotThenTail(f, writer, sink);

            String leader = cluster.dbServerIds().get(0);
            FailOver planned = FailOver.planned(cluster, f.database, CAPTURED, leader);
            String follower = planned.newLeaders().values().iterator().next();
            Set<String> itsShards = new HashSet<>();
            planned.newLeaders().forEach((shard, next) -> {
                if (next.equals(follower)) {
                    itsShards.add(shard);
                }
            });
            cluster.failDbServer(follower); // the cluster's fail-over delay (5 min): it keeps its own shards
            await(context, "its shadows no longer stored", () -> itsShards.stream()
                    .noneMatch(shard -> storedShadow(follower, shard) != null));
            int acked = writer.acks().size();
            await(context, "100 writes acknowledged while the follower is away",
                    () -> writer.acks().size() >= acked + 100);
            assertTrue(cluster.recoverDbServer(follower) > 0, "the follower resynchronised");
            List<AcknowledgedWriter.Ack> written = writer.acksSince(BEFORE_ROUTE);
            await(context, "the tail to catch up", () -> sink.deliveries.missing(written).isEmpty());
            await(context, "its shadows proven and stored again", () -> itsShards.stream()
                    .allMatch(shard -> "TAIL".equals(storedShadow(follower, shard))));

            cluster.failDbServer(leader, FAILOVER_DELAY);
            await(context, "the fail-over of " + planned.newLeaders(), planned::done);
            writer.awaitMore(100, WAIT);
            writer.stop();
            catchUp(context, f, sink, writer, BEFORE_ROUTE);
            assertWentOnWithoutLoss(context, f, sink, writer, BEFORE_ROUTE, planned);
        }
    }

    /** The phase of the shadow of {@code shard} on {@code follower} in the stored position; null when none. */
    private String storedShadow(String follower, String shard) {
        String stored = offsets.getState("cluster");
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            JsonNode shadow = Json.mapper().readTree(stored).path("shadows").path(follower).path(shard);
            return shadow.isMissingNode() ? null : shadow.path("phase").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopContexts() {
        routes.stopAll();
    }

    // ------------------------------------------------------------------------------------------------ assertions

    private static void assertWentOnWithoutLoss(CamelContext context, CaptureFixture f, Sink sink,
                                                AcknowledgedWriter writer, int from, FailOver failOver)
            throws InterruptedException {
        assertEquals(f.truth(CAPTURED), sink.replica.state(CAPTURED), "the replay equals the cluster");
        sink.deliveries.assertWithoutLoss(writer, from, failOver);
        HealthCheck check = healthCheck(context);
        ChangesConsumerTestSupport.await("health UP", WAIT, () -> check.call().getState() == HealthCheck.State.UP);
    }

    // ------------------------------------------------------------------------------------------------ the route

    /** The route's sink: records each change with the shard and DB-Server its headers name, and replays it. */
    private static final class Sink implements Processor {
        final Deliveries deliveries = new Deliveries();
        final ReplicaSink replica = new ReplicaSink();
        /** a slow sink: a pause after each change (keeps a snapshot under way) */
        volatile long pauseMillis;

        Sink(long pauseMillis) {
            this.pauseMillis = pauseMillis;
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            Message in = exchange.getMessage();
            ChangeType type = in.getHeader(ArangoReplicationConstants.CHANGE_TYPE, ChangeType.class);
            if (type == ChangeType.SNAPSHOT_READ || type == ChangeType.UPSERT || type == ChangeType.DELETE) {
                deliveries.add(new Deliveries.Delivery(Deliveries.change(
                        in.getHeader(ArangoReplicationConstants.COLLECTION, String.class),
                        in.getHeader(ArangoReplicationConstants.KEY, String.class),
                        in.getHeader(ArangoReplicationConstants.REV, String.class), type == ChangeType.DELETE),
                        in.getHeader(ArangoReplicationConstants.SHARD, String.class),
                        in.getHeader(ArangoReplicationConstants.DB_SERVER, String.class),
                        Boolean.TRUE.equals(in.getHeader(ArangoReplicationConstants.SNAPSHOT))));
            }
            replica.process(exchange);
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }

    private static ArangoEmulatorCluster cluster() {
        return cluster(FAILOVER_DELAY);
    }

    private static ArangoEmulatorCluster cluster(Duration failoverDelay) {
        return ArangoEmulatorCluster.builder().dbServers(3).authentication("root", "pw").jwtSecret(SECRET)
                .failoverDelay(failoverDelay).build().start();
    }

    private static CaptureFixture fixture(ArangoEmulatorCluster cluster) {
        return CaptureFixture.onCluster(cluster, "root", "pw", 3, 2, "orders", "customers");
    }

    private static AcknowledgedWriter writer(CaptureFixture f, long seed) {
        return new AcknowledgedWriter(f.db, CAPTURED, "k", 40, seed);
    }

    private static String uri(CaptureFixture f, String options) {
        return "arango-replication:changes?collections=orders,customers&jwtSecret=" + SECRET
               + "&offsetRepository=#offsets&offsetKey=cluster&initialDelay=0&" + f.connection()
               + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * Writes before the route, starts it, waits for its snapshot, then starts the writer and waits for changes of the
     * tail from every DB-Server.
     */
    private CamelContext snapshotThenTail(CaptureFixture f, AcknowledgedWriter writer, Sink sink) throws Exception {
        writer.write(BEFORE_ROUTE);
        CamelContext context = routes.start(uri(f, ""), sink);
        await(context, "the snapshot", () -> sink.replica.state(CAPTURED).equals(f.truth(CAPTURED)));
        writer.start();
        await(context, "changes of the tail from every DB-Server", () -> sink.deliveries.tailServers().size() == 3);
        await(context, "every follower's shadow proven and stored (a fail-over from here on goes on in the tail form)",
                () -> FailOver.provenAndStored(offsets.getState("cluster")));
        return context;
    }

    /**
     * Fails a DB-Server while the writer goes on, and waits until Current shows the fail-over and {@code writes} more
     * writes were acknowledged.
     */
    private static FailOver failOver(CamelContext context, ArangoEmulatorCluster cluster, CaptureFixture f,
                                     AcknowledgedWriter writer, String server, int writes) throws InterruptedException {
        FailOver failOver = FailOver.of(cluster, f.database, CAPTURED, server);
        await(context, failOver.toString(), failOver::done);
        int acked = writer.acks().size();
        await(context, writes + " writes acknowledged after the fail-over",
                () -> writer.acks().size() >= acked + writes);
        return failOver;
    }


    /**
     * Waits until {@code done}; a route that stops (health DOWN with a ShardLeaderChangedException) fails the test at
     * once with its message.
     */
    private static void await(CamelContext context, String what, BooleanSupplier done) throws InterruptedException {
        await(context, what, done, () -> "");
    }

    private static void await(CamelContext context, String what, BooleanSupplier done, Supplier<String> detail)
            throws InterruptedException {
        HealthCheck check = healthCheck(context);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            HealthCheck.Result result = check.call();
            if (result.getState() == HealthCheck.State.DOWN && result.getError()
                    .map(e -> e.getClass().getSimpleName().equals("ShardLeaderChangedException")).orElse(false)) {
                fail("the route stopped while waiting for " + what + ": " + result.getMessage().orElse(""));
            }
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT + " for " + what + "; health " + result.getState() + " "
                        + result.getMessage().orElse("") + " " + detail.get());
            }
            Thread.sleep(20);
        }
    }

    private static void catchUp(CamelContext context, CaptureFixture f, Sink sink, AcknowledgedWriter writer,
                                int from) throws InterruptedException {
        await(context, "the replica to equal the cluster and every acknowledged write delivered",
                () -> sink.replica.state(CAPTURED).equals(f.truth(CAPTURED))
                      && sink.deliveries.missing(writer.acksSince(from)).isEmpty(),
                () -> "missing " + sink.deliveries.missing(writer.acksSince(from)) + "; replica differs from the "
                      + "cluster in " + differences(sink.replica.state(CAPTURED), f.truth(CAPTURED)));
    }

    private static List<String> differences(Map<String, Map<String, String>> replica,
                                            Map<String, Map<String, String>> truth) {
        List<String> differ = new ArrayList<>();
        truth.forEach((collection, documents) -> {
            Map<String, String> have = replica.getOrDefault(collection, Map.of());
            documents.forEach((key, rev) -> {
                if (!rev.equals(have.get(key))) {
                    differ.add(collection + "/" + key + " " + have.get(key) + " (cluster " + rev + ")");
                }
            });
            have.keySet().stream().filter(key -> !documents.containsKey(key))
                    .forEach(key -> differ.add(collection + "/" + key + " deleted in the cluster"));
        });
        return differ;
    }

    private static HealthCheck.Result awaitDown(CamelContext context) throws InterruptedException {
        HealthCheck check = healthCheck(context);
        ChangesConsumerTestSupport.await("health DOWN with a ShardLeaderChangedException", WAIT, () -> {
            HealthCheck.Result result = check.call();
            return result.getState() == HealthCheck.State.DOWN && result.getError()
                    .map(e -> e.getClass().getSimpleName().equals("ShardLeaderChangedException")).orElse(false);
        });
        return check.call();
    }

    private static HealthCheck healthCheck(CamelContext context) {
        return ((HealthCheckAware) context.getRoute("cdc").getConsumer()).getHealthCheck();
    }
}
