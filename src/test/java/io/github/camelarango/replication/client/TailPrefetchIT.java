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
package io.github.camelarango.replication.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ClientReplicationSource;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.EmulatorRole;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's tail call made ahead ({@code tailPrefetch}) over HTTP: every change arrives once and in order, and a
 * close while the call ahead is in flight waits for it, so that no connection stays leased (here, in the client's
 * package, the pool can be asked).
 */
class TailPrefetchIT {

    private static final int DOCUMENTS = 300;

    @Test
    void everyChangeArrivesOnceAndInOrderWithTheCallsMadeAhead() {
        try (Fixture f = new Fixture()) {
            f.stream.poll(10);
            f.insert(DOCUMENTS);
            List<Integer> seen = new ArrayList<>();
            for (int idle = 0; idle < 3; ) {
                List<ChangeEvent> events = f.stream.poll(50);
                events.forEach(e -> seen.add(e.data().get("i").asInt()));
                if (!events.isEmpty()) {
                    f.stream.commit(events.get(events.size() - 1));
                }
                idle = events.isEmpty() ? idle + 1 : 0;
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                expected.add(i);
            }
            assertEquals(expected, seen);
        }
    }

    @Test
    void aCloseDuringTheCallAheadWaitsForItAndLeavesNoConnectionLeased() throws Exception {
        try (Fixture f = new Fixture()) {
            f.stream.poll(10);
            f.insert(DOCUMENTS);
            // the poll's own call and the one it makes ahead are both answered late
            f.emulator.faults().delay("GET", "/_api/wal/tail", Duration.ofMillis(1500), 2);
            assertEquals(10, f.stream.poll(10).size());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (f.client.leasedConnections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, f.client.leasedConnections(), "the call ahead is in flight");
            f.stream.close();
            assertEquals(0, f.client.leasedConnections(), "close waited for the call ahead");
            f.prefetch.shutdown();
            assertTrue(f.prefetch.awaitTermination(1, TimeUnit.SECONDS), "the prefetch thread has nothing left to do");
        }
    }

    /** An emulator, a client on it and a stream tailing collection {@code products} with calls made ahead. */
    private static final class Fixture implements AutoCloseable {
        final ArangoEmulator emulator = ArangoEmulator.builder().version("3.12.4").role(EmulatorRole.SINGLE)
                .authentication("root", "secret").build().start();
        final EmulatorAdmin admin = new EmulatorAdmin(emulator.url(), "root", "secret");
        final HttpArangoReplicationClient client = new HttpArangoReplicationClient(ArangoClientConfiguration
                .builder(emulator.url()).password("secret").build());
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        final ExecutorService prefetch = Executors.newSingleThreadExecutor();
        final ChangeStream stream;

        Fixture() {
            admin.createCollection("_system", "products");
            stream = new ChangeStream(new ClientReplicationSource(client, "prefetch"), ChangeStreamOptions.builder()
                    .streamKey("prefetch").snapshotMode(SnapshotMode.NEVER).includeCollections(Set.of("products"))
                    .tailChunkSize(16 * 1024).idleMinWait(Duration.ZERO).idleMaxWait(Duration.ofMillis(20)).build(),
                    new InMemoryPositionStore(), timer, prefetch);
        }

        /** Documents of about 170 bytes as markers: a 16 KiB answer holds about a hundred, the server has more. */
        void insert(int count) {
            for (int i = 0; i < count; i++) {
                admin.insert("_system", "products", "{\"i\":" + i + ",\"pad\":\"" + "y".repeat(100) + "\"}");
            }
        }

        @Override
        public void close() {
            stream.close();
            timer.shutdownNow();
            prefetch.shutdownNow();
            client.close();
            emulator.close();
        }
    }
}
