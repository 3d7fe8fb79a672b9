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
package io.github.camelarango.replication.cdc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.arangodb.ArangoDB;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.StreamTransactionOptions;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine against the emulator over HTTP, with writes made by the official Java driver while the stream runs:
 * replaying the delivered events must reproduce the server's final documents exactly (every _key and _rev).
 */
class ChangeStreamEmulatorIT {

    private static final List<String> CAPTURED = List.of("orders", "customers");
    private static final List<String> WRITTEN = List.of("orders", "customers", "audit");

    /** One emulator and one driver per version for the whole class (starting a driver takes seconds). */
    private static final Map<String, Server> SERVERS = new HashMap<>();
    private static int databases;

    private record Server(ArangoEmulator emulator, ArangoDB driver) {
        static Server start(String version) {
            ArangoEmulator emulator = ArangoEmulator.builder().version(version).authentication("root", "secret").build()
                    .start();
            return new Server(emulator, new ArangoDB.Builder().host("127.0.0.1", emulator.port())
                    .protocol(Protocol.HTTP_JSON).user("root").password("secret").build());
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(server -> {
            server.driver().shutdown();
            server.emulator().close();
        });
        SERVERS.clear();
    }

    /** A fresh database with the collections on the version's emulator, and a replication client for it. */
    private static final class Setup implements AutoCloseable {
        final ArangoEmulator emulator;
        final String name;
        final ArangoDatabase db;
        final HttpArangoReplicationClient client;

        Setup(String version) {
            Server server = SERVERS.computeIfAbsent(version, Server::start);
            emulator = server.emulator();
            name = "shop" + (++databases);
            server.driver().createDatabase(name);
            db = server.driver().db(name);
            WRITTEN.forEach(c -> db.collection(c).create());
            client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(emulator.url()).database(name)
                    .password("secret").build());
        }

