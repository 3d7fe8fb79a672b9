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
import com.arangodb.entity.BaseDocument;
import com.arangodb.entity.DocumentCreateEntity;
import com.arangodb.entity.MultiDocumentEntity;
import com.arangodb.model.CollectionCreateOptions;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.OverwriteMode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.camelarango.replication.emulator.selftest.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's cluster: the official driver writes through a Coordinator; every DB-Server's own WAL shows the shards
 * it holds, leader and followers logging the same documents under their own ticks; topology APIs agree; fail-over,
 * return with resync, shard moves; DB-Servers take only superuser JWTs.
 */
class ClusterIT {

    private static final String DB = "shop";

    @Test
    void driverWritesThroughTheCoordinatorAndEveryReplicaLogsThemInItsOwnWal() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(3)
                .authentication("root", "pw").build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoCollection orders = ordersCollection(arango, 3, 2);
                Random random = new Random(16);
                Map<String, String> expected = new TreeMap<>();
                for (int i = 0; i < 60; i++) {
                    String key = "k" + random.nextInt(25);
                    int action = random.nextInt(3);
                    if (action == 2 && expected.containsKey(key)) {
                        orders.deleteDocument(key);
                        expected.remove(key);
                    } else if (expected.containsKey(key)) {
                        expected.put(key, orders.updateDocument(key, Map.of("n", i)).getRev());
                    } else {
                        expected.put(key, orders.insertDocument(Map.of("_key", key, "n", i)).getRev());
                    }
                }
                DocumentCreateEntity<?> generated = orders.insertDocument(Map.of("n", "no key"));
                expected.put(generated.getKey(), generated.getRev());
                MultiDocumentEntity<DocumentCreateEntity<Void>> bulk = orders.insertDocuments(
                        List.of(Map.of("_key", "m1"), Map.of("_key", "m2"), Map.of("_key", "m3"), Map.of("_key", "m4")));
                assertTrue(bulk.getErrors().isEmpty());
                bulk.getDocuments().forEach(d -> expected.put(d.getKey(), d.getRev()));
                assertEquals("orders/m1", bulk.getDocuments().get(0).getId(), "the Coordinator answers collection ids, not shard ids");
                assertEquals("orders/m2", orders.getDocument("m2", BaseDocument.class).getId());

                assertEquals(expected, cluster.documents(DB, "orders"), "ground truth across shards");
                assertEquals(expected.size(), orders.count().getCount());

                String planId = orders.getInfo().getId();
                Map<String, List<String>> shards = cluster.shards(DB, "orders");
                assertEquals(3, shards.size());
                Map<String, Set<String>> leaderLogs = new HashMap<>();
                for (String server : cluster.dbServerIds()) {
                    Map<String, Set<String>> logged = documentsLoggedPerCuid(cluster, server);
                    Set<String> held = new TreeSet<>();
                    shards.forEach((shard, servers) -> {
                        if (servers.contains(server)) {
                            held.add("c" + planId + "/" + shard);
                        }
                    });
                    assertEquals(held, logged.keySet(), server + " logs the shards it holds, under cuid c<planId>/<shard>");
                    shards.forEach((shard, servers) -> {
                        if (servers.get(0).equals(server)) {
                            leaderLogs.put(shard, logged.get("c" + planId + "/" + shard));
                        }
                    });
                }
                for (Map.Entry<String, List<String>> shard : shards.entrySet()) {
                    assertEquals(2, shard.getValue().size(), "replicationFactor 2");
                    String follower = shard.getValue().get(1);
                    assertEquals(leaderLogs.get(shard.getKey()),
                            documentsLoggedPerCuid(cluster, follower).get("c" + planId + "/" + shard.getKey()),
                            "the follower logs each of the leader's writes with the same _key and _rev");
                    assertFalse(leaderLogs.get(shard.getKey()).isEmpty());
                }
                List<Long> lastTicks = cluster.dbServerIds().stream().map(id -> cluster.dbServer(id).lastTick()).toList();
                assertEquals(3, new HashSet<>(lastTicks).size(), "each DB-Server has its own ticks: " + lastTicks);
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void concurrentWritersLeaveEachFollowerWithTheLeadersChangesInTheLeadersOrder() throws Exception {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(3).build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoCollection orders = ordersCollection(arango, 3, 3);
                List<Thread> writers = new ArrayList<>();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int seed = t;
                    Thread writer = new Thread(() -> {
                        Random random = new Random(seed);
                        for (int i = 0; i < 40; i++) {
                            String key = "k" + random.nextInt(10);
                            try {
                                if (random.nextInt(4) == 0) {
                                    orders.deleteDocument(key);
                                } else {
                                    orders.insertDocument(Map.of("_key", key, "w", seed, "i", i),
                                            new DocumentCreateOptions().overwriteMode(OverwriteMode.replace));
                                }
                            } catch (ArangoDBException e) {
                                if (e.getErrorNum() == null || e.getErrorNum() != 1202) {
                                    failures.add(e);
                                }
                            }
                        }
                    });
                    writers.add(writer);
                    writer.start();
                }
                for (Thread writer : writers) {
                    writer.join(60_000);
                }
                assertTrue(failures.isEmpty(), failures.toString());
                String planId = orders.getInfo().getId();
                cluster.shards(DB, "orders").forEach((shard, servers) -> {
                    List<String> leaderOrder = changesInOrder(cluster, servers.get(0), "c" + planId + "/" + shard);
                    assertFalse(leaderOrder.isEmpty());
                    for (String follower : servers.subList(1, servers.size())) {
                        assertEquals(leaderOrder, changesInOrder(cluster, follower, "c" + planId + "/" + shard),
                                "a follower logs the leader's changes of a shard in the leader's order");
                        assertEquals(documentsOf(cluster, servers.get(0), shard), documentsOf(cluster, follower, shard));
                    }
                });
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void topologyApisAgreeAndReplicationIsForwardedByDbServer() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(3).build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoCollection orders = ordersCollection(arango, 2, 2);
                orders.insertDocument(Map.of("_key", "a"));
                RawHttp coordinator = new RawHttp(cluster.coordinator().url());

