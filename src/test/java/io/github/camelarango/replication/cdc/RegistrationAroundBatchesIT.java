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
import java.util.List;
import java.util.function.BiPredicate;

import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.client.RegisteredClient;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a configured identity, creating a dump batch registers the stream's own client entry at the server's current
 * tick (docs/protocol.md §4.6, the entry is keyed by the syncerId): the stream must have registered at the tick it
 * would resume after before any batch is created, and must not leave a batch behind when it cannot register again.
 */
class RegistrationAroundBatchesIT {

    private static final String DB = "shop";
    private static final String SYNCER_ID = "4242";

    private ArangoEmulator emulator;
    private EmulatorAdmin admin;
    private HttpArangoReplicationClient client;

    @BeforeEach
    void start() {
        emulator = ArangoEmulator.builder().build().start();
        admin = new EmulatorAdmin(emulator.url(), null, null);
        admin.createDatabase(DB);
        admin.createCollection(DB, "orders");
        client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(emulator.url()).database(DB)
                .serverId("4711").syncerId(SYNCER_ID).build());
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private static ChangeStreamOptions options() {
        return ChangeStreamOptions.builder().streamKey("it").idleMinWait(Duration.ofMillis(5))
                .idleMaxWait(Duration.ofMillis(20)).build();
    }

    private RegisteredClient registration() {
        return client.loggerState().clients().stream().filter(c -> SYNCER_ID.equals(c.syncerId())).findFirst()
                .orElseThrow(() -> new AssertionError("no client registered with syncerId " + SYNCER_ID + ": "
                        + client.loggerState().clients()));
    }

    /** Polls and commits until {@code done} by the stream and the keys it delivered; returns the keys. */
    private static List<String> pollUntil(ChangeStream stream, BiPredicate<ChangeStream, List<String>> done) {
        List<String> keys = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.test(stream, keys)) {
            assertTrue(System.nanoTime() < deadline, "the stream did not get there; delivered " + keys);
            List<ChangeEvent> events = stream.poll(100);
            events.forEach(e -> keys.add(e.key()));
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            }
        }
        return keys;
    }

    @Test
    void aResumedStreamIsRegisteredAtItsPositionWhenItsFirstBatchIsCreated() {
        admin.insert(DB, "orders", "{\"_key\":\"a\"}");
        InMemoryPositionStore store = new InMemoryPositionStore();
        long committed;
        try (ChangeStream first = new ChangeStream(client, options(), store)) {
            pollUntil(first, (s, keys) -> s.committedPosition().filter(p -> !p.isSnapshot()).isPresent());
            committed = first.committedPosition().orElseThrow().from();
        }
        admin.insert(DB, "orders", "{\"_key\":\"b\"}");
        admin.insert(DB, "orders", "{\"_key\":\"c\"}");
        assertTrue(Long.compareUnsigned(emulator.lastTick(), committed) > 0);

        // a new process resumes tailing: its first batch (the inventory of the catalog) is created, then the process
        // dies before its registration is renewed (here: the inventory call fails)
        emulator.faults().failNext("GET", "/_api/replication/inventory", 503, 503, 1);
        try (ChangeStream resumed = new ChangeStream(client, options(), store)) {
            assertThrows(ArangoReplicationException.class, () -> resumed.poll(100));
            assertEquals(0, emulator.faults().pending(), "the inventory under the first batch was asked for");
            assertEquals(committed, registration().lastServedTick(),
                    "the server keeps the WAL after the committed position, not only after its current tick");

            List<String> keys = pollUntil(resumed, (s, delivered) -> delivered.size() >= 2);
            assertEquals(List.of("b", "c"), keys);
        }
    }

    @Test
    void aBatchIsDeletedWhenTheRegistrationAfterItsCreationFails() {
        ClientReplicationSource source = new ClientReplicationSource(client, "it");
        admin.insert(DB, "orders", "{\"_key\":\"a\"}");
        long position = emulator.lastTick();
        source.register(position);
        admin.insert(DB, "orders", "{\"_key\":\"b\"}");

        emulator.faults().failNext("GET", "/_api/wal/tail", 503, 503, 1); // the registration after the batch
        ArangoReplicationException failure = assertThrows(ArangoReplicationException.class,
                () -> source.createBatch(Duration.ofMinutes(10)));
        assertEquals(503, failure.getStatus());
        assertEquals(0, emulator.faults().pending());
        assertEquals(0, emulator.liveBatches(), "the batch whose registration failed is deleted");
    }
}
