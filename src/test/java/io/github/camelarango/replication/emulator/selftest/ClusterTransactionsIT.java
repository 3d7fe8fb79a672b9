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
import com.arangodb.ArangoDBException;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import com.arangodb.entity.StreamTransactionEntity;
import com.arangodb.entity.StreamTransactionStatus;
import com.arangodb.model.CollectionCreateOptions;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.DocumentDeleteOptions;
import com.arangodb.model.DocumentReadOptions;
import com.arangodb.model.StreamTransactionOptions;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;
import io.github.camelarango.replication.emulator.WalMarker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream transactions through a cluster's Coordinator, with the official driver: one transaction per involved
 * DB-Server on the shards' leaders, invisible until the commit, then in each leader's WAL as one transaction and
 * replicated to the followers; an abort leaves no trace in any WAL.
 */
class ClusterTransactionsIT {

    private static final String DB = "shop";

    @Test
    void aCommittedTransactionIsOneTransactionPerLeaderAndReachesTheFollowers() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(3).authentication("root", "pw")
                .build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoDatabase db = database(arango);
                ArangoCollection orders = db.collection("orders");
                ArangoCollection customers = db.collection("customers");
                orders.insertDocument(Map.of("_key", "gone"));
                Map<String, Long> ticksBefore = new HashMap<>();
                cluster.dbServerIds().forEach(id -> ticksBefore.put(id, cluster.dbServer(id).lastTick()));

                StreamTransactionEntity tx = db.beginStreamTransaction(
                        new StreamTransactionOptions().writeCollections("orders", "customers"));
                DocumentCreateOptions inTx = new DocumentCreateOptions().streamTransactionId(tx.getId());
                for (int i = 0; i < 12; i++) {
                    orders.insertDocument(Map.of("_key", "o" + i, "n", i), inTx);
                }
                customers.insertDocument(Map.of("_key", "c1"), inTx);
                orders.deleteDocument("gone", new DocumentDeleteOptions().streamTransactionId(tx.getId()));

                assertFalse(orders.documentExists("o1"), "invisible outside the transaction before the commit");
                assertTrue(orders.documentExists("gone"));
                assertNotNull(orders.getDocument("o1", Map.class, new DocumentReadOptions()
                        .streamTransactionId(tx.getId())), "visible inside it");
                assertEquals(StreamTransactionStatus.running, db.getStreamTransaction(tx.getId()).getStatus());
                cluster.dbServerIds().forEach(id -> assertEquals(ticksBefore.get(id), cluster.dbServer(id).lastTick(),
                        "nothing in the WAL of " + id + " before the commit"));

                assertEquals(StreamTransactionStatus.committed, db.commitStreamTransaction(tx.getId()).getStatus());
                assertEquals(12, cluster.documents(DB, "orders").size());
                assertFalse(orders.documentExists("gone"));
                assertTrue(customers.documentExists("c1"));