                JsonNode health = coordinator.get("/_admin/cluster/health").json().path("Health");
                Map<String, String> shortNames = new HashMap<>();
                for (String id : cluster.dbServerIds()) {
                    JsonNode entry = health.path(id);
                    assertEquals("DBServer", entry.path("Role").asText());
                    assertEquals("GOOD", entry.path("Status").asText());
                    assertEquals(cluster.dbServer(id).url().replace("http://", "tcp://"), entry.path("Endpoint").asText());
                    shortNames.put(id, entry.path("ShortName").asText());
                }
                assertEquals(4, health.size(), "three DB-Servers and a Coordinator");

                JsonNode details = coordinator.get("/_db/shop/_api/collection/orders/shards?details=true").json().path("shards");
                JsonNode distribution = coordinator.get("/_db/shop/_admin/cluster/shardDistribution").json()
                        .path("results").path("orders");
                JsonNode inventory = coordinator.get("/_db/shop/_api/replication/clusterInventory?includeSystem=false").json();
                JsonNode parameters = inventory.path("collections").get(0).path("parameters");
                assertEquals("orders", parameters.path("name").asText());
                assertEquals(2, parameters.path("numberOfShards").asInt());
                assertEquals(details, parameters.path("shards"), "clusterInventory and /shards agree");
                Map<String, List<String>> current = cluster.shards(DB, "orders");
                assertEquals(current.keySet(), toMap(details).keySet());
                details.fields().forEachRemaining(shard -> {
                    List<String> servers = new ArrayList<>();
                    shard.getValue().forEach(s -> servers.add(s.asText()));
                    assertEquals(current.get(shard.getKey()), servers);
                    for (String part : List.of("Plan", "Current")) {
                        JsonNode entry = distribution.path(part).path(shard.getKey());
                        assertEquals(shortNames.get(servers.get(0)), entry.path("leader").asText(), part);
                        assertEquals(shortNames.get(servers.get(1)), entry.path("followers").get(0).asText(), part);
                    }
                });

