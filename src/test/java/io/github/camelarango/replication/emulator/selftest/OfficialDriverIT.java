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
import com.arangodb.entity.CollectionType;
import com.arangodb.entity.DocumentCreateEntity;
import com.arangodb.entity.DocumentDeleteEntity;
import com.arangodb.entity.DocumentUpdateEntity;
import com.arangodb.entity.MultiDocumentEntity;
import com.arangodb.entity.StreamTransactionEntity;
import com.arangodb.entity.StreamTransactionStatus;
import com.arangodb.model.CollectionCreateOptions;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.DocumentDeleteOptions;
import com.arangodb.model.DocumentReadOptions;
import com.arangodb.model.DocumentUpdateOptions;
import com.arangodb.model.StreamTransactionOptions;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.WalMarker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unmodified official Java driver (7.26, HTTP/1.1 + JSON) drives the emulator; then the WAL must hold exactly
 * the markers ArangoDB would log (§5): types, order, tids, keys and revisions, nothing for an aborted transaction.
 */
class OfficialDriverIT {

    @ParameterizedTest(name = "authentication {0}")
    @ValueSource(booleans = {false, true})
    void driverWritesProduceExactlyTheExpectedWalMarkers(boolean authentication) {
        ArangoEmulator.Builder builder = ArangoEmulator.builder();
        if (authentication) {
            builder.authentication("root", "s3cret");
        }
        try (ArangoEmulator emu = builder.build().start()) {
            ArangoDB arango = new ArangoDB.Builder().host("127.0.0.1", emu.port()).protocol(Protocol.HTTP_JSON)
                    .user("root").password(authentication ? "s3cret" : "").build();
            try {
                exercise(arango, emu);
            } finally {
                arango.shutdown();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void exercise(ArangoDB arango, ArangoEmulator emu) {
        assertEquals("3.11.4", arango.getVersion().getVersion());
        ArangoDatabase db = arango.db("shop");
        assertTrue(db.create());
        assertTrue(db.exists());
        assertTrue(arango.getDatabases().contains("shop"));
        ArangoCollection orders = db.collection("orders");
        orders.create();
        ArangoCollection links = db.collection("links");
        links.create(new CollectionCreateOptions().type(CollectionType.EDGES));
        assertEquals(CollectionType.EDGES, links.getInfo().getType());

        List<String> revs = new ArrayList<>();
        DocumentCreateEntity<?> created = orders.insertDocument(Map.of("_key", "o1", "amount", 10));
        revs.add(created.getRev());
        DocumentUpdateEntity<?> updated = orders.updateDocument("o1", Map.of("amount", 11));
        assertEquals(created.getRev(), updated.getOldRev());
        revs.add(updated.getRev());
        DocumentUpdateEntity<?> replaced = orders.replaceDocument("o1", Map.of("note", "replaced"));
        revs.add(replaced.getRev());
        assertEquals(Map.of("_key", "o1", "_id", "orders/o1", "_rev", replaced.getRev(), "note", "replaced"),
                orders.getDocument("o1", Map.class));
        DocumentDeleteEntity<?> deleted = orders.deleteDocument("o1");
        assertEquals(replaced.getRev(), deleted.getRev());
        assertNull(orders.getDocument("o1", Map.class));

        MultiDocumentEntity<DocumentCreateEntity<Void>> bulk = orders.insertDocuments(
                List.of(Map.of("_key", "b1", "v", 1), Map.of("_key", "b2", "v", 1), Map.of("_key", "b3", "v", 1)));
        assertEquals(3, bulk.getDocuments().size());
        assertTrue(bulk.getErrors().isEmpty());
        orders.updateDocuments(List.of(Map.of("_key", "b1", "v", 2), Map.of("_key", "b2", "v", 2)));
        orders.replaceDocuments(List.of(Map.of("_key", "b1", "w", 3), Map.of("_key", "b2", "w", 3)));
        MultiDocumentEntity<DocumentDeleteEntity<Void>> removed = orders.deleteDocuments(List.of("b1", "b2", "nope"));
        assertEquals(2, removed.getDocuments().size());
        assertEquals(1, removed.getErrors().size());
        assertEquals(1202, removed.getErrors().get(0).getErrorNum());
        links.insertDocument(Map.of("_key", "e1", "_from", "orders/b3", "_to", "orders/b3"));

        StreamTransactionEntity tx = db.beginStreamTransaction(new StreamTransactionOptions().writeCollections("orders"));
        assertEquals(StreamTransactionStatus.running, tx.getStatus());
        orders.insertDocument(Map.of("_key", "t1"), new DocumentCreateOptions().streamTransactionId(tx.getId()));
        orders.updateDocument("b3", Map.of("v", 3), new DocumentUpdateOptions().streamTransactionId(tx.getId()));
        assertNull(orders.getDocument("t1", Map.class), "uncommitted insert must be invisible outside the transaction");
        assertNotNull(orders.getDocument("t1", Map.class, new DocumentReadOptions().streamTransactionId(tx.getId())));
        assertEquals(StreamTransactionStatus.committed, db.commitStreamTransaction(tx.getId()).getStatus());
        assertEquals(3, ((Number) orders.getDocument("b3", Map.class).get("v")).intValue());

        StreamTransactionEntity aborted = db.beginStreamTransaction(new StreamTransactionOptions().writeCollections("orders"));
        orders.insertDocument(Map.of("_key", "t2"), new DocumentCreateOptions().streamTransactionId(aborted.getId()));
        orders.deleteDocument("b3", new DocumentDeleteOptions().streamTransactionId(aborted.getId()));
        assertEquals(StreamTransactionStatus.aborted, db.abortStreamTransaction(aborted.getId()).getStatus());
        assertEquals(2, orders.count().getCount());

        assertEquals(List.of("b3", "t1"), new ArrayList<>(emu.documents("shop", "orders").keySet()));
        assertWal(emu, revs, tx.getId(), aborted.getId());
    }

    private static void assertWal(ArangoEmulator emu, List<String> revs, String txId, String abortedId) {
        List<WalMarker> shop = emu.wal().stream()
                .filter(m -> m.database().equals("shop"))
                .filter(m -> !(m.type() == 2000 && Boolean.TRUE.equals(m.data().get("isSystem"))))
                .collect(Collectors.toList());
        Map<String, String> tids = new java.util.LinkedHashMap<>();
        tids.put("0", "0");
        tids.put(txId, "TX");
        List<String> actual = new ArrayList<>();
        for (WalMarker m : shop) {
            String tid = m.tid() == null ? "-" : tids.computeIfAbsent(m.tid(), t -> "T" + (tids.size() - 1));
            actual.add(describe(m, tid));
        }
        List<String> expected = List.of(
                "1100 - -", "2000 - orders", "2000 - links",
                "2300 0 orders/o1", "2300 0 orders/o1", "2300 0 orders/o1", "2302 0 o1",
                "2200 T1 -", "2300 T1 orders/b1", "2300 T1 orders/b2", "2300 T1 orders/b3", "2201 T1 -",
                "2200 T2 -", "2300 T2 orders/b1", "2300 T2 orders/b2", "2201 T2 -",
                "2200 T3 -", "2300 T3 orders/b1", "2300 T3 orders/b2", "2201 T3 -",
                "2200 T4 -", "2302 T4 b1", "2302 T4 b2", "2201 T4 -",
                "2300 0 links/e1",
                "2200 TX -", "2300 TX orders/t1", "2300 TX orders/b3", "2201 TX -");
        assertEquals(expected, actual);
        assertFalse(tids.containsKey(abortedId), "the aborted transaction must leave nothing in the WAL");
        List<Object> o1Revs = shop.subList(3, 7).stream().map(m -> m.data().get("_rev")).collect(Collectors.toList());
        assertEquals(List.of(revs.get(0), revs.get(1), revs.get(2), revs.get(2)), o1Revs,
                "insert/update/replace markers carry the new revision, the remove marker the removed one");
        for (int i = 1; i < shop.size(); i++) {
            assertTrue(shop.get(i).tick() > shop.get(i - 1).tick(), "ticks increase");
        }
        WalMarker edge = shop.get(24);
        assertEquals("orders/b3", edge.data().get("_from"));
        assertEquals("orders/b3", edge.data().get("_to"));
        WalMarker begin = shop.get(25);
        WalMarker commit = shop.get(28);
        assertEquals(begin.tick() + 3, commit.tick(), "a committed stream transaction is one contiguous batch");
        assertEquals(3, ((Number) shop.get(27).data().get("v")).intValue());
        assertNotEquals("0", begin.tid());
    }

    /** "type tid object": object is the _id for 2300, the key for 2302, the name for 2000. */
    private static String describe(WalMarker m, String tid) {
        Map<String, Object> data = m.data();
        switch (m.type()) {
            case 2000:
                return "2000 - " + data.get("name");
            case 2300:
                return "2300 " + tid + " " + data.get("_id");
            case 2302:
                return "2302 " + tid + " " + data.get("_key");
            case 2200:
            case 2201:
                return m.type() + " " + tid + " -";
            default:
                return m.type() + " - -";
        }
    }
}
