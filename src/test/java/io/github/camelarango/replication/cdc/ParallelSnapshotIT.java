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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.arangodb.ArangoDB;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.Connections;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The prefetched and parallel snapshot against the emulator over HTTP, with writes made by the official Java driver
 * while it runs: the replica equals the server by (collection, _key, _rev) after snapshot and tail, whatever the
 * parallelism, a lost batch or a cut dump answer; and a stream closed during a prefetch leaves no connection leased.
 */
class ParallelSnapshotIT {

    private static final List<String> COLLECTIONS = List.of("orders", "customers", "items", "events");

    private static ArangoEmulator emulator;
    private static ArangoDB driver;
    private static int databases;

    private ArangoDatabase db;
    private String name;
    private HttpArangoReplicationClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService fetcher = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void startServer() {
        emulator = ArangoEmulator.builder().version("3.12.10").authentication("root", "secret").build().start();
        driver = new ArangoDB.Builder().host("127.0.0.1", emulator.port()).protocol(Protocol.HTTP_JSON).user("root")
                .password("secret").build();
    }

    @AfterAll
    static void stopServer() {
        driver.shutdown();
        emulator.close();
    }

    @BeforeEach
    void createDatabase() {
        name = "parallel" + (++databases);
        driver.createDatabase(name);
        db = driver.db(name);
        COLLECTIONS.forEach(c -> db.collection(c).create());
        client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(emulator.url()).database(name)
                .password("secret").build());
    }

    @AfterEach
    void closeClient() throws InterruptedException {
        emulator.faults().clear();
        client.close();
        timer.shutdownNow();
        fetcher.shutdownNow();
        assertTrue(fetcher.awaitTermination(10, TimeUnit.SECONDS), "no fetcher thread left");
    }

    private ChangeStream stream(int parallelism, InMemoryPositionStore positions) {
        ChangeStreamOptions options = ChangeStreamOptions.builder().streamKey("it")
                .idleMinWait(Duration.ofMillis(5)).idleMaxWait(Duration.ofMillis(50))
                .initialDumpChunkSize(2048).maxDumpChunkSize(8192).tailChunkSize(16384)
                .snapshotParallelism(parallelism).build();
        return new ChangeStream(new ClientReplicationSource(client, "it"), options, positions, timer, fetcher);
    }

    private Map<String, Map<String, String>> truth() {
        return EmulatorTruth.of(emulator, name, COLLECTIONS);
    }

    /** Polls, applies and commits until the replica equals the server (writes must be done); returns the events. */
    private List<ChangeEvent> catchUp(ChangeStream stream, ReplayedState replica) {
        List<ChangeEvent> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<ChangeEvent> events;
            try {
                events = stream.poll(100);
            } catch (ArangoReplicationException | ChangeStreamException e) {
                continue; // a cut answer: the next poll goes on with a new batch
            }
            replica.apply(events);
            all.addAll(events);
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            } else if (EmulatorTruth.of(replica, COLLECTIONS).equals(truth())) {
                return all;
            }
        }
        assertEquals(truth(), EmulatorTruth.of(replica, COLLECTIONS), "replica did not converge");
        return fail("unreachable");
    }

    @ParameterizedTest(name = "snapshotParallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void theReplicaEqualsTheServerWhileWritesGoOnDuringAParallelSnapshot(int parallelism) throws Exception {
        RandomWorkload workload = new RandomWorkload(db, COLLECTIONS, 11);
        workload.seed(400);
        ReplayedState replica = new ReplayedState();
        List<ChangeEvent> delivered = new ArrayList<>();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        try (ChangeStream stream = stream(parallelism, new InMemoryPositionStore())) {
            List<ChangeEvent> first = stream.poll(10); // creates the batch: later writes come from the WAL
            replica.apply(first);
            delivered.addAll(first);
            stream.commit(first.get(first.size() - 1));
            ChangeStreamEmulatorIT.pollWhile(ChangeStreamEmulatorIT.writer(workload, 150, writerFailure), stream, 20,
                    replica, delivered);
            assertEquals(null, writerFailure.get());
            delivered.addAll(catchUp(stream, replica));
            assertEquals(truth(), EmulatorTruth.of(replica, COLLECTIONS));
            assertEquals(0, stream.metrics().snapshotResumes());
        }
        Set<String> rows = new HashSet<>();
        List<String> runs = new ArrayList<>();
        for (ChangeEvent e : delivered) {
            if (e.snapshot()) {
                assertTrue(rows.add(e.collection() + "/" + e.key()), "snapshot row twice: " + e);
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(e.collection())) {
                    runs.add(e.collection());
                }
            }
        }
        assertEquals(1600, rows.size(), "the snapshot holds exactly the documents at batch time (400 per collection)");
        if (parallelism == 1) {
            assertEquals(COLLECTIONS.size(), runs.size(), "one collection after the other: " + runs);
        } else {
            assertTrue(runs.size() > COLLECTIONS.size(), "the collections' chunks interleave: " + runs);
        }
        assertEquals(0, emulator.liveBatches(), "the batch is deleted");
        assertEquals(0, Connections.leased(client));
    }

    @Test
    void aRestartInTheMiddleOfAParallelSnapshotRepeatsOnlyTheIncompleteCollections() {
        db.collection("orders").insertDocument(Map.of("_key", "o1"));
        new RandomWorkload(db, List.of("customers", "items", "events"), 3).seed(300);
        InMemoryPositionStore positions = new InMemoryPositionStore();
        ReplayedState replica = new ReplayedState();
        ChangePosition committed;
        try (ChangeStream stream = stream(4, positions)) {
            List<ChangeEvent> events = new ArrayList<>();
            while (events.stream().noneMatch(e -> e.position().completedCollections().contains("orders"))) {
                events.addAll(stream.poll(5));
            }
            replica.apply(events);
            stream.commit(events.get(events.size() - 1));
            committed = positions.load("it").orElseThrow();
            assertEquals(Set.of("orders"), committed.completedCollections());
            stream.poll(30); // handed out, not committed: the stop comes before their delivery completed
        }
        assertEquals(0, emulator.liveBatches());
        db.collection("customers").insertDocument(Map.of("_key", "afterStop"));
        try (ChangeStream restarted = stream(4, positions)) {
            List<ChangeEvent> again = catchUp(restarted, replica);
            again.stream().filter(ChangeEvent::snapshot).forEach(e -> assertTrue(
                    ChangeStreamTest.mayBeRedelivered(e, committed), e + " repeated though committed at " + committed));
            Set<String> repeated = new HashSet<>();
            again.stream().filter(ChangeEvent::snapshot).forEach(e -> repeated.add(e.collection()));
            assertEquals(Set.of("customers", "items", "events"), repeated, "the incomplete collections, whole");
        }
        assertEquals(truth(), EmulatorTruth.of(replica, COLLECTIONS));
        assertEquals(0, Connections.leased(client));
    }

    @Test
    void aBatchLostAndADumpAnswerCutDuringAParallelSnapshotLoseNothing() {
        new RandomWorkload(db, COLLECTIONS, 5).seed(400);
        ReplayedState replica = new ReplayedState();
        try (ChangeStream stream = stream(4, new InMemoryPositionStore())) {
            List<ChangeEvent> first = stream.poll(5);
            replica.apply(first);
            stream.commit(first.get(first.size() - 1));
            emulator.expireAllBatches();
            db.collection("customers").insertDocument(Map.of("_key", "during"));
            List<ChangeEvent> next = new ArrayList<>();
            while (stream.metrics().snapshotResumes() == 0 || next.size() < 20) {
                List<ChangeEvent> events = stream.poll(10);
                replica.apply(events);
                next.addAll(events);
                if (!events.isEmpty()) {
                    stream.commit(events.get(events.size() - 1));
                }
            }
            emulator.faults().cutAfterBytes("GET", "/_api/replication/dump", 500, 1);
            catchUp(stream, replica);
            assertEquals(truth(), EmulatorTruth.of(replica, COLLECTIONS));
            assertEquals(2, stream.metrics().snapshotResumes(), "one for the lost batch, one for the cut answer");
            assertEquals(0, stream.metrics().positionLostCount());
        }
        assertEquals(0, emulator.liveBatches());
        assertEquals(0, Connections.leased(client));
    }

    @Test
    void closeDuringAPrefetchWaitsForItsCallAndLeavesNoConnectionLeased() {
        new RandomWorkload(db, COLLECTIONS, 9).seed(200);
        ChangeStream stream = stream(2, new InMemoryPositionStore());
        assertTrue(stream.poll(3).size() > 0);
        emulator.faults().delay("GET", "/_api/replication/dump", Duration.ofMillis(500), 2);
        List<ChangeEvent> more = new ArrayList<>();
        while (more.isEmpty()) {
            more.addAll(stream.poll(1000)); // the chunks on their way now are slow: the next ones are asked for
        }
        stream.close();
        assertEquals(0, Connections.leased(client), "the prefetch's connection is back in the pool");
        assertEquals(0, emulator.liveBatches(), "the batch is deleted");
        assertThrows(IllegalStateException.class, () -> stream.poll(1));
    }
}
