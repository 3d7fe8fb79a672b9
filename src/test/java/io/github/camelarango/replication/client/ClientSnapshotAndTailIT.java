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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.EmulatorRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canonical replication flow against the emulator on every single-server personality: batch, inventory, dump
 * loop, tail from the batch tick; the dumped snapshot plus the tailed changes must equal the server's documents.
 */
class ClientSnapshotAndTailIT {

    private static ArangoEmulator start(String version) {
        return ArangoEmulator.builder().version(version).role(EmulatorRole.SINGLE).authentication("root", "secret").build()
                .start();
    }

    private static HttpArangoReplicationClient client(ArangoEmulator emulator) {
        return new HttpArangoReplicationClient(ArangoClientConfiguration.builder(emulator.url()).password("secret")
                .serverId("4711").clientInfo("client integration test").build());
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.11.4", "3.12.4", "3.12.10" })
    void snapshotPlusTailEqualsTheServersDocuments(String version) {
        try (ArangoEmulator emulator = start(version); HttpArangoReplicationClient client = client(emulator)) {
            EmulatorAdmin admin = new EmulatorAdmin(emulator.url(), "root", "secret");
            admin.createCollection("_system", "products");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                keys.add(admin.insert("_system", "products", "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(40) + "\"}"));
            }

            assertEquals(25, client.collectionCount("products"));
            DumpBatch batch = client.createDumpBatch(CreateDumpBatchRequest.ofTtl(600));
            assertEquals(version, client.serverInfo().version().toString());
            String late = admin.insert("_system", "products", "{\"n\":100}");
            assertEquals(26, client.collectionCount("products"), "the count is the current one, not the batch's");
            admin.remove("_system", "products", keys.get(0));
            admin.update("_system", "products", keys.get(1), "{\"n\":-1}");

            Inventory inventory = client.inventory(new InventoryRequest(batch.id(), false, null, null, null, null));
            assertEquals(batch.lastTick(), inventory.snapshotTick(), "inventory state.lastLogTick is the batch tick");
            InventoryCollection products = inventory.collections().stream().filter(c -> "products".equals(c.name()))
                    .findFirst().orElseThrow();
            assertFalse(products.deleted());
            assertTrue(inventory.collections().stream().noneMatch(InventoryCollection::system), "includeSystem=false");

            Map<String, JsonNode> replica = dumpAll(client, batch.id(), "products");
            assertEquals(25, replica.size(), "the dump shows the snapshot, not the later writes");
            assertEquals(1, replica.get(keys.get(1)).path("n").asInt());
            client.extendDumpBatch(ExtendDumpBatchRequest.of(batch.id(), 600));

            List<WalMarker> markers = tailAll(client, batch.lastTick());
            for (WalMarker marker : markers) {
                assertTrue(Ticks.isAfter(marker.tick(), batch.lastTick()), "tail from is exclusive: " + marker);
                apply(replica, marker);
            }
            assertTrue(markers.stream().anyMatch(m -> m.markerType() == MarkerType.REMOVE), "remove marker: " + markers);

            Map<String, Map<String, Object>> truth = emulator.documents("_system", "products");
            assertEquals(truth.keySet(), new TreeMap<>(replica).keySet());
            assertTrue(replica.containsKey(late));
            assertEquals(-1, replica.get(keys.get(1)).path("n").asInt());

            client.deleteDumpBatch(DeleteDumpBatchRequest.of(batch.id()));
            ArangoReplicationException gone = assertThrows(ArangoReplicationException.class,
                    () -> client.deleteDumpBatch(DeleteDumpBatchRequest.of(batch.id())));
            assertEquals(404, gone.getStatus());
            assertEquals(1600, gone.getErrorNum());
            assertEquals(0, client.leasedConnections());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.11.4", "3.12.4", "3.12.10" })
    void walAndLoggerTicksAgreeWithTheServer(String version) {
        try (ArangoEmulator emulator = start(version); HttpArangoReplicationClient client = client(emulator)) {
            EmulatorAdmin admin = new EmulatorAdmin(emulator.url(), "root", "secret");
            admin.createCollection("_system", "events");
            admin.insert("_system", "events", "{\"a\":1}");
            long last = emulator.lastTick();
            assertEquals(last, client.walLastTick().tick());
            WalRange range = client.walRange();
            assertEquals(last, range.tickMax());
            assertFalse(Ticks.isAfter(range.tickMin(), range.tickMax()));
            assertEquals(emulator.serverId(), range.server().serverId());
            LoggerState state = client.loggerState();
            assertEquals(last, state.state().lastLogTick());
            assertEquals(version, state.server().version());
            try (WalTailResponse tail = client.walTail(WalTailRequest.from(last))) {
                assertEquals(204, tail.status());
                assertEquals(0L, tail.headers().lastIncluded(), "empty answers say lastincluded 0");
                assertEquals(Boolean.TRUE, tail.headers().fromPresent());
                assertEquals(last, tail.headers().lastTick());
            }
            OpenTransactions open = client.walOpenTransactions(WalOpenTransactionsRequest.all());
            assertTrue(open.transactionIds().isEmpty(), "RocksDB has no open transactions in the WAL");
            assertTrue(client.loggerState().clients().stream().anyMatch(c -> "4711".equals(c.serverId())),
                    "the tail registered the client with the configured serverId");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.11.4", "3.12.4", "3.12.10" })
    void serverErrorsKeepStatusAndErrorNum(String version) {
        try (ArangoEmulator emulator = start(version); HttpArangoReplicationClient client = client(emulator)) {
            // with authentication on, the dump's permission check looks the collection up first (docs/protocol.md §1.6, §3.10)
            ArangoReplicationException unknownCollection = assertThrows(ArangoReplicationException.class,
                    () -> client.dump(DumpRequest.of("products", "123456")));
            assertEquals(404, unknownCollection.getStatus(), unknownCollection.getMessage());
            assertEquals(1203, unknownCollection.getErrorNum(), unknownCollection.getMessage());
            ArangoReplicationException unknownCount = assertThrows(ArangoReplicationException.class,
                    () -> client.collectionCount("products"));
            assertEquals(404, unknownCount.getStatus(), unknownCount.getMessage());
            assertEquals(1203, unknownCount.getErrorNum(), unknownCount.getMessage());
            new EmulatorAdmin(emulator.url(), "root", "secret").createCollection("_system", "products");
            ArangoReplicationException dump = assertThrows(ArangoReplicationException.class,
                    () -> client.dump(DumpRequest.of("products", "123456")));
            assertEquals(404, dump.getStatus(), dump.getMessage());
            assertEquals(400, dump.getErrorNum(), dump.getMessage());
            ArangoReplicationException inventory = assertThrows(ArangoReplicationException.class,
                    () -> client.inventory(InventoryRequest.of("123456")));
            assertEquals(404, inventory.getStatus());
            assertEquals(1600, inventory.getErrorNum());
            ArangoReplicationException tail = assertThrows(ArangoReplicationException.class,
                    () -> client.walTail(new WalTailRequest(1, null, 0, null, false, "nope", null, null, null, null)));
            assertEquals(404, tail.getStatus());
            assertEquals(1203, tail.getErrorNum());
            assertTrue(tail.getMessage().startsWith("walTail failed: GET /_db/_system/_api/wal/tail -> 404 errorNum 1203"),
                    tail.getMessage());
            ArangoReplicationException global = assertThrows(ArangoReplicationException.class,
                    () -> client.withDatabase("shop").walTail(new WalTailRequest(1, null, 0, null, true, null, null, null,
                            null, null)));
            assertTrue(global.getStatus() == 403 || global.getStatus() == 404, global.getMessage());
            assertEquals(0, client.leasedConnections());
        }
    }

    static Map<String, JsonNode> dumpAll(ArangoReplicationClient client, String batchId, String collection) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (int round = 0; round < 1000; round++) {
            try (DumpResponse chunk = client.dump(new DumpRequest(collection, batchId, 200L, round % 2 == 0, null))) {
                chunk.documents().forEachRemaining(doc ->
                        assertNull(documents.put(doc.path("_key").asText(), doc), "each document exactly once: " + doc));
                if (!chunk.headers().hasMore()) {
                    return documents;
                }
            }
        }
        throw new AssertionError("dump did not finish in 1000 rounds");
    }

    static List<WalMarker> tailAll(ArangoReplicationClient client, long from) {
        List<WalMarker> markers = new ArrayList<>();
        long lastScanned = 0;
        for (int round = 0; round < 1000; round++) {
            try (WalTailResponse tail = client.walTail(new WalTailRequest(from, null, lastScanned, 16384L, false, null,
                    null, null, null, null))) {
                tail.markers().forEachRemaining(markers::add);
                ReplicationHeaders headers = tail.headers();
                assertEquals(Boolean.TRUE, headers.fromPresent(), "from " + from + " is still in the WAL");
                if (headers.lastIncluded() != null && Ticks.isAfter(headers.lastIncluded(), from)) {
                    from = headers.lastIncluded();
                }
                if (headers.lastScanned() != null && headers.lastScanned() != 0) {
                    lastScanned = headers.lastScanned();
                }
                if (tail.status() == 204 || !headers.hasMore()) {
                    return markers;
                }
            }
        }
        throw new AssertionError("tail did not catch up in 1000 rounds");
    }

    private static void apply(Map<String, JsonNode> replica, WalMarker marker) {
        if (marker.markerType() == MarkerType.DOCUMENT) {
            replica.put(marker.data().path("_key").asText(), marker.data());
        } else if (marker.markerType() == MarkerType.REMOVE) {
            replica.remove(marker.data().path("_key").asText());
        }
    }
}