        Map<String, Map<String, String>> truth() {
            return EmulatorTruth.of(emulator, name, CAPTURED);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static ChangeStreamOptions.Builder options() {
        return ChangeStreamOptions.builder().streamKey("it").excludeCollections(Set.of("audit"))
                .idleMinWait(Duration.ofMillis(5)).idleMaxWait(Duration.ofMillis(50))
                .initialDumpChunkSize(2048).maxDumpChunkSize(8192).tailChunkSize(16384);
    }

    /** Polls, applies and commits until the replica equals the server (the writer must be done). */
    private static List<ChangeEvent> catchUp(ChangeStream stream, ReplayedState replica, Setup setup) {
        List<ChangeEvent> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<ChangeEvent> events = stream.poll(200);
            replica.apply(events);
            all.addAll(events);
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            } else if (EmulatorTruth.of(replica, CAPTURED).equals(setup.truth())) {
                return all;
            }
        }
        assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED), "replica did not converge");
        return fail("unreachable");
    }

    /** Polls (up to {@code maxEvents} at a time), applies and commits while {@code writer} runs, then joins it. */
    static void pollWhile(Thread writer, ChangeStream stream, int maxEvents, ReplayedState replica,
                          List<ChangeEvent> delivered) throws InterruptedException {
        while (writer.isAlive()) {
            List<ChangeEvent> events = stream.poll(maxEvents);
            replica.apply(events);
            delivered.addAll(events);
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            }
        }
        writer.join();
    }

    static Thread writer(RandomWorkload workload, int steps, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; i < steps; i++) {
                    workload.step();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "workload");
        thread.start();
        return thread;
    }

    @ParameterizedTest(name = "ArangoDB {0}")
    @ValueSource(strings = {"3.11.4", "3.12.10"})
    void replayReproducesTheServerExactlyWhileWritesGoOn(String version) throws Exception {
        try (Setup setup = new Setup(version)) {
            RandomWorkload workload = new RandomWorkload(setup.db, WRITTEN, 42);
            workload.seed(60);
            ReplayedState replica = new ReplayedState();
            List<ChangeEvent> delivered = new ArrayList<>();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            try (ChangeStream stream = new ChangeStream(setup.client, options().build(), new InMemoryPositionStore())) {
                List<ChangeEvent> first = stream.poll(25); // creates the batch: later writes come from the WAL
                replica.apply(first);
                delivered.addAll(first);
                pollWhile(writer(workload, 200, writerFailure), stream, 25, replica, delivered);
                assertEquals(null, writerFailure.get());
                delivered.addAll(catchUp(stream, replica, setup));
                assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED));
                for (int i = 0; i < 3; i++) {
                    assertTrue(stream.poll(10).isEmpty(), "nothing after the last change");
                }
                assertEquals(0, stream.metrics().positionLostCount());
                assertEquals(ChangePosition.Phase.TAIL, stream.metrics().phase());
                assertFalse(stream.metrics().snapshotProgress().isEmpty());
                stream.metrics().snapshotProgress().forEach((collection, progress) -> assertTrue(
                        progress.completed() && progress.estimatedTotal().isPresent(),
                        "each dump began with the collection's count: " + collection + " " + progress));
            }
            assertTrue(delivered.stream().noneMatch(e -> "audit".equals(e.collection())), "excluded collection");
            assertTrue(delivered.stream().filter(e -> e.key() != null)
                    .noneMatch(e -> workload.abortedKeys().contains(e.key())), "no event of an aborted transaction");
            assertFalse(workload.abortedKeys().isEmpty(), "the workload did abort transactions");
            assertTrue(delivered.stream().anyMatch(e -> e.transactionId() != null), "transactions were captured");
            Set<String> snapshotRows = new HashSet<>();
            Set<Long> tailTicks = new HashSet<>();
            for (ChangeEvent e : delivered) {
                if (e.snapshot()) {
                    assertTrue(snapshotRows.add(e.collection() + "/" + e.key()), "snapshot row twice: " + e);
                } else if (e.type().isDocumentChange()) {
                    assertTrue(tailTicks.add(e.tick()), "WAL change delivered twice: " + e);
                }
            }
            assertEquals(120, snapshotRows.size(), "the snapshot holds exactly the documents at batch time");
        }
    }

    /**
     * A stream transaction of padded documents, cut by several tail answers, with a standalone write made while it was
     * open (handed out first): every event but the transaction's last carries a position before the transaction (on
     * the server, with the captured collections), so a crash after committing one of them replays the transaction
     * whole, as new events.
     */
    @Test
    void aStreamTransactionCutByTailAnswersIsCommittedOnlyByItsLastEventAndReplayedWholeAfterACrash() {
        try (Setup setup = new Setup("3.11.4")) {
            InMemoryPositionStore positions = new InMemoryPositionStore();
            ReplayedState replica = new ReplayedState();
            ChangeStream crashed = new ChangeStream(setup.client, options().build(), positions);
            catchUp(crashed, replica, setup);
            String id = setup.db.beginStreamTransaction(new StreamTransactionOptions().writeCollections("orders"))
                    .getId();
            for (int i = 0; i < 12; i++) {
                if (i == 6) {
                    setup.db.collection("customers").insertDocument(Map.of("_key", "standalone"));
                }
                setup.db.collection("orders").insertDocument(Map.of("_key", "t" + i, "pad", "x".repeat(3000)),
                        new DocumentCreateOptions().streamTransactionId(id));
            }
            setup.db.commitStreamTransaction(id);
            List<ChangeEvent> first = pollDocumentChanges(crashed, 13);
            assertEquals("standalone", first.get(0).key(), "written while the transaction was open: handed out first");
            List<ChangeEvent> transaction = first.subList(1, 13);
            long firstTick = transaction.get(0).tick();
            long lastTick = transaction.get(11).tick();
            for (ChangeEvent e : first) {
                ChangePosition p = e.position();
                assertEquals(Set.of("orders", "customers"), Set.copyOf(p.collections().orElseThrow().values()),
                        p::toString);
                assertTrue(p.server().isPresent() && p.serverTick() != 0, p::toString);
                if (e != transaction.get(11)) {
                    assertTrue(Long.compareUnsigned(p.from(), firstTick) < 0, e.key() + " carries " + p);
                }
            }
            assertTrue(Long.compareUnsigned(transaction.get(11).position().from(), lastTick) >= 0,
                    () -> "the last carries " + transaction.get(11).position());
            crashed.commit(transaction.get(5));
            ChangePosition stored = positions.load("it").orElseThrow();
            assertTrue(Long.compareUnsigned(stored.from(), firstTick) < 0, stored::toString);
            // no close: a crash
            try (ChangeStream restarted = new ChangeStream(setup.client, options().build(), positions)) {
                // the standalone write took its tick before the transaction's (which are given at its commit):
                // the position before the transaction covers it, so only the transaction comes again
                List<ChangeEvent> again = pollDocumentChanges(restarted, 12);
                assertEquals(transaction.stream().map(ChangeEvent::key).toList(),
                        again.stream().map(ChangeEvent::key).toList(), "the transaction is replayed whole");
                for (int i = 0; i < 12; i++) {
                    assertEquals(i < 12 - 1 ? stored.from() : transaction.get(11).position().from(),
                            again.get(i).position().from(), again.get(i).key());
                    assertTrue(again.get(i) != transaction.get(i), "handed out anew");
                }
                restarted.commit(again.get(5));
                assertEquals(stored.from(), positions.load("it").orElseThrow().from(), "no position inside it");
                restarted.commit(again.get(11));
                assertEquals(transaction.get(11).position().from(), positions.load("it").orElseThrow().from());
                replica.apply(first);
                replica.apply(again);
                assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED));
                assertTrue(restarted.failure().isEmpty(), () -> restarted.failure().toString());
            }
        }
    }

    /** Polls (without committing) until {@code count} document changes came, and returns them. */
    private static List<ChangeEvent> pollDocumentChanges(ChangeStream stream, int count) {
        List<ChangeEvent> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (all.size() < count && System.nanoTime() < deadline) {
            stream.poll(5).stream().filter(e -> e.type().isDocumentChange()).forEach(all::add);
        }
        assertEquals(count, all.size(), () -> "document changes: " + all);
        return all;
    }

    @Test
    void crashesDuringSnapshotAndTailConvergeAndRedeliverOnlyTheUncommittedWindow() throws Exception {
        try (Setup setup = new Setup("3.11.4")) {
            RandomWorkload workload = new RandomWorkload(setup.db, WRITTEN, 7);
            workload.seed(80);
            InMemoryPositionStore positions = new InMemoryPositionStore();
            ReplayedState replica = new ReplayedState();
            Random random = new Random(7);
            Set<String> delivered = new HashSet<>();
            ChangePosition committedAtCrash = null;
            int crashes = 0;
            int snapshotCrashes = 0;
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            ChangeStream stream = new ChangeStream(setup.client, options().build(), positions);
            Thread writer = writer(workload, 100, writerFailure);
            while (writer.isAlive() || crashes < 6) {
                List<ChangeEvent> events = stream.poll(1 + random.nextInt(30));
                for (ChangeEvent e : events) {
                    String identity = e.type() + "|" + e.collection() + "|" + e.key() + "|" + e.rev() + "|" + e.tickString();
                    if (!delivered.add(identity) && committedAtCrash != null) {
                        assertTrue(ChangeStreamTest.mayBeRedelivered(e, committedAtCrash),
                                e + " was delivered again although committed at " + committedAtCrash);
                    }
                }
                replica.apply(events);
                boolean crash = random.nextInt(8) == 0;
                if (!events.isEmpty() && !(crash && random.nextBoolean())) {
                    stream.commit(events.get(events.size() - 1));
                }
                if (crash) {
                    committedAtCrash = positions.load("it").orElse(null);
                    crashes++;
                    if (committedAtCrash == null || committedAtCrash.isSnapshot()) {
                        snapshotCrashes++;
                    }
                    stream = new ChangeStream(setup.client, options().build(), positions); // no close: a crash
                }
            }
            writer.join();
            assertEquals(null, writerFailure.get());
            catchUp(stream, replica, setup);
            stream.close();
            assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED));
            assertTrue(snapshotCrashes > 0, "crashed during the snapshot at least once");
            assertTrue(crashes > snapshotCrashes, "crashed while tailing at least once");
        }
    }

    @ParameterizedTest
    @EnumSource(PositionLostPolicy.class)
    void walPurgedPastThePosition(PositionLostPolicy policy) {
        try (Setup setup = new Setup("3.11.4")) {
            RandomWorkload workload = new RandomWorkload(setup.db, WRITTEN, 3);
            workload.seed(5);
            InMemoryPositionStore positions = new InMemoryPositionStore();
            ReplayedState replica = new ReplayedState();
            try (ChangeStream stream = new ChangeStream(setup.client, options().build(), positions)) {
                catchUp(stream, replica, setup);
            }
            setup.db.collection("orders").insertDocument(Map.of("_key", "lost1"));
            setup.db.collection("orders").updateDocument("s0", Map.of("changed", true));
            setup.emulator.purgeWalUpTo(setup.emulator.lastTick());
            setup.db.collection("orders").insertDocument(Map.of("_key", "kept")); // the WAL the server still has
            try (ChangeStream stream = new ChangeStream(setup.client, options().positionLostPolicy(policy).build(),
                    positions)) {
                switch (policy) {
                    case FAIL -> {
                        PositionLostException e = assertThrows(PositionLostException.class, () -> stream.poll(10));
                        assertTrue(e.getMessage().contains("frompresent: false"), e.getMessage());
                        assertTrue(e.getMessage().contains("positionLostPolicy=RESNAPSHOT"), e.getMessage());
                        assertFalse(EmulatorTruth.of(replica, CAPTURED).get("orders").containsKey("lost1"));
                    }
                    case RESNAPSHOT -> {
                        List<ChangeEvent> events = catchUp(stream, replica, setup);
                        assertEquals(12, events.stream().filter(ChangeEvent::snapshot).count(),
                                "a new snapshot of both captured collections");
                        assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED));
                    }
                    case SKIP -> {
                        List<ChangeEvent> first = stream.poll(10);
                        assertEquals(ChangeType.GAP, first.get(0).type());
                        assertEquals(List.of("kept"), first.stream().skip(1).map(ChangeEvent::key).toList(),
                                "what the server still has after the gap is delivered");
                        replica.apply(first);
                        stream.commit(first.get(first.size() - 1));
                        setup.db.collection("orders").insertDocument(Map.of("_key", "after"));
                        List<ChangeEvent> later = new ArrayList<>();
                        for (int i = 0; i < 200 && later.isEmpty(); i++) {
                            later.addAll(stream.poll(10));
                        }
                        assertEquals(List.of("after"), later.stream().map(ChangeEvent::key).toList());
                        replica.apply(later);
                        assertFalse(EmulatorTruth.of(replica, CAPTURED).get("orders").containsKey("lost1"),
                                "the purged change is not invented");
                    }
                    default -> fail(policy.name());
                }
                assertEquals(1, stream.metrics().positionLostCount());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PositionLostPolicy.class, names = {"FAIL", "RESNAPSHOT"})
    void aBatchTheServerLostDuringTheSnapshotIsReplacedWhateverThePolicy(PositionLostPolicy policy) {
        try (Setup setup = new Setup("3.12.10")) {
            new RandomWorkload(setup.db, WRITTEN, 5).seed(100);
            ReplayedState replica = new ReplayedState();
            try (ChangeStream stream = new ChangeStream(setup.client, options().positionLostPolicy(policy).build(),
                    new InMemoryPositionStore())) {
                List<ChangeEvent> first = stream.poll(5);
                replica.apply(first);
                stream.commit(first.get(first.size() - 1));
                setup.emulator.expireAllBatches();
                setup.db.collection("customers").insertDocument(Map.of("_key", "during"));
                catchUp(stream, replica, setup);
                assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED));
                assertEquals(0, stream.metrics().positionLostCount());
                assertEquals(1, stream.metrics().snapshotResumes());
            }
        }
    }

    @Test
    void registersAsReplicationClientSoTheServerKeepsTheWal() {
        try (Setup setup = new Setup("3.11.4")) {
            new RandomWorkload(setup.db, WRITTEN, 9).seed(3);
            ReplayedState replica = new ReplayedState();
            try (ChangeStream stream = new ChangeStream(setup.client, options().build(), new InMemoryPositionStore())) {
                catchUp(stream, replica, setup);
                long committed = stream.committedPosition().orElseThrow().from();
                String serverId = ClientReplicationSource.derivedServerId("it");
                var client = setup.client.loggerState().clients().stream()
                        .filter(c -> serverId.equals(c.serverId())).findFirst();
                assertTrue(client.isPresent(), "registered with serverId " + serverId + ": "
                        + setup.client.loggerState().clients());
                assertTrue(client.get().clientInfo().contains("it"), client.get().clientInfo());
                assertTrue(Long.compareUnsigned(client.get().lastServedTick(), committed) <= 0,
                        "the server keeps the WAL after the stream's position");
            }
        }
    }

    @Test
    void connectionCutsAndServerErrorsCostRetriesButNoChange() throws Exception {
        try (Setup setup = new Setup("3.12.10")) {
            RandomWorkload workload = new RandomWorkload(setup.db, WRITTEN, 11);
            workload.seed(60);
            setup.emulator.faults().cutAfterBytes("GET", "/_api/replication/dump", 700, 1);
            ReplayedState replica = new ReplayedState();
            int[] failures = {0};
            try (ChangeStream stream = new ChangeStream(setup.client, options().build(), new InMemoryPositionStore())) {
                pollUntil(stream, replica, failures,
                        () -> stream.metrics().phase() == ChangePosition.Phase.TAIL);
                assertEquals(1, failures[0], "the cut dump surfaced once; the snapshot went on with a new batch");
                for (int i = 0; i < 10; i++) {
                    setup.db.collection("orders").insertDocument(Map.of("_key", "f" + i));
                }
                setup.emulator.faults().failNext("GET", "/_api/wal/tail", 503, 503, 1)
                        .cutAfterBytes("GET", "/_api/wal/tail", 300, 1);
                AtomicReference<Throwable> writerFailure = new AtomicReference<>();
                Thread writer = writer(workload, 60, writerFailure);
                pollUntil(stream, replica, failures, () -> !writer.isAlive()
                        && EmulatorTruth.of(replica, CAPTURED).equals(setup.truth()));
                assertEquals(null, writerFailure.get());
            }
            assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED));
            assertEquals(3, failures[0], "each injected fault surfaced once and was retried");
        }
    }

    @Test
    void droppingTheOneCapturedCollectionIsDeliveredDespiteTheServerSideFilter() {
        try (Setup setup = new Setup("3.11.4")) {
            new RandomWorkload(setup.db, WRITTEN, 13).seed(2);
            ChangeStreamOptions only = options().includeCollections(Set.of("orders")).build();
            assertEquals(java.util.Optional.of("orders"), only.filter().serverSideCollection());
            try (ChangeStream stream = new ChangeStream(setup.client, only, new InMemoryPositionStore())) {
                List<ChangeEvent> events = new ArrayList<>();
                for (int i = 0; i < 50 && events.size() < 2; i++) {
                    events.addAll(stream.poll(10));
                }
                assertEquals(2, events.size(), "the snapshot of orders only");
                setup.db.collection("customers").insertDocument(Map.of("_key", "elsewhere"));
                setup.db.collection("orders").drop();
                List<ChangeEvent> later = new ArrayList<>();
                for (int i = 0; i < 200 && later.isEmpty(); i++) {
                    later.addAll(stream.poll(10));
                }
                assertEquals(1, later.size(), later.toString());
                assertEquals(ChangeType.COLLECTION_DROP, later.get(0).type());
                assertEquals("orders", later.get(0).collection());
            }
        }
    }

    /** Polls, applies and commits until the condition holds after an empty poll; counts client failures. */
    private static void pollUntil(ChangeStream stream, ReplayedState replica, int[] failures,
                                  java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<ChangeEvent> events;
            try {
                events = stream.poll(20);
            } catch (io.github.camelarango.replication.client.ArangoReplicationException e) {
                failures[0]++;
                continue;
            }
            replica.apply(events);
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            } else if (done.getAsBoolean()) {
                return;
            }
        }
        fail("condition not reached in time");
    }
}
