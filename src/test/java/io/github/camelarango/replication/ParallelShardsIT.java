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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code changes} consumer with {@code parallelShards}: a poll's changes go in lanes, one per shard (per collection
 * on a single server), several lanes in the route at the same time, each in order; every change arrives once, per
 * document in write order; a failed exchange commits only the changes before the first one not delivered, so a new
 * consumer on the same store delivers that one and every change after it; the lane threads end with the route.
 */
class ParallelShardsIT {

    private static final String SECRET = "the-cluster-secret-4711";
    private static final String LANE_THREADS = "ArangoReplicationShardLanes";

    private final RouteContexts routes = new RouteContexts();
    private final MemoryStateRepository offsets = routes.offsets();

    @AfterEach
    void stopContexts() {
        routes.stopAll();
    }

    /**
     * Fails when the lanes of different shards are not in the route at the same time (the probe's first exchanges wait
     * for a second lane in vain), or when a change is lost, duplicated or out of its document's order.
     */
    @Test
    void aClusterWithSixShardsIsDeliveredInParallelLanesEachChangeOnceInItsDocumentsOrder() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster();
             CaptureFixture f = CaptureFixture.onCluster(cluster, "root", "pw", 6, 2, "orders")) {
            assertEquals(6, cluster.shards(f.database, "orders").size());
            Writes writes = new Writes(f, List.of("orders"), 36);
            LaneProbe probe = new LaneProbe(true);
            routes.start(clusterUri(f, "parallelShards=4&maxEventsPerPoll=200"), probe);
            await("the snapshot", () -> probe.count() >= 36);
            writes.updateAndRemove(3, 6);
            await("every change", () -> probe.changes().equals(writes.expected()));

            assertTrue(probe.twoLanesAtOnce(), "exchanges of two shards in the route at the same time; at most "
                                               + probe.maxInFlight() + " were");
            assertEquals(writes.expected(), probe.changes(), "each change once, per document in write order");
            assertEquals(List.of(), probe.wrong());
        }
    }

    /** Fails when a batch mixes shards, or when the batches of different shards are not in the route together. */
    @Test
    void withBatchingEachLaneIsOneBatchExchangeOfOneShard() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster();
             CaptureFixture f = CaptureFixture.onCluster(cluster, "root", "pw", 6, 1, "orders")) {
            Writes writes = new Writes(f, List.of("orders"), 36);
            LaneProbe probe = new LaneProbe(true);
            routes.start(clusterUri(f, "parallelShards=3&batching=true&maxEventsPerPoll=200"), probe);
            await("the snapshot", () -> probe.count() >= 36);
            writes.updateAndRemove(2, 4);
            await("every change", () -> probe.changes().equals(writes.expected()));

            assertTrue(probe.twoLanesAtOnce(), "batches of two shards in the route at the same time");
            assertEquals(List.of(), probe.wrong(), "each batch of one shard");
            assertTrue(probe.batches() > 0 && probe.batches() < probe.count(), probe.batches() + " batches");
            assertEquals(writes.expected(), probe.changes());
        }
    }

    /**
     * Fails when the two collections of a single server are not delivered at the same time, or a change is amiss. (Its
     * snapshot dumps one collection after the other, so the changes of both come in one poll after a restart.)
     */
    @Test
    void aSingleServersCollectionsAreLanesOfTheirOwn() throws Exception {
        try (ArangoEmulator single = ArangoEmulator.builder().authentication("root", "pw").build().start();
             CaptureFixture f = new CaptureFixture(single, "root", "pw", "orders", "customers")) {
            Writes writes = new Writes(f, List.of("orders", "customers"), 20);
            LaneProbe probe = new LaneProbe(false);
            CamelContext context = routes.start(uri(f, "parallelShards=2"), probe);
            changesInOnePoll(context, probe, writes, () -> writes.updateAndRemove(3, 4));
            await("every change", () -> probe.changes().equals(writes.expected()));

            assertTrue(probe.twoLanesAtOnce(), "both collections in the route at the same time; at most "
                                               + probe.maxInFlight() + " exchanges were");
            assertEquals(writes.expected(), probe.changes());
            assertEquals(List.of(), probe.wrong());
        }
    }

    /**
     * One lane fails while the other delivers changes after the failed one. Fails when a change is lost across the
     * restart: it would be when the consumer committed the last delivered change (b-3) rather than the changes before
     * the first one not delivered (b-1, before a-2).
     */
    @Test
    void aFailedLaneCommitsOnlyTheChangesBeforeTheFirstNotDeliveredSoANewConsumerDeliversEveryLaterChange()
            throws Exception {
        try (ArangoEmulator single = ArangoEmulator.builder().authentication("root", "pw").build().start();
             CaptureFixture f = new CaptureFixture(single, "root", "pw", "a", "b")) {
            f.insert("a", Map.of("_key", "a-0"));
            f.insert("b", Map.of("_key", "b-0"));
            List<String> first = new CopyOnWriteArrayList<>();
            CamelContext snapshot = routes.start(uri(f, "parallelShards=2"), keys(first));
            await("the snapshot", () -> first.size() == 2);
            snapshot.stop();
            assertNotNull(offsets.getState("lanes"));

            // hand-out order (one poll): a-1 b-1 a-2 b-2 a-3 b-3
            for (int i = 1; i <= 3; i++) {
                f.insert("a", Map.of("_key", "a-" + i));
                f.insert("b", Map.of("_key", "b-" + i));
            }
            List<String> second = new CopyOnWriteArrayList<>();
            CountDownLatch b3 = new CountDownLatch(1);
            CountDownLatch failed = new CountDownLatch(1);
            AtomicBoolean b3BeforeTheFailure = new AtomicBoolean();
            CamelContext failing = routes.start(uri(f, "parallelShards=2"), exchange -> {
                String key = exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class);
                if ("a-2".equals(key)) {
                    b3BeforeTheFailure.compareAndSet(false, b3.await(10, TimeUnit.SECONDS)); // lane b went on
                    failed.countDown();
                    throw new IllegalStateException("the sink refuses a-2");
                }
                second.add(key);
                if ("b-3".equals(key)) {
                    b3.countDown();
                }
            });
            assertTrue(failed.await(30, TimeUnit.SECONDS), "a-2 was sent");
            failing.getRouteController().stopRoute("cdc");
            assertTrue(b3BeforeTheFailure.get(), "lane b delivered b-3 while lane a was at a-2: " + second);
            assertEquals(List.of("a-1", "b-1"), second.stream().filter(k -> k.endsWith("-1")).sorted().toList());

            List<String> third = new CopyOnWriteArrayList<>();
            routes.start(uri(f, "parallelShards=2"), keys(third));
            ChangesConsumerTestSupport.await("the changes after the first one not delivered: " + third,
                    Duration.ofSeconds(15), () -> third.size() >= 4);
            Thread.sleep(300); // nothing more comes
            assertEquals(List.of("a-2", "a-3"), third.stream().filter(k -> k.startsWith("a")).toList(),
                    "the failed change and the later ones of its lane, in order");
            assertEquals(List.of("b-2", "b-3"), third.stream().filter(k -> k.startsWith("b")).toList(),
                    "the changes lane b delivered after a-2 come again (the duplicate window); b-1 does not");
            List<String> union = new ArrayList<>(first);
            union.addAll(second);
            union.addAll(third);
            assertEquals(List.of("a-0", "a-1", "a-2", "a-3", "b-0", "b-1", "b-2", "b-3"),
                    union.stream().distinct().sorted().toList(), "nothing missing");
        }
    }

    /**
     * A cluster's route (one lane, the default) is stopped while a poll delivers its changes. The stop closes the stream
     * before the poll ends, and a cluster's stream ignores an acknowledgement once closed: fails when the changes that
     * poll delivered before the stop are acknowledged only after it (the whole poll at once) rather than each after its
     * exchange, for then none of them is committed and a restart delivers them all again, not only the one under way.
     */
    @Test
    void aClusterRouteStoppedWhileAPollDeliversCommitsTheChangesDeliveredBeforeTheStop() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster();
             CaptureFixture f = CaptureFixture.onCluster(cluster, "root", "pw", 1, 1, "orders")) {
            f.insert("orders", Map.of("_key", "o-00"));
            List<String> first = new CopyOnWriteArrayList<>();
            CamelContext snapshot = routes.start(clusterUri(f, "maxEventsPerPoll=500"), keys(first));
            await("the snapshot, committed as done (else the next route dumps the shard again, a whole-shard window)",
                    () -> first.size() == 1 && offsets.getState("lanes") != null
                          && !offsets.getState("lanes").contains("\"SNAPSHOT\""));
            snapshot.stop();
            for (int i = 1; i <= 40; i++) {
                f.insert("orders", Map.of("_key", String.format("o-%02d", i)));
            }
            List<String> second = new CopyOnWriteArrayList<>();
            CountDownLatch tenDelivered = new CountDownLatch(10);
            CamelContext stopped = routes.start(clusterUri(f, "maxEventsPerPoll=500"), exchange -> {
                second.add(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class));
                tenDelivered.countDown();
                Thread.sleep(200);
            });
            assertTrue(tenDelivered.await(30, TimeUnit.SECONDS), "ten changes delivered: " + second);
            stopped.getShutdownStrategy().setTimeout(1); // the stop does not wait for the poll's last change
            stopped.getRouteController().stopRoute("cdc");
            assertTrue(second.size() < 40, "the stop came while the poll delivered: " + second);

            List<String> third = new CopyOnWriteArrayList<>();
            routes.start(clusterUri(f, "maxEventsPerPoll=500"), keys(third));
            ChangesConsumerTestSupport.await("the changes after the stop: " + third, Duration.ofSeconds(30),
                    () -> third.contains("o-40"));
            Thread.sleep(300); // nothing more comes
            List<String> again = third.stream().filter(second::contains).toList();
            assertTrue(again.size() <= 1, "only the change under way at the stop may come again; delivered before the "
                                          + "stop: " + second + ", again after the restart: " + again);
            List<String> union = new ArrayList<>(second);
            union.addAll(third);
            assertEquals(40, union.stream().distinct().count(), "nothing missing");
        }
    }

    /** Fails when a thread of the lane pool outlives the route, or the pool is not made again by a restart. */
    @Test
    void theLaneThreadsEndWithTheRouteAndComeBackWithIt() throws Exception {
        try (ArangoEmulator single = ArangoEmulator.builder().authentication("root", "pw").build().start();
             CaptureFixture f = new CaptureFixture(single, "root", "pw", "orders", "customers")) {
            Writes writes = new Writes(f, List.of("orders", "customers"), 10);
            LaneProbe probe = new LaneProbe(false);
            CamelContext context = routes.start(uri(f, "parallelShards=4"), probe);
            changesInOnePoll(context, probe, writes, () -> writes.updateAndRemove(1, 0));
            await("the changes of both collections in two lanes", () -> probe.changes().equals(writes.expected())
                                                                         && probe.twoLanesAtOnce());
            assertTrue(laneThreads() >= 2, "the lanes ran on the pool's threads");

            context.getRouteController().stopRoute("cdc");
            await("the lane threads to end", () -> laneThreads() == 0);

            context.getRouteController().startRoute("cdc");
            writes.updateAndRemove(1, 2);
            await("the changes after the restart", () -> probe.changes().equals(writes.expected()));
            context.stop();
            await("the lane threads to end with the context", () -> laneThreads() == 0);
        }
    }

    /**
     * Waits for the snapshot of the route's seeded documents, then writes while the route is stopped, so that the
     * changes of both collections come in one poll once it started again (a single server's snapshot dumps one
     * collection after the other: none of its polls has two lanes); the probe waits for a second lane from then on.
     */
    private static void changesInOnePoll(CamelContext context, LaneProbe probe, Writes writes, Runnable changes)
            throws Exception {
        await("the snapshot", () -> probe.changes().equals(writes.expected()));
        context.getRouteController().stopRoute("cdc");
        changes.run();
        probe.arm();
        context.getRouteController().startRoute("cdc");
    }

    private static ArangoEmulatorCluster cluster() {
        return ArangoEmulatorCluster.builder().dbServers(3).authentication("root", "pw").jwtSecret(SECRET)
                .failoverDelay(Duration.ofSeconds(60)).build().start();
    }

    private static String clusterUri(CaptureFixture f, String options) {
        return uri(f, "jwtSecret=" + SECRET + "&" + options);
    }

    private static String uri(CaptureFixture f, String options) {
        return "arango-replication:changes?offsetRepository=#offsets&offsetKey=lanes&initialDelay=0&" + f.connection()
               + "&" + options;
    }

    private static Processor keys(List<String> into) {
        return exchange -> into.add(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class));
    }

    private static long laneThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(LANE_THREADS)).count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        ChangesConsumerTestSupport.await(what, Duration.ofSeconds(60), condition);
    }

    /**
     * The writes of a test through the official driver and what each document must receive, in order: its revision
     * of the snapshot, then each update's and its delete's.
     */
    private static final class Writes {

        private final CaptureFixture f;
        private final Map<String, List<String>> expected = new TreeMap<>();

        /** Seeds {@code perCollection} documents in each collection (before the consumer starts: its snapshot). */
        Writes(CaptureFixture f, List<String> collections, int perCollection) {
            this.f = f;
            for (String collection : collections) {
                for (int i = 0; i < perCollection; i++) {
                    String key = collection + "-" + i;
                    expected.put(collection + "/" + key, new ArrayList<>(List.of(
                            f.insert(collection, Map.of("_key", key)))));
                }
            }
        }

        /** Updates every document {@code rounds} times, round after round, then removes the first {@code removes}. */
        void updateAndRemove(int rounds, int removes) {
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, List<String>> document : expected.entrySet()) {
                    String[] id = document.getKey().split("/");
                    document.getValue().add(f.update(id[0], id[1], Map.of("round", round)));
                }
            }
            expected.entrySet().stream().limit(removes).forEach(document -> {
                String[] id = document.getKey().split("/");
                document.getValue().add("removed " + f.remove(id[0], id[1]));
            });
        }

        Map<String, List<String>> expected() {
            return expected;
        }
    }

    /**
     * The route's processor: records each change under its document (its revision, in arrival order) and whether
     * exchanges of two lanes (shards, or collections of a single server) were in the route at the same time. To make
     * that deterministic, an exchange that enters while only its own lane is in the route waits up to a moment for a
     * second lane to enter (each of the first exchanges only): lanes delivered one after the other never meet.
     */
    private static final class LaneProbe implements Processor {

        private static final long WAIT_MILLIS = 300;
        private static final int WAITS = 40;

        private final Map<String, List<String>> changes = new HashMap<>();
        private final Map<String, Integer> inRoute = new LinkedHashMap<>();
        private final CountDownLatch twoLanes = new CountDownLatch(1);
        private final AtomicInteger waitsLeft;
        private final List<String> wrong = new CopyOnWriteArrayList<>();
        private int inFlight;
        private int maxInFlight;
        private int count;
        private int batches;

        /** @param armed whether the first exchanges wait for a second lane from the start (else from {@link #arm()}) */
        LaneProbe(boolean armed) {
            waitsLeft = new AtomicInteger(armed ? WAITS : 0);
        }

        @Override
        public void process(Exchange exchange) throws InterruptedException {
            Message in = exchange.getMessage();
            List<Message> members = new ArrayList<>();
            if (in.getHeader(ArangoReplicationConstants.BATCH_SIZE) != null) {
                for (Object member : in.getBody(List.class)) {
                    members.add(((Exchange) member).getMessage());
                }
                synchronized (this) {
                    batches++;
                }
            } else {
                members.add(in);
            }
            String lane = lane(members.get(0));
            members.stream().map(LaneProbe::lane).filter(l -> !l.equals(lane)).findFirst()
                    .ifPresent(other -> wrong.add("a batch of lanes " + lane + " and " + other));
            enter(lane);
            try {
                if (twoLanes.getCount() > 0 && waitsLeft.getAndDecrement() > 0) {
                    twoLanes.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                }
                members.forEach(this::record);
            } finally {
                leave(lane);
            }
        }

        /** Waits again for a second lane, from the next exchange on (after a part that could not meet one). */
        void arm() {
            waitsLeft.set(WAITS);
        }

        private static String lane(Message change) {
            String shard = change.getHeader(ArangoReplicationConstants.SHARD, String.class);
            return shard != null ? shard : change.getHeader(ArangoReplicationConstants.COLLECTION, String.class);
        }

        private synchronized void enter(String lane) {
            inRoute.merge(lane, 1, Integer::sum);
            if (inRoute.size() >= 2) {
                twoLanes.countDown();
            }
            maxInFlight = Math.max(maxInFlight, ++inFlight);
        }

        private synchronized void leave(String lane) {
            inRoute.computeIfPresent(lane, (l, n) -> n == 1 ? null : n - 1);
            inFlight--;
        }

        private synchronized void record(Message change) {
            ChangeType type = change.getHeader(ArangoReplicationConstants.CHANGE_TYPE, ChangeType.class);
            String rev = change.getHeader(ArangoReplicationConstants.REV, String.class);
            String id = change.getHeader(ArangoReplicationConstants.DOCUMENT_ID, String.class);
            if (id == null) {
                wrong.add("a change of no document: " + change.getHeaders());
                return;
            }
            changes.computeIfAbsent(id, k -> new ArrayList<>()).add(type == ChangeType.DELETE ? "removed " + rev : rev);
            count++;
        }

        synchronized Map<String, List<String>> changes() {
            Map<String, List<String>> copy = new TreeMap<>();
            changes.forEach((id, revs) -> copy.put(id, List.copyOf(revs)));
            return copy;
        }

        boolean twoLanesAtOnce() {
            return twoLanes.getCount() == 0;
        }

        synchronized int maxInFlight() {
            return maxInFlight;
        }

        synchronized int count() {
            return count;
        }

        synchronized int batches() {
            return batches;
        }

        List<String> wrong() {
            return wrong;
        }
    }
}
