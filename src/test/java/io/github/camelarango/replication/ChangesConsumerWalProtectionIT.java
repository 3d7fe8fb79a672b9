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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.client.RegisteredClient;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write-ahead log the consumer needs is protected (issue 12 item 4): its registration at the server follows the
 * committed position, not the read one; each route registers under its own syncerId (a shared configured one is
 * refused); unregisterOnStop removes it. And the snapshot's batch is kept alive however slow the route (item 8).
 */
class ChangesConsumerWalProtectionIT extends ChangesConsumerTestSupport {

    private static final List<String> ORDERS = List.of("orders");
    private static final String BIG = "x".repeat(20_000);

    private static HttpArangoReplicationClient client() {
        return new HttpArangoReplicationClient(ArangoClientConfiguration.builder(SERVER.emulator().url())
                .user("root").password("secret").build());
    }

    /** The registrations of streams whose clientInfo names {@code offsetKey}. */
    private static List<RegisteredClient> registrations(String offsetKey) {
        try (HttpArangoReplicationClient client = client()) {
            return client.loggerState().clients().stream()
                    .filter(c -> c.clientInfo() != null && c.clientInfo().endsWith(" " + offsetKey)).toList();
        }
    }

    /** The offset key each route of a test names: the registrations are found by it. */
    private static String key(CaptureFixture f, String collection) {
        return "wal-" + f.database + "-" + collection;
    }

    private long committedTick(String offsetKey) {
        return ChangePosition.parse(offsets.getState(offsetKey)).from();
    }

