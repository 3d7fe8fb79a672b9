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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerHealthCheck;
import io.github.camelarango.replication.consumer.ConsumerMeters;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code changes} consumer pointed at a cluster's Coordinator (three DB-Servers, collections of three shards with
 * two copies each, random writes through the official driver via the Coordinator): the replay equals the ground truth
 * by (collection, _key, _rev) with each change once, across a restart from the stored per-server positions, one
 * exchange per change or batches; cluster headers on each (batch member); a returning DB-Server's resync writes not delivered; a leader fail-over during the tail and during the
 * snapshot stops loudly with nothing lost and nothing delivered after; the jwtSecret errors without the secret.
 */
class ClusterChangesConsumerIT {

    private static final String SECRET = "the-cluster-secret-4711";
    private static final List<String> CAPTURED = List.of("orders", "customers");

    private final RouteContexts routes = new RouteContexts();
    private final MemoryStateRepository offsets = routes.offsets();

    private static ArangoEmulatorCluster cluster(Duration failoverDelay) {
        return ArangoEmulatorCluster.builder().dbServers(3).authentication("root", "pw").jwtSecret(SECRET)
                .failoverDelay(failoverDelay).build().start();
    }

    private static CaptureFixture fixture(ArangoEmulatorCluster cluster) {
        return CaptureFixture.onCluster(cluster, "root", "pw", 3, 2, "orders", "customers", "audit");
    }

    private static String uri(CaptureFixture f, String options) {
        return "arango-replication:changes?collections=orders,customers&jwtSecret=" + SECRET
               + "&offsetRepository=#offsets&offsetKey=cluster&initialDelay=0&" + f.connection()
               + (options.isEmpty() ? "" : "&" + options);
    }

