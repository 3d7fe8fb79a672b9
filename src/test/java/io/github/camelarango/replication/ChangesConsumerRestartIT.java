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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

import io.github.camelarango.replication.ReplicaSink.Received;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Exactness across crashes: while a writer thread makes random changes and stream transactions (committed and
 * aborted) in three collections, CamelContexts running the changes consumer with the default file offset store are
 * stopped at random moments — once during the snapshot, then while tailing — and new ones started on the same file.
 * Replaying what the route received must reproduce the emulator's final documents exactly (every _key and _rev),
 * with no event of an aborted transaction, and redeliveries only of what was not committed yet.
 */
class ChangesConsumerRestartIT {

    private static final List<String> CAPTURED = List.of("orders", "customers");
    private static final String PROPERTY = "camel.arango.replication.test.dir";

    @TempDir
    static Path dir;

    @BeforeAll
    static void offsetDirectory() {
        System.setProperty(PROPERTY, dir.toString());
    }

    @AfterAll
    static void clearOffsetDirectory() {
        System.clearProperty(PROPERTY);
    }

    @ParameterizedTest(name = "ArangoDB {0}")
    @ValueSource(strings = {"3.11.4", "3.12.10"})
    void replicaStaysExactAcrossRandomCrashes(String version) throws Exception {
        Random random = new Random(version.hashCode());
        try (ArangoEmulator emulator = ArangoEmulator.builder().version(version).authentication("root", "pw").build()
                .start();
             CaptureFixture f = new CaptureFixture(emulator, "root", "pw", "orders", "customers", "audit")) {
            DriverWorkload workload = new DriverWorkload(f.db, List.of("orders", "customers", "audit"), 7, 250);
            workload.seed(80);
            String uri = "arango-replication:changes?excludeCollections=audit&snapshotChunkSize=600&maxEventsPerPoll=5"
                         + "&offsetFile={{sys:" + PROPERTY + "}}/offsets-" + version + ".dat&initialDelay=0&"
                         + f.connection();
            ReplicaSink sink = new ReplicaSink();
            Thread writer = new Thread(workload, "workload");
            int runs = 0;

            CamelContext first = start(uri, sink, 3); // slow enough that the stop lands inside the snapshot
            await("part of the snapshot", () -> sink.count() >= 40);
            writer.start();
            assertEquals("SNAPSHOT", consumer(first).getPhase(), "the first crash happens during the snapshot");
            first.stop();
            runs++;
            int afterSnapshotCrash = sink.count();
            assertTrue(afterSnapshotCrash < 160, "the snapshot was interrupted");

            while (writer.isAlive() || runs < 5) {
                CamelContext context = start(uri, sink, 0);
                Thread.sleep(50 + random.nextInt(300));
                context.stop();
                runs++;
            }
            assertNull(workload.failure(), () -> "writer failed: " + workload.failure());

            CamelContext last = start(uri, sink, 0);
            try {
                await("the last run to tail and the replica to match the server",
                        () -> "TAIL".equals(consumer(last).getPhase()) && sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            } finally {
                last.stop();
            }
            assertTrue(Files.exists(dir.resolve("offsets-" + version + ".dat")), "the default store is the file");
            assertExactlyWhatTheServerHas(sink, f, workload);
        }
    }

    private static void assertExactlyWhatTheServerHas(ReplicaSink sink, CaptureFixture f, DriverWorkload workload) {
        assertEquals(f.truth(CAPTURED), sink.state(CAPTURED));
        List<Received> received = sink.received();
        assertTrue(received.stream().noneMatch(r -> "audit".equals(r.collection())), "audit is excluded");
        assertTrue(received.stream().filter(r -> r.key() != null).noneMatch(r -> workload.abortedKeys().contains(r.key())),
                "no event of an aborted transaction");
        assertTrue(received.stream().anyMatch(r -> r.transactionId() != null), "transactions were captured");
        Map<String, Integer> walDeliveries = new HashMap<>();
        for (Received r : received) {
            if (r.type() == ChangeType.UPSERT || r.type() == ChangeType.DELETE) {
                String id = r.tick() + " " + r.collection() + "/" + r.key();
                if (walDeliveries.merge(id, 1, Integer::sum) > 1) {
                    assertNotNull(r.transactionId(), "a standalone change is committed right after its exchange, "
                                                     + "so a restart never delivers it again: " + r);
                }
            }
        }
    }

    private static CamelContext start(String uri, ReplicaSink sink, int delayMillis) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("cdc").process(exchange -> {
                    if (delayMillis > 0) {
                        Thread.sleep(delayMillis);
                    }
                }).process(sink);
            }
        });
        context.start();
        return context;
    }

    private static ArangoReplicationChangesConsumer consumer(CamelContext context) {
        return (ArangoReplicationChangesConsumer) context.getRoute("cdc").getConsumer();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