                Set<String> involved = new HashSet<>();
                for (String collection : List.of("orders", "customers")) {
                    Map<String, String> truth = cluster.documents(DB, collection);
                    cluster.shards(DB, collection).forEach((shard, servers) -> {
                        Map<String, String> onLeader = documentsOf(cluster, servers.get(0), shard);
                        if (!onLeader.isEmpty()) {
                            involved.add(servers.get(0));
                        }
                        onLeader.forEach((key, rev) -> assertEquals(truth.get(key), rev));
                        assertEquals(onLeader, documentsOf(cluster, servers.get(1), shard),
                                "the follower of " + shard + " took the transaction's writes");
                    });
                }
                for (String server : involved) {
                    List<WalMarker> logged = since(cluster, server, ticksBefore.get(server));
                    Set<String> leaderTids = new HashSet<>();
                    for (WalMarker marker : logged) {
                        if (marker.type() == 2200 && ledWrites(cluster, server, logged, marker.tid())) {
                            leaderTids.add(marker.tid());
                        }
                    }
                    assertEquals(1, leaderTids.size(), server + " logged its part as one transaction: " + logged);
                }
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void anAbortedTransactionLeavesNoTraceAndAFinishedOneIsRefused() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(2).authentication("root", "pw")
                .build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoDatabase db = database(arango);
                ArangoCollection orders = db.collection("orders");
                Map<String, Long> ticksBefore = new HashMap<>();
                cluster.dbServerIds().forEach(id -> ticksBefore.put(id, cluster.dbServer(id).lastTick()));
                StreamTransactionEntity tx = db.beginStreamTransaction(
                        new StreamTransactionOptions().writeCollections("orders"));
                for (int i = 0; i < 6; i++) {
                    orders.insertDocument(Map.of("_key", "a" + i), new DocumentCreateOptions().streamTransactionId(tx.getId()));
                }
                assertEquals(StreamTransactionStatus.aborted, db.abortStreamTransaction(tx.getId()).getStatus());
                assertEquals(Map.of(), cluster.documents(DB, "orders"));
                cluster.dbServerIds().forEach(id -> assertEquals(ticksBefore.get(id), cluster.dbServer(id).lastTick(),
                        "nothing in the WAL of " + id));

                ArangoDBException refused = assertThrows(ArangoDBException.class,
                        () -> db.commitStreamTransaction(tx.getId()));
                assertEquals(1653, refused.getErrorNum());
                ArangoDBException unknown = assertThrows(ArangoDBException.class, () -> orders.insertDocument(
                        Map.of("_key", "late"), new DocumentCreateOptions().streamTransactionId(tx.getId())));
                assertEquals(1655, unknown.getErrorNum());
                assertNull(orders.getDocument("late", Map.class));
                ArangoDBException undeclared = assertThrows(ArangoDBException.class, () -> db.beginStreamTransaction(
                        new StreamTransactionOptions().writeCollections("nothing")));
                assertEquals(1203, undeclared.getErrorNum());
            } finally {
                arango.shutdown();
            }
        }
    }

    private static ArangoDB driver(ArangoEmulatorCluster cluster) {
        return new ArangoDB.Builder().host("127.0.0.1", cluster.coordinator().port()).protocol(Protocol.HTTP_JSON)
                .user("root").password("pw").build();
    }

    private static ArangoDatabase database(ArangoDB arango) {
        arango.db(DB).create();
        ArangoDatabase db = arango.db(DB);
        db.createCollection("orders", new CollectionCreateOptions().numberOfShards(3).replicationFactor(2));
        db.createCollection("customers", new CollectionCreateOptions().numberOfShards(3).replicationFactor(2));
        return db;
    }

    /** Whether the transaction {@code tid} of a server's WAL wrote a shard that server leads. */
    private static boolean ledWrites(ArangoEmulatorCluster cluster, String server, List<WalMarker> logged, String tid) {
        Set<String> led = new HashSet<>();
        for (String collection : List.of("orders", "customers")) {
            cluster.shards(DB, collection).forEach((shard, servers) -> {
                if (servers.get(0).equals(server)) {
                    led.add(shard);
                }
            });
        }
        return logged.stream().anyMatch(m -> tid.equals(m.tid()) && (m.type() == 2300 || m.type() == 2302)
                && led.stream().anyMatch(shard -> m.json().contains("\"cname\":\"" + shard + "\"")
                        || m.json().contains("/" + shard + "\"")));
    }

    private static List<WalMarker> since(ArangoEmulatorCluster cluster, String server, long tick) {
        List<WalMarker> markers = new ArrayList<>();
        cluster.dbServer(server).wal().stream().filter(m -> m.tick() > tick).forEach(markers::add);
        return markers;
    }

    private static Map<String, String> documentsOf(ArangoEmulatorCluster cluster, String server, String shard) {
        Map<String, String> docs = new TreeMap<>();
        cluster.dbServer(server).documents(DB, shard).forEach((key, doc) -> docs.put(key, (String) doc.get("_rev")));
        return docs;
    }
}