    @ParameterizedTest(name = "batching={0}")
    @ValueSource(booleans = {false, true})
    void replayEqualsTheClusterWithEachChangeOnceAcrossARestartWithShardAndServerHeaders(boolean batching)
            throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster)) {
            DriverWorkload workload = new DriverWorkload(f.db, List.of("orders", "customers", "audit"),
                    batching ? 17 : 16, 300, false);
            workload.seed(30);
            ReplicaSink sink = new ReplicaSink();
            List<String> wrongOrigins = new CopyOnWriteArrayList<>();
            String uri = uri(f, "maxEventsPerPoll=20&batching=" + batching);
            CamelContext first = routes.start(uri, capturing(cluster, f.database, sink, wrongOrigins));
            Thread writer = new Thread(workload, "workload");
            await("part of the snapshot", () -> sink.count() >= 20);
            writer.start();
            await("changes of the tail", () -> sink.received().stream().anyMatch(r -> !r.snapshot()));
            first.stop();
            String stored = offsets.getState("cluster");
            assertNotNull(stored, "the stop wrote the cluster's position");
            for (String server : cluster.dbServerIds()) {
                assertTrue(stored.contains(server), "the position names DB-Server " + server + ": " + stored);
            }

            CamelContext second = routes.start(uri, capturing(cluster, f.database, sink, wrongOrigins));
            writer.join(60_000);
            assertNull(workload.failure(), () -> "writer failed: " + workload.failure());
            await("the replica to match the cluster", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            second.stop();

            assertEquals(f.truth(CAPTURED), sink.state(CAPTURED));
            assertEquals(List.of(), wrongOrigins);
            assertEquals(List.of(), duplicates(sink.received()), "each change once, the restart included");
            assertTrue(sink.received().stream().anyMatch(r -> r.type() == ChangeType.DELETE), "removes captured");
            assertTrue(sink.received().stream().noneMatch(r -> "audit".equals(r.collection())), "only the collections");
        }
    }

    @Test
    void aReturningDbServersResyncWritesAreNotDelivered() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster)) {
            workload(f, 1, 100);
            ReplicaSink sink = new ReplicaSink();
            List<String> wrongOrigins = new CopyOnWriteArrayList<>();
            routes.start(uri(f, ""), capturing(cluster, f.database, sink, wrongOrigins));
            await("the snapshot", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));

            // the server comes back before the fail-over: it keeps its leadership and resynchronises its follower copies
            String server = cluster.dbServerIds().get(1);
            cluster.failDbServer(server);
            writeIgnoringRefusals(f, "while-down-", 60);
            int resynced = cluster.recoverDbServer(server);
            assertTrue(resynced > 0, "the returning server resynchronised documents");
            f.insert("orders", Map.of("_key", "after-return"));
            await("the changes written around the return", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));

            assertEquals(List.of(), wrongOrigins, "every change comes from its shard's leader");
            assertEquals(List.of(), duplicates(sink.received()), "no resync write delivered as a change");
        }
    }

    @Test
    void aDbServerUnreachableLongerThanTheLimitMakesTheConsumerDownUntilItAnswers() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster)) {
            workload(f, 5, 60);
            ReplicaSink sink = new ReplicaSink();
            List<String> wrongOrigins = new CopyOnWriteArrayList<>();
            CamelContext context = routes.start(uri(f, "dbServerUnreachableTimeout=1s"),
                    capturing(cluster, f.database, sink, wrongOrigins));
            await("the snapshot", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            ArangoReplicationChangesConsumer consumer = (ArangoReplicationChangesConsumer) context.getRoute("cdc")
                    .getConsumer();
            assertEquals(cluster.dbServerIds().stream().sorted().toList(), List.copyOf(consumer.getDbServers().keySet()));
            Set<String> shards = new HashSet<>();
            CAPTURED.forEach(c -> shards.addAll(cluster.shards(f.database, c).keySet()));
            assertEquals(shards, consumer.getShards().keySet(), "every captured shard, in JMX");
            assertEquals(consumer.getDbServers(), consumer.consumerStatus().figures().get("dbServers"),
                    "the same in the dev console");

            String server = cluster.dbServerIds().get(1);
            cluster.failDbServer(server);
            HealthCheck check = ((HealthCheckAware) consumer).getHealthCheck();
            await("health DOWN naming the server", () -> {
                HealthCheck.Result result = check.call();
                return result.getState() == HealthCheck.State.DOWN
                       && server.equals(result.getDetails().get(
                               ArangoReplicationConsumerHealthCheck.UNREACHABLE_DB_SERVERS));
            });
            String message = check.call().getMessage().orElse("");
            assertTrue(message.contains(server) && message.contains("dbServerUnreachableTimeout (PT1S)"), message);
            assertTrue(consumer.getDbServers().get(server).contains("unreachable since"), consumer.getDbServers()
                    .toString());

            cluster.recoverDbServer(server);
            f.insert("orders", Map.of("_key", "after-return"));
            f.insert("customers", Map.of("_key", "after-return"));
            await("the changes after the return", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            await("health UP again", () -> check.call().getState() == HealthCheck.State.UP);
            assertEquals(List.of(), wrongOrigins);
            assertEquals(List.of(), duplicates(sink.received()));
        }
    }

    /**
     * Fails when a leader's fail-over during the tail stops the route, loses a change (the replica would differ from
     * the cluster), duplicates a change of a shard that did not fail over, or is not logged once per shard.
     */
    @Test
    void aLeaderFailOverDuringTheTailContinuesOnTheNewLeaderWithNothingLost() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofMillis(300)); CaptureFixture f = fixture(cluster);
             LogCapture log = new LogCapture()) {
            workload(f, 2, 100);
            ReplicaSink sink = new ReplicaSink();
            CamelContext context = routes.start(uri(f, "dbServerUnreachableTimeout=2s"),
                    capturing(cluster, f.database, sink, new ArrayList<>()));
            await("the snapshot", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            HealthCheck check = ((HealthCheckAware) context.getRoute("cdc").getConsumer()).getHealthCheck();
            writeIgnoringRefusals(f, "before-failover-", 20);
            await("the changes before the fail-over, and proven shadows", () -> sink.state(CAPTURED)
                    .equals(f.truth(CAPTURED)) && offsets.getState("cluster").contains("\"shadows\"")
                    && !offsets.getState("cluster").contains("\"SNAPSHOT\""));
            Map<String, Map<String, String>> deliveredBefore = sink.state(CAPTURED);
            int countBefore = sink.count();

            String leader = cluster.dbServerIds().get(0);
            Set<String> ledShards = shardsLedBy(cluster, f.database, leader);
            cluster.failDbServer(leader);
            writeIgnoringRefusals(f, "during-failover-", 20);
            await("the fail-over", () -> ledShards.stream().noneMatch(s -> shardsLedBy(cluster, f.database, leader)
                    .contains(s)));
            writeIgnoringRefusals(f, "after-failover-", 40);
            await("every change, the failed-over shards' too", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            await("health UP", () -> check.call().getState() == HealthCheck.State.UP);

            deliveredBefore.forEach((collection, documents) -> documents.forEach((key, rev) -> assertTrue(
                    sink.received().stream().anyMatch(r -> collection.equals(r.collection()) && key.equals(r.key())
                                                          && rev.equals(r.rev())), "delivered: " + key)));
            assertTrue(sink.count() > countBefore + 40, "the writes after the fail-over arrived: " + sink.count());
            assertEquals(List.of(), duplicates(sink.received().subList(0, countBefore)), "before the fail-over");
            List<String> takeOvers = log.lines().stream().filter(line -> line.contains(" WARN ")
                    && line.contains("capture of the shard continues there")).toList();
            assertEquals(ledShards.size(), takeOvers.size(), "one WARN per failed-over shard: " + takeOvers);
            ledShards.forEach(shard -> assertTrue(takeOvers.stream().anyMatch(l -> l.contains("'" + shard + "'")),
                    "names " + shard + ": " + takeOvers));
            assertTrue(log.lines().stream().noneMatch(l -> l.contains(" ERROR ") && l.contains("leader of shard")));
            Thread.sleep(3000); // beyond dbServerUnreachableTimeout: the failed server leads nothing captured now
            HealthCheck.Result result = check.call();
            assertEquals(HealthCheck.State.UP, result.getState(), () -> "the failed server is no longer read: "
                    + result.getMessage().orElse("") + " " + result.getDetails());
        }
    }

    /**
     * Fails when a leader's fail-over during the snapshot stops the route or loses a document: the shard's snapshot is
     * taken again on its new leader, then its changes since the first snapshot's start follow.
     */
    @Test
    void aLeaderFailOverDuringTheSnapshotContinuesWithTheShardDumpedOnItsNewLeader() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofMillis(300)); CaptureFixture f = fixture(cluster)) {
            DriverWorkload seed = new DriverWorkload(f.db, CAPTURED, 3, 0, false);
            seed.seed(400);
            ReplicaSink sink = new ReplicaSink();
            CamelContext context = routes.start(uri(f, "maxEventsPerPoll=10&snapshotChunkSize=2000"), exchange -> {
                sink.process(exchange);
                Thread.sleep(2); // a slow sink: the snapshot is still running at the fail-over
            });
            HealthCheck check = ((HealthCheckAware) context.getRoute("cdc").getConsumer()).getHealthCheck();
            await("part of the snapshot", () -> sink.count() >= 50);
            String failed = cluster.dbServerIds().get(2);
            Set<String> ledShards = shardsLedBy(cluster, f.database, failed);
            cluster.failDbServer(failed);
            int atFailure = sink.count();
            assertTrue(atFailure < 800, "the snapshot was under way at the fail-over: " + atFailure);
            await("the fail-over", () -> ledShards.stream().noneMatch(s -> shardsLedBy(cluster, f.database, failed)
                    .contains(s)));
            writeIgnoringRefusals(f, "after-failover-", 20);
            await("every document", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            await("health UP", () -> check.call().getState() == HealthCheck.State.UP);
            context.stop();
            String stored = offsets.getState("cluster");
            ledShards.forEach(shard -> assertTrue(stored.contains("/" + shard + "\""),
                    "the shard's stream on its new leader is stored: " + stored));
        }
    }

    /**
     * A route whose server changed kind between two starts (a single server replaced by a cluster under the same
     * offsetKey, or the reverse) finds a position of the other kind under its key: it must refuse it loudly (health
     * DOWN), deliver nothing and leave the stored position as it was, rather than misread it or start over.
     */
    @ParameterizedTest(name = "cluster first={0}")
    @ValueSource(booleans = {true, false})
    void aPositionOfTheOtherKindOfServerIsRefusedLoudlyAndKeptAsItWas(boolean clusterFirst) throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture c = fixture(cluster);
             ArangoEmulator single = ArangoEmulator.builder().authentication("root", "pw").build().start();
             CaptureFixture s = new CaptureFixture(single, "root", "pw", "orders", "customers")) {
            c.insert("orders", Map.of("_key", "c1"));
            s.insert("orders", Map.of("_key", "s1"));
            ReplicaSink first = new ReplicaSink();
            CamelContext before = routes.start(uri(clusterFirst ? c : s, ""), first);
            await("the first server's snapshot", () -> first.count() == 1 && offsets.getState("cluster") != null);
            before.stop();
            String stored = offsets.getState("cluster");

            ReplicaSink second = new ReplicaSink();
            CamelContext after = routes.start(uri(clusterFirst ? s : c, ""), second);
            HealthCheck.Result down = awaitDown(after, "");
            Thread.sleep(500);
            after.stop();

            assertEquals(0, second.count(), "nothing delivered from a position of the other kind: "
                                            + down.getMessage().orElse(""));
            assertEquals(stored, offsets.getState("cluster"), "the stored position as it was");
            assertTrue(down.getMessage().orElse("").contains("'cluster'"), "names the offset key: "
                                                                            + down.getMessage().orElse(""));
        }
    }

    /**
     * A route pointed at one DB-Server of a cluster (role PRIMARY) instead of its Coordinator reads a server whose
     * collections are shards: it must not stay UP delivering nothing (as it did); its start fails saying what is wrong.
     */
    @Test
    void aRoutePointedAtADbServerFailsItsStartInsteadOfIdlingUp() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster)) {
            workload(f, 6, 20);
            ArangoEmulator dbServer = cluster.dbServer(cluster.dbServerIds().get(0));
            String uri = "arango-replication:changes?collections=orders,customers&offsetRepository=#offsets"
                         + "&offsetKey=primary&initialDelay=0&host=127.0.0.1&port=" + dbServer.port() + "&database="
                         + f.database + "&jwt=" + cluster.superuserJwt();
            String messages = messages(assertThrows(Exception.class, () -> routes.start(uri, new ReplicaSink())));
            assertTrue(messages.contains("Invalid value for option host: '127.0.0.1:" + dbServer.port() + "'; allowed "
                                         + "is the address of a single server or of a Coordinator")
                       && messages.contains("is a DB-Server of a cluster (role PRIMARY)"), messages);
            assertNull(offsets.getState("primary"), "no position written");
        }
    }

    @Test
    void aCoordinatorWithoutJwtSecretFailsTheStartNamingTheOptionAndTheServer() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster)) {
            CamelContext context = routes.newContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?offsetRepository=#offsets&" + f.connection()).routeId("cdc")
                            .to("mock:never");
                }
            });
            Exception e = assertThrows(Exception.class, context::start);
            String messages = messages(e);
            assertTrue(messages.contains("Invalid value for option jwtSecret: 'null'; allowed is the JWT secret of the "
                                         + "cluster"), messages);
            assertTrue(messages.contains(cluster.coordinator().url()) && messages.contains("is a Coordinator"), messages);
        }
    }

    @Test
    void aWrongJwtSecretIsRefusedByTheDbServersWithoutTheSecretAnywhere() throws Exception {
        String wrong = "not-the-secret-0815";
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster);
             LogCapture log = new LogCapture()) {
            f.insert("orders", Map.of("_key", "o1"));
            ReplicaSink sink = new ReplicaSink();
            CamelContext context = routes.start(uri(f, "").replace(SECRET, wrong), sink);
            HealthCheck.Result down = awaitDown(context, "");
            assertEquals(401, down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE), down.getDetails().toString());
            assertEquals(0, sink.count());
            assertFalse(down.getMessage().orElse("").contains(wrong));
            assertFalse(context.getRoute("cdc").getEndpoint().toString().contains(wrong));
            assertTrue(down.getError().map(ClusterChangesConsumerIT::messages).map(m -> !m.contains(wrong))
                    .orElse(true));
            context.stop();
            assertTrue(log.lines().stream().noneMatch(line -> line.contains(wrong)), "the secret in the log");
        }
    }

    @Test
    void theFetchThreadsAreNamedAndEndWithTheRoute() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster)) {
            workload(f, 4, 50);
            ReplicaSink sink = new ReplicaSink();
            CamelContext context = routes.start(uri(f, ""), sink);
            await("the snapshot", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            assertTrue(fetchThreads() >= 1, "the DB-Servers are read on the consumer's fetch threads");
            context.getRouteController().stopRoute("cdc");
            await("the fetch threads to end", () -> fetchThreads() == 0);
        }
    }

    @Test
    void eachDbServerAndShardHasGaugesWhileTheStreamReadsThemAndNoneAfterTheStop() throws Exception {
        try (ArangoEmulatorCluster cluster = cluster(Duration.ofSeconds(60)); CaptureFixture f = fixture(cluster)) {
            workload(f, 5, 50);
            ReplicaSink sink = new ReplicaSink();
            MeterRegistry registry = new SimpleMeterRegistry();
            CamelContext context = routes.start(uri(f, ""), sink, Map.of("meterRegistry", registry));
            await("the snapshot", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));

            Map<String, String> leaders = new HashMap<>();
            for (String collection : CAPTURED) {
                cluster.shards(f.database, collection).forEach((shard, servers) -> {
                    leaders.put(shard, servers.get(0));
                    assertNotNull(registry.find(ConsumerMeters.SHARD_LAG_TICKS).tag("routeId", "cdc")
                            .tag("shard", shard).tag("collection", collection).tag("dbServer", servers.get(0))
                            .gauge(), "the lag of shard " + shard + " of " + collection);
                });
            }
            assertEquals(leaders.size(), registry.find(ConsumerMeters.SHARD_LAG_TICKS).gauges().size());
            for (String server : Set.copyOf(leaders.values())) {
                await("DB-Server " + server + " caught up", () -> registry.get(ConsumerMeters.DB_SERVER_LAG_TICKS)
                        .tag("dbServer", server).gauge().value() == 0);
                assertTrue(registry.get(ConsumerMeters.DB_SERVER_COMMITTED_TICK).tag("dbServer", server).gauge()
                        .value() > 0, server);
                assertEquals(0, registry.get(ConsumerMeters.DB_SERVER_SNAPSHOT).tag("dbServer", server).gauge()
                        .value(), "tailing");
                assertEquals(0, registry.get(ConsumerMeters.DB_SERVER_UNREACHABLE).tag("dbServer", server).gauge()
                        .value());
            }
            assertEquals(Set.copyOf(leaders.values()).size(),
                    registry.find(ConsumerMeters.DB_SERVER_LAG_TICKS).gauges().size());

            context.getRouteController().stopRoute("cdc");
            assertEquals(List.of(), registry.getMeters().stream().map(m -> m.getId().getName())
                    .filter(name -> name.startsWith("arango.replication")).toList(), "no meter left after the stop");
        }
    }

    @Test
    void aJwtSecretForASingleServerIsIgnoredWithAWarning() throws Exception {
        try (ArangoEmulator single = ArangoEmulator.builder().authentication("root", "pw").build().start();
             CaptureFixture f = new CaptureFixture(single, "root", "pw", "orders");
             LogCapture log = new LogCapture()) {
            f.insert("orders", Map.of("_key", "o1"));
            List<Map<String, Object>> headers = new CopyOnWriteArrayList<>();
            routes.start("arango-replication:changes?jwtSecret=" + SECRET + "&offsetRepository=#offsets&initialDelay=0&"
                  + f.connection(), exchange -> headers.add(exchange.getMessage().getHeaders()));
            await("the snapshot", () -> headers.size() == 1);
            assertEquals("orders", headers.get(0).get(ArangoReplicationConstants.COLLECTION));
            for (String cluster : List.of(ArangoReplicationConstants.SHARD, ArangoReplicationConstants.DB_SERVER,
                    ArangoReplicationConstants.DB_SERVER_NAME)) {
                assertFalse(headers.get(0).containsKey(cluster), cluster + " on a single server's change");
            }
            assertTrue(log.lines("WARN", ArangoReplicationChangesConsumer.class).stream().anyMatch(line ->
                    line.contains("Option jwtSecret") && line.contains("no cluster Coordinator (role SINGLE)")),
                    log.lines().toString());
            assertTrue(log.lines().stream().noneMatch(line -> line.contains(SECRET)), "the secret in the log");
        }
    }

    @org.junit.jupiter.api.AfterEach
    void stopContexts() {
        routes.stopAll();
    }

    /**
     * Applies each change to the sink and checks its cluster headers: the shard is one of its collection's, led now
     * by the DB-Server the headers name; the collection header and the body's _id name the collection.
     */
    private static org.apache.camel.Processor capturing(ArangoEmulatorCluster cluster, String database,
                                                        ReplicaSink sink, List<String> wrong) {
        return exchange -> {
            if (exchange.getMessage().getHeader(ArangoReplicationConstants.BATCH_SIZE) != null) {
                for (Object change : exchange.getMessage().getBody(List.class)) {
                    capturing(cluster, database, sink, wrong).process((org.apache.camel.Exchange) change);
                }
                return;
            }
            Message in = exchange.getMessage();
            String collection = in.getHeader(ArangoReplicationConstants.COLLECTION, String.class);
            String shard = in.getHeader(ArangoReplicationConstants.SHARD, String.class);
            String server = in.getHeader(ArangoReplicationConstants.DB_SERVER, String.class);
            Map<String, List<String>> shards = cluster.shards(database, collection);
            if (!shards.containsKey(shard)) {
                wrong.add(collection + "/" + in.getHeader(ArangoReplicationConstants.KEY) + ": shard " + shard
                          + " is not one of " + shards.keySet());
            } else if (!shards.get(shard).get(0).equals(server)) {
                wrong.add(collection + "/" + in.getHeader(ArangoReplicationConstants.KEY) + ": read from " + server
                          + ", the leader of " + shard + " is " + shards.get(shard).get(0));
            }
            if (in.getHeader(ArangoReplicationConstants.DB_SERVER_NAME) == null) {
                wrong.add("no DB-Server short name on " + in.getHeaders());
            }
            String body = in.getBody(String.class);
            String key = in.getHeader(ArangoReplicationConstants.KEY, String.class);
            if (body != null && body.contains("\"_id\"") && !body.contains("\"" + collection + "/" + key + "\"")) {
                wrong.add("the body's _id names no collection: " + body);
            }
            sink.process(exchange);
        };
    }

    /** Changes delivered more than once: the same write or delete of a (collection, _key, _rev). */
    private static List<String> duplicates(List<ReplicaSink.Received> received) {
        Map<String, Integer> seen = new HashMap<>();
        for (ReplicaSink.Received r : received) {
            if (r.key() != null && !r.tombstone()) {
                String kind = r.type() == ChangeType.DELETE ? "delete" : "write";
                seen.merge(kind + " " + r.collection() + "/" + r.key() + " " + r.rev(), 1, Integer::sum);
            }
        }
        List<String> twice = new ArrayList<>();
        seen.forEach((change, count) -> {
            if (count > 1) {
                twice.add(change + " x" + count);
            }
        });
        return twice;
    }

    private static void workload(CaptureFixture f, long seed, int steps) {
        DriverWorkload workload = new DriverWorkload(f.db, List.of("orders", "customers", "audit"), seed, steps, false);
        workload.seed(20);
        workload.run();
        assertNull(workload.failure(), () -> "writer failed: " + workload.failure());
    }

    /** Inserts documents, some of which a shard without a reachable leader refuses (503). */
    private static void writeIgnoringRefusals(CaptureFixture f, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            try {
                f.insert(CAPTURED.get(i % 2), Map.of("_key", prefix + i));
            } catch (RuntimeException refused) {
                // a shard led by the failed server
            }
        }
    }

    private static Set<String> shardsLedBy(ArangoEmulatorCluster cluster, String database, String server) {
        Set<String> led = new HashSet<>();
        for (String collection : CAPTURED) {
            cluster.shards(database, collection).forEach((shard, servers) -> {
                if (!servers.isEmpty() && servers.get(0).equals(server)) {
                    led.add(shard);
                }
            });
        }
        return led;
    }

    /** Waits for the consumer's health check to be DOWN with a failure whose class name contains {@code failure}. */
    private static HealthCheck.Result awaitDown(CamelContext context, String failure) throws InterruptedException {
        HealthCheck check = ((HealthCheckAware) context.getRoute("cdc").getConsumer()).getHealthCheck();
        Map<String, Object> last = new LinkedHashMap<>();
        await("health DOWN with " + failure, () -> {
            HealthCheck.Result result = check.call();
            last.put("result", result.getState() + " " + result.getMessage().orElse(""));
            return result.getState() == HealthCheck.State.DOWN && result.getError()
                    .map(e -> e.getClass().getSimpleName().contains(failure)).orElse(false);
        });
        return check.call();
    }

    private static long fetchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains("ArangoReplicationClusterFetcher")).count();
    }

    private static String messages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" <- ", messages);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        ChangesConsumerTestSupport.await(what, Duration.ofSeconds(60), condition);
    }
}