                RawHttp.Reply wal = coordinator.get("/_api/wal/tail?from=0");
                assertEquals(501, wal.status());
                assertEquals(1470, wal.errorNum());
                assertEquals(400, coordinator.post("/_db/shop/_api/replication/batch", "{\"ttl\":30}").status(), "DBserver is needed");
                String leader = current.values().iterator().next().get(0);
                RawHttp.Reply batch = coordinator.post("/_db/shop/_api/replication/batch?DBserver=" + leader, "{\"ttl\":30}");
                assertEquals(200, batch.status(), batch.body());
                String batchId = batch.json().path("id").asText();
                JsonNode shardInventory = coordinator.get("/_db/shop/_api/replication/inventory?DBserver=" + leader
                        + "&batchId=" + batchId + "&includeSystem=false").json();
                Set<String> names = new TreeSet<>();
                shardInventory.path("collections").forEach(c -> names.add(c.path("parameters").path("name").asText()));
                Set<String> held = new TreeSet<>();
                current.forEach((shard, servers) -> {
                    if (servers.contains(leader)) {
                        held.add(shard);
                    }
                });
                assertEquals(held, names, "the DB-Server's inventory lists its shards");
                RawHttp.Reply dump = coordinator.get("/_db/shop/_api/replication/dump?DBserver=" + leader + "&batchId="
                        + batchId + "&collection=" + held.iterator().next());
                assertTrue(dump.status() == 200 || dump.status() == 204, dump.body());
                assertEquals(400, coordinator.get("/_db/shop/_api/replication/dump?DBserver=PRMR-nope&batchId=1&collection=x").status());
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void failoverMovesLeadershipAndAReturningServerResyncsAsFollower() throws Exception {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(3)
                .failoverDelay(Duration.ofMillis(300)).build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoCollection orders = ordersCollection(arango, 1, 2);
                for (int i = 0; i < 10; i++) {
                    orders.insertDocument(Map.of("_key", "k" + i, "v", 0));
                }
                String shard = cluster.shards(DB, "orders").keySet().iterator().next();
                List<String> before = cluster.shards(DB, "orders").get(shard);
                String oldLeader = before.get(0);
                String follower = before.get(1);

                cluster.failDbServer(oldLeader);
                assertEquals("BAD", cluster.health(oldLeader));
                waitFor(() -> cluster.health(oldLeader).equals("FAILED"));
                assertEquals(List.of(follower), cluster.shards(DB, "orders").get(shard), "the in-sync follower leads");
                JsonNode plan = new RawHttp(cluster.coordinator().url()).get("/_db/shop/_api/collection/orders/shards?details=true")
                        .json().path("shards").path(shard);
                assertEquals(follower, plan.get(0).asText());
                assertEquals(oldLeader, plan.get(plan.size() - 1).asText(), "the failed server stays planned, to resync");

                orders.updateDocument("k1", Map.of("v", 1));
                orders.deleteDocument("k2");
                orders.insertDocument(Map.of("_key", "new", "v", 1));
                long returnedAt = cluster.dbServer(oldLeader).lastTick();
                assertEquals(3, cluster.recoverDbServer(oldLeader), "one replaced, one removed, one inserted");
                assertEquals("GOOD", cluster.health(oldLeader));
                assertEquals(List.of(follower, oldLeader), cluster.shards(DB, "orders").get(shard), "it comes back as follower");

                List<JsonNode> resync = tail(cluster, oldLeader, returnedAt);
                List<String> shapes = new ArrayList<>();
                resync.forEach(m -> shapes.add(m.path("type").asInt() + (m.has("data") && m.path("data").has("_key")
                        ? " " + m.path("data").path("_key").asText() : "")));
                assertEquals(List.of("2200", "2302 k2", "2201", "2200", "2300 k1", "2300 new", "2201"), shapes,
                        "resync writes: bulk removes, then bulk inserts, each a transaction of the returning server");
                assertEquals(cluster.documents(DB, "orders"), documentsOf(cluster, oldLeader, shard));

                orders.updateDocument("k3", Map.of("v", 2));
                assertEquals(cluster.documents(DB, "orders").get("k3"), documentsOf(cluster, oldLeader, shard).get("k3"),
                        "it follows again");
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void aLeaderThatFailsRefusesWritesUntilFailOverAndKeepsLeadershipWhenBackBeforeIt() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(2)
                .failoverDelay(Duration.ofMinutes(5)).build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoCollection orders = ordersCollection(arango, 1, 2);
                orders.insertDocument(Map.of("_key", "a"));
                String shard = cluster.shards(DB, "orders").keySet().iterator().next();
                List<String> servers = cluster.shards(DB, "orders").get(shard);

                cluster.failDbServer(servers.get(0));
                ArangoDBException refused = assertThrows(ArangoDBException.class, () -> orders.insertDocument(Map.of("_key", "b")));
                assertEquals(503, refused.getResponseCode());
                assertEquals(1495, refused.getErrorNum());
                assertEquals("BAD", cluster.health(servers.get(0)));
                assertEquals(servers, cluster.shards(DB, "orders").get(shard), "Current keeps the failed leader until the fail-over");

                assertEquals(0, cluster.recoverDbServer(servers.get(0)), "nothing to resync: the write was refused");
                assertEquals(servers, cluster.shards(DB, "orders").get(shard), "back before the fail-over: it still leads");
                orders.insertDocument(Map.of("_key", "b"));
                assertEquals(Set.of("a", "b"), documentsOf(cluster, servers.get(1), shard).keySet());
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void aServerFailedWithItsOwnDelayFailsOverWithinItWhileTheClustersDelayIsLong() throws Exception {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(2)
                .failoverDelay(Duration.ofMinutes(5)).build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoCollection orders = ordersCollection(arango, 1, 2);
                orders.insertDocument(Map.of("_key", "a"));
                String shard = cluster.shards(DB, "orders").keySet().iterator().next();
                List<String> servers = cluster.shards(DB, "orders").get(shard);
                assertThrows(IllegalArgumentException.class,
                        () -> cluster.failDbServer(servers.get(0), Duration.ofMillis(-1)));
                assertEquals("GOOD", cluster.health(servers.get(0)), "a refused delay fails nothing");

                cluster.failDbServer(servers.get(0), Duration.ofMillis(100));
                waitFor(() -> servers.get(1).equals(cluster.shards(DB, "orders").get(shard).get(0)));
                assertEquals("FAILED", cluster.health(servers.get(0)));
                orders.insertDocument(Map.of("_key", "b"));
                assertEquals(Set.of("a", "b"), documentsOf(cluster, servers.get(1), shard).keySet());
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void everyCoordinatorServesTheSameClusterAndListsTheOthers() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().coordinators(2).dbServers(2).build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ordersCollection(arango, 2, 1).insertDocument(Map.of("_key", "a"));
                RawHttp second = new RawHttp(cluster.coordinators().get(1).url());
                assertEquals(1, second.get("/_db/shop/_api/collection/orders/count").json().path("count").asInt());
                assertEquals("orders/a", second.get("/_db/shop/_api/document/orders/a").json().path("_id").asText());
                List<String> endpoints = new ArrayList<>();
                second.get("/_api/cluster/endpoints").json().path("endpoints").forEach(e -> endpoints.add(e.path("endpoint").asText()));
                assertEquals(cluster.coordinators().stream().map(c -> c.url().replace("http://", "tcp://")).toList(), endpoints);
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void aShardMovesToANewDbServer() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(2).build().start()) {
            ArangoDB arango = driver(cluster);
            try {
                ArangoCollection orders = ordersCollection(arango, 1, 1);
                orders.insertDocument(Map.of("_key", "a"));
                orders.insertDocument(Map.of("_key", "b"));
                String shard = cluster.shards(DB, "orders").keySet().iterator().next();
                String from = cluster.shards(DB, "orders").get(shard).get(0);
                String added = cluster.addDbServer();
                assertEquals(3, cluster.dbServerIds().size());
                assertEquals("GOOD", cluster.health(added));

                cluster.moveShard(DB, "orders", shard, from, added);
                assertEquals(List.of(added), cluster.shards(DB, "orders").get(shard));
                orders.insertDocument(Map.of("_key", "c"));
                assertEquals(cluster.documents(DB, "orders"), documentsOf(cluster, added, shard));
                assertEquals(Set.of("a", "b", "c"), cluster.documents(DB, "orders").keySet());
                List<JsonNode> moved = tail(cluster, added, 0);
                assertTrue(moved.stream().anyMatch(m -> m.path("type").asInt() == 2000
                        && m.path("data").path("name").asText().equals(shard)), "the shard is created on the target");
                assertTrue(tail(cluster, from, 0).stream().anyMatch(m -> m.path("type").asInt() == 2001),
                        "the source drops its copy");
            } finally {
                arango.shutdown();
            }
        }
    }