    @Test
    void theRegistrationStaysAtTheCommittedPositionWhileTheRouteIsBehindTheReader() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            String key = key(f, "orders");
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders"
                  + "&offsetKey=" + key(f, "orders") + "&snapshotMode=NEVER&offsetRepository=#offsets"
                  + "&initialDelay=0&tailChunkSize=16384&registrationInterval=100ms&" + f.connection(), exchange -> {
                    if ("d1".equals(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY))) {
                        blocked.countDown();
                        assertTrue(release.await(20, TimeUnit.SECONDS));
                    }
                }, sink);
            awaitCommitted(key);
            context.getRouteController().stopRoute("cdc");
            long committed = committedTick(key);
            for (int i = 1; i <= 3; i++) { // one tail answer each (16 KiB chunks): one poll reads all three
                f.insert("orders", Map.of("_key", "d" + i, "payload", BIG));
            }
            context.getRouteController().startRoute("cdc");
            assertTrue(blocked.await(20, TimeUnit.SECONDS));
            Thread.sleep(500); // several keep-alive runs while the route is stuck on d1
            List<RegisteredClient> registered = registrations(key);
            assertEquals(1, registered.size(), registered.toString());
            assertEquals(committed, registered.get(0).lastServedTick(),
                    "registered where a restart resumes, not after d1..d3 that were read but not delivered");
            release.countDown();
            await("d1..d3", () -> sink.count() == 3);
            await("the registration at the new position", () -> registrations(key).get(0).lastServedTick()
                    == committedTick(key));
            assertNotEquals(committed, committedTick(key));
        }
    }

    @Test
    void eachRouteRegistersUnderItsOwnSyncerIdWhenOnlyTheServerIdIsConfigured() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?collections=orders"
                          + "&offsetKey=" + key(f, "orders") + "&serverId=4711&snapshotMode=NEVER"
                         + "&offsetRepository=#offsets&initialDelay=0&" + f.connection()).routeId("a").to("mock:a");
                    from("arango-replication:changes?collections=customers"
                          + "&offsetKey=" + key(f, "customers") + "&serverId=4711&snapshotMode=NEVER"
                         + "&offsetRepository=#offsets&initialDelay=0&" + f.connection()).routeId("b").to("mock:b");
                }
            });
            String a = key(f, "orders");
            String b = key(f, "customers");
            await("both registered", () -> registrations(a).size() == 1 && registrations(b).size() == 1);
            RegisteredClient first = registrations(a).get(0);
            RegisteredClient second = registrations(b).get(0);
            assertEquals("4711", first.serverId());
            assertEquals("4711", second.serverId());
            assertNotEquals(first.syncerId(), second.syncerId(), "one registration per route");
        }
    }

    @Test
    void aSecondRouteWithTheSameConfiguredSyncerIdIsRefused() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers")) {
            route("arango-replication:changes?collections=orders"
                  + "&offsetKey=" + key(f, "orders") + "&syncerId=42&snapshotMode=NEVER"
                  + "&offsetRepository=#offsets&initialDelay=0&" + f.connection(), exchange -> { });
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?collections=customers"
                          + "&offsetKey=" + key(f, "customers") + "&syncerId=42&snapshotMode=NEVER"
                         + "&offsetRepository=#offsets&" + f.connection()).routeId("second").autoStartup(false)
                            .to("mock:b");
                }
            });
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> context.getRouteController().startRoute("second"));
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().startsWith("Invalid value for option syncerId: '42'; allowed is a syncerId "
                    + "no other running changes consumer of " + SERVER.emulator().url()), cause.getMessage());
            assertTrue(cause.getMessage().contains("route 'cdc'"), cause.getMessage());
            context.getRouteController().stopRoute("cdc");
            context.getRouteController().startRoute("second"); // free again once the first stopped
            assertTrue(context.getRouteController().getRouteStatus("second").isStarted());
        }
    }

    @Test
    void aStoppedRouteStaysRegisteredAtItsCommittedPositionUnlessUnregisterOnStop() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?collections=orders"
                          + "&offsetKey=" + key(f, "orders") + "&snapshotMode=NEVER"
                         + "&offsetRepository=#offsets&initialDelay=0&" + f.connection()).routeId("kept").to("mock:a");
                    from("arango-replication:changes?collections=customers"
                          + "&offsetKey=" + key(f, "customers") + "&snapshotMode=NEVER&unregisterOnStop=true"
                         + "&offsetRepository=#offsets&initialDelay=0&" + f.connection()).routeId("gone")
                            .to("mock:b");
                }
            });
            String kept = key(f, "orders");
            String gone = key(f, "customers");
            await("both registered", () -> registrations(kept).size() == 1 && registrations(gone).size() == 1);
            context.getRouteController().stopRoute("kept");
            context.getRouteController().stopRoute("gone");
            assertEquals(List.of(committedTick(kept)), registrations(kept).stream()
                    .map(RegisteredClient::lastServedTick).toList());
            assertEquals(List.of(), registrations(gone));
        }
    }

    @Test
    void aResumedSnapshotStaysRegisteredAtItsFirstBatchTick() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 0; i < 20; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            long firstBatchTick = f.emulator.lastTick();
            String key = key(f, "orders");
            CountDownLatch fifth = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&offsetKey=" + key + "&positionLostPolicy=RESNAPSHOT"
                  + "&snapshotChunkSize=200&maxEventsPerPoll=5&offsetRepository=#offsets&initialDelay=0&"
                  + f.connection(), exchange -> {
                    if (sink.count() == 4 && fifth.getCount() == 1) {
                        fifth.countDown();
                        assertTrue(release.await(20, TimeUnit.SECONDS));
                    }
                }, sink);
            assertTrue(fifth.await(20, TimeUnit.SECONDS));
            assertEquals(List.of(firstBatchTick), registrations(key).stream().map(RegisteredClient::lastServedTick)
                    .toList(), "registered at the snapshot tick while the snapshot runs");
            f.insert("orders", Map.of("_key", "later"));
            f.emulator.expireAllBatches(); // the snapshot resumes with a new batch at a later tick
            release.countDown();
            await("the snapshot and the later change", () -> f.truth(ORDERS).equals(sink.state(ORDERS)));
            assertTrue(sink.received().stream().anyMatch(r -> "later".equals(r.key())));
            assertEquals(0, changesConsumer().getPositionLostCount(), "a lost batch is no lost position");
        }
    }

    @Test
    void aRouteSlowerThanTheBatchTtlDoesNotLoseItsSnapshot() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 0; i < 30; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders"
                  + "&offsetKey=" + key(f, "orders") + "&batchTtl=3s&snapshotChunkSize=200&maxEventsPerPoll=2"
                  + "&offsetRepository=#offsets&initialDelay=0&" + f.connection(), exchange -> {
                    if (sink.count() == 0) {
                        Thread.sleep(4_500); // longer than batchTtl: only a keep-alive independent of polls helps
                    }
                }, sink);
            await("the whole snapshot", () -> sink.count() == 30);
            assertEquals(f.truth(ORDERS), sink.state(ORDERS));
            assertEquals(0, changesConsumer().getPositionLostCount());
            assertEquals(HealthCheck.State.UP, health().getState());
            assertFalse(changesConsumer().isPositionLost());
        }
    }
}
