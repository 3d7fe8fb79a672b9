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
package io.github.camelarango.replication.emulator.selftest;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import com.arangodb.entity.StreamTransactionEntity;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.StreamTransactionOptions;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.WalMarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renames, drops and truncates of collections through the official Java driver and {@link EmulatorAdmin}, with the
 * markers of §5 (2002 naming the current name, a drop hiding the collection's earlier markers, 2302 removes or one
 * 2004 for a truncate); and a stream transaction of 300,000 operations, which the fault suite needs in seconds.
 */
class CollectionChangesAndLargeTransactionsIT {

    private ArangoEmulator emu;
    private ArangoDB driver;
    private ArangoDatabase db;
    private RawHttp http;

    @BeforeEach
    void start() {
        emu = ArangoEmulator.builder().build().start();
        driver = new ArangoDB.Builder().host("127.0.0.1", emu.port()).protocol(Protocol.HTTP_JSON).user("root").password("").build();
        db = driver.db("_system");
        http = RawHttp.of(emu);
    }

    @AfterEach
    void stop() {
        driver.shutdown();
        emu.close();
    }

    private List<String> tailTypes(long from) {
        List<String> types = new ArrayList<>();
        http.get("/_api/wal/tail?from=" + from).lines().forEach(l -> types.add(l.path("type").asText()
                + (l.path("data").has("_key") ? ":" + l.path("data").path("_key").asText() : "")
                + (l.path("type").asInt() == 2002 ? ":" + l.path("data").path("name").asText() : "")));
        return types;
    }

    @Test
    void theDriverRenamesTruncatesAndDropsWithTheMarkersOfTheProtocol() {
        ArangoCollection c = db.collection("orders");
        c.create();
        String cuid = http.get("/_api/collection/orders").json().path("globallyUniqueId").asText();
        c.insertDocument(Map.of("_key", "a"));
        long from = emu.lastTick();
        c.insertDocument(Map.of("_key", "b"));
        db.collection("orders").rename("orders2");
        db.collection("orders2").insertDocument(Map.of("_key", "c"));
        db.collection("orders2").truncate();
        assertEquals(List.of("2300:b", "2002:orders2", "2300:c", "2200", "2302:a", "2302:b", "2302:c", "2201"), tailTypes(from));
        assertTrue(http.get("/_api/wal/tail?from=" + from).lines().stream()
                .filter(l -> l.path("type").asInt() != 2200 && l.path("type").asInt() != 2201)
                .allMatch(l -> l.path("cuid").asText().equals(cuid)), "one cuid through the rename");
        db.collection("orders2").rename("orders3");
        assertEquals("2002:orders3", tailTypes(from).get(1), "2002 names the collection as it is called when the tail is served");

        db.collection("orders3").drop();
        assertEquals(List.of("2200", "2201", "2001"), tailTypes(from),
                "a dropped collection's markers vanish, except its drop; the truncate's brackets name no collection and stay");
        assertEquals(404, http.get("/_api/collection/orders3").status());
    }

    @Test
    void adminRenamesTruncatesAndDropsAndALargeTruncateIsOne2004() {
        EmulatorAdmin admin = new EmulatorAdmin(emu.url(), null, null);
        admin.createCollection("_system", "big");
        emu.generateDocuments("_system", "big", 32_768, i -> Map.of("n", i));
        long from = emu.lastTick();
        admin.truncateCollection("_system", "big");
        assertEquals(List.of("2004"), tailTypes(from));
        assertEquals(0, emu.documents("_system", "big").size());
        admin.renameCollection("_system", "big", "small");
        assertEquals("small", http.get("/_api/collection/small").json().path("name").asText());
        admin.dropCollection("_system", "small");
        assertEquals(List.of("2001"), tailTypes(from));
    }

    @Test
    void aStreamTransactionOf300000OperationsTakesSeconds() {
        ArangoCollection c = db.collection("big");
        c.create();
        long from = emu.lastTick();
        long started = System.nanoTime();
        StreamTransactionEntity tx = db.beginStreamTransaction(new StreamTransactionOptions().writeCollections("big"));
        for (int batch = 0; batch < 30; batch++) {
            List<Map<String, Object>> docs = new ArrayList<>(10_000);
            for (int i = 0; i < 10_000; i++) {
                docs.add(Map.of("_key", "k" + (batch * 10_000 + i), "n", i));
            }
            c.insertDocuments(docs, new DocumentCreateOptions().streamTransactionId(tx.getId()));
        }
        db.commitStreamTransaction(tx.getId());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("300,000 operations in one stream transaction: " + millis + " ms");
        assertTrue(millis < 30_000, "took " + millis + " ms");
        assertEquals(from + 300_002, emu.lastTick(), "2200, 300,000 document markers, 2201");
        List<WalMarker> wal = emu.wal();
        WalMarker begin = wal.get(wal.size() - 300_002);
        assertEquals(2200, begin.type());
        assertEquals(tx.getId(), begin.tid());
        assertEquals(2201, wal.get(wal.size() - 1).type());

        RawHttp.Reply whole = http.get("/_api/wal/tail?from=" + from + "&chunkSize=1048576");
        assertEquals(300_002, whole.lines().size(), "without lastScanned the write batch comes whole");
        long cursor = from;
        long lastScanned = from;
        int markers = 0;
        int answers = 0;
        while (true) {
            RawHttp.Reply part = http.get("/_api/wal/tail?from=" + cursor + "&lastScanned=" + lastScanned + "&chunkSize=1048576");
            if (part.status() == 204) {
                break;
            }
            answers++;
            markers += part.body().split("\n").length;
            cursor = Long.parseLong(part.header("x-arango-replication-lastincluded"));
            lastScanned = Long.parseLong(part.header("x-arango-replication-lastscanned"));
        }
        assertEquals(300_002, markers, "split across " + answers + " answers without loss or duplicates");
        assertTrue(answers > 10, "with lastScanned the batch is split: " + answers + " answers");
    }
}