    @Test
    void dbServersAcceptOnlySuperuserJwtsOfTheClusterSecret() {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(1).jwtSecret("cluster-secret")
                .authentication("root", "pw").build().start()) {
            String url = cluster.dbServer(cluster.dbServerIds().get(0)).url();
            String path = "/_api/wal/lastTick";
            assertEquals(401, new RawHttp(url).get(path).status(), "no token");
            assertEquals(401, RawHttp.basic(url, "root", "pw").get(path).status(), "user credentials");
            assertEquals(401, new RawHttp(url, "Bearer " + superuserToken("other-secret")).get(path).status(), "wrong secret");
            String userToken = new RawHttp(cluster.coordinator().url())
                    .post("/_open/auth", "{\"username\":\"root\",\"password\":\"pw\"}").json().path("jwt").asText();
            assertEquals(200, new RawHttp(cluster.coordinator().url(), "Bearer " + userToken).get("/_api/version").status());
            assertEquals(401, new RawHttp(url, "Bearer " + userToken).get(path).status(), "an /_open/auth token is refused");
            assertEquals(401, new RawHttp(url).post("/_open/auth", "{\"username\":\"root\",\"password\":\"pw\"}").status());
            assertEquals(200, new RawHttp(url, "Bearer " + superuserToken("cluster-secret")).get(path).status());
            assertEquals(200, new RawHttp(url, "Bearer " + cluster.superuserJwt()).get(path).status());
            assertEquals("cluster-secret", cluster.jwtSecret());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ArangoDB driver(ArangoEmulatorCluster cluster) {
        ArangoEmulator coordinator = cluster.coordinator();
        return new ArangoDB.Builder().host("127.0.0.1", coordinator.port()).protocol(Protocol.HTTP_JSON)
                .user("root").password(coordinator.password() == null ? "" : coordinator.password()).build();
    }

    private static ArangoCollection ordersCollection(ArangoDB arango, int shards, int replicationFactor) {
        ArangoDatabase db = arango.db(DB);
        assertTrue(db.create());
        ArangoCollection orders = db.collection("orders");
        orders.create(new CollectionCreateOptions().numberOfShards(shards).replicationFactor(replicationFactor));
        assertEquals(shards, orders.getProperties().getNumberOfShards());
        return orders;
    }

    /** A DB-Server's WAL after a tick, read as a client would: {@code wal/tail} with a superuser JWT. */
    private static List<JsonNode> tail(ArangoEmulatorCluster cluster, String server, long from) {
        RawHttp http = new RawHttp(cluster.dbServer(server).url(), "Bearer " + cluster.superuserJwt());
        RawHttp.Reply reply = http.get("/_db/shop/_api/wal/tail?from=" + from + "&chunkSize=100000000");
        assertTrue(reply.status() == 200 || reply.status() == 204, reply.body());
        if (from > 0) {
            assertNotEquals("false", reply.header("x-arango-replication-frompresent"));
        }
        return reply.status() == 204 ? List.of() : reply.lines();
    }

    /** Per cuid, the document changes (type, _key, _rev) one DB-Server logged. */
    private static Map<String, Set<String>> documentsLoggedPerCuid(ArangoEmulatorCluster cluster, String server) {
        Map<String, Set<String>> logged = new TreeMap<>();
        for (JsonNode marker : tail(cluster, server, 0)) {
            int type = marker.path("type").asInt();
            if (type == 2300 || type == 2302) {
                logged.computeIfAbsent(marker.path("cuid").asText(), c -> new TreeSet<>())
                        .add(type + " " + marker.path("data").path("_key").asText() + " " + marker.path("data").path("_rev").asText());
            }
        }
        return logged;
    }

    /** The document changes (type, _key, _rev) of one shard in a DB-Server's WAL, in tick order. */
    private static List<String> changesInOrder(ArangoEmulatorCluster cluster, String server, String cuid) {
        List<String> changes = new ArrayList<>();
        for (JsonNode marker : tail(cluster, server, 0)) {
            int type = marker.path("type").asInt();
            if ((type == 2300 || type == 2302) && marker.path("cuid").asText().equals(cuid)) {
                changes.add(type + " " + marker.path("data").path("_key").asText() + " " + marker.path("data").path("_rev").asText());
            }
        }
        return changes;
    }

    private static Map<String, String> documentsOf(ArangoEmulatorCluster cluster, String server, String shard) {
        Map<String, String> docs = new TreeMap<>();
        cluster.dbServer(server).documents(DB, shard).forEach((key, doc) -> docs.put(key, (String) doc.get("_rev")));
        return docs;
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static String superuserToken(String secret) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String body = b64.encodeToString(("{\"iss\":\"arangodb\",\"server_id\":\"capture\",\"iat\":"
                    + System.currentTimeMillis() / 1000 + "}").getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return head + "." + body + "." + b64.encodeToString(mac.doFinal((head + "." + body).getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
