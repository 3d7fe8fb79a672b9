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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.ReplicaSink.Received;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerHealthCheck;
import io.github.camelarango.replication.consumer.ArangoReplicationDevConsole;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code changes} consumer in a route against the emulator: snapshot then live changes with their headers and
 * bodies, tombstones, the Debezium envelope, filters, a failing route, and the health check when the server is
 * unreachable.
 */
class ChangesConsumerIT extends ChangesConsumerTestSupport {

    @Test
    void snapshotThenLiveChangesWithHeadersBodiesAndTombstones() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers", "audit")) {
            String o1 = f.insert("orders", Map.of("_key", "o1", "amount", 10));
            String o2 = f.insert("orders", Map.of("_key", "o2", "amount", 20));
            String c1 = f.insert("customers", Map.of("_key", "c1", "name", "Ada"));
            f.insert("audit", Map.of("_key", "a1"));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders,customers&tombstoneOnDelete=true"
                  + "&offsetRepository=#offsets&" + f.connection(), sink);
            await("the snapshot", () -> sink.count() == 3);

            List<Received> snapshot = sink.received();
            assertTrue(snapshot.stream().allMatch(r -> r.type() == ChangeType.SNAPSHOT_READ && r.snapshot()));
            assertEquals(1, snapshot.stream().map(Received::tick).distinct().count(), "one snapshot tick");
            Received first = snapshot.stream().filter(r -> "o1".equals(r.key())).findFirst().orElseThrow();
            assertEquals("orders", first.collection());
            assertEquals(o1, first.rev());
            assertEquals(10, map(first.body()).get("amount"));
            assertEquals("orders/o1", map(first.body()).get("_id"));
            assertEquals(Map.of("orders", Map.of("o1", o1, "o2", o2), "customers", Map.of("c1", c1)),
                    sink.state(List.of("orders", "customers")));

            String o1v2 = f.update("orders", "o1", Map.of("amount", 11));
            String removed = f.remove("orders", "o2");
            f.insert("audit", Map.of("_key", "a2"));
            String c2 = f.insert("customers", Map.of("_key", "c2"));
            await("the live changes", () -> sink.count() == 7);

            List<Received> live = sink.received().subList(3, 7);
            Received upsert = live.get(0);
            assertEquals(ChangeType.UPSERT, upsert.type());
            assertFalse(upsert.snapshot());
            assertEquals(o1v2, upsert.rev());
            assertEquals(11, map(upsert.body()).get("amount"));
            assertEquals(o1v2, map(upsert.body()).get("_rev"));
            assertTrue(Long.compareUnsigned(Long.parseUnsignedLong(upsert.tick()),
                    Long.parseUnsignedLong(first.tick())) > 0, "live ticks follow the snapshot tick");
            Received delete = live.get(1);
            assertEquals(ChangeType.DELETE, delete.type());
            assertEquals(Map.of("_key", "o2", "_rev", removed), map(delete.body()));
            assertEquals(removed, delete.rev());
            Received tombstone = live.get(2);
            assertTrue(tombstone.tombstone());
            assertEquals("o2", tombstone.key());
            assertNull(tombstone.body());
            assertEquals(ChangeType.UPSERT, live.get(3).type());
            assertEquals("c2", live.get(3).key());
            assertTrue(sink.received().stream().noneMatch(r -> "audit".equals(r.collection())), "audit not captured");

            assertEquals(f.truth(List.of("orders", "customers")), sink.state(List.of("orders", "customers")));
            ChangePosition committed = ChangePosition.parse(offsets.getState(changesConsumer().getOffsetKey()));
            assertEquals(ChangePosition.Phase.TAIL, committed.phase());
            assertTrue(Long.compareUnsigned(committed.from(), Long.parseUnsignedLong(live.get(3).tick())) >= 0,
                    "the last delivered change is committed: " + committed);

            ArangoReplicationChangesConsumer consumer = changesConsumer();
            assertEquals("TAIL", consumer.getPhase());
            assertEquals(3L, consumer.getEventsByType().get("SNAPSHOT_READ"));
            assertEquals(1L, consumer.getEventsByType().get("DELETE"));
            assertEquals(0L, consumer.getPositionLostCount());
            assertTrue(consumer.getSnapshotProgress().get("orders").endsWith("done"), consumer.getSnapshotProgress().toString());
            assertEquals(HealthCheck.State.UP, health().getState());

            ArangoReplicationDevConsole console = new ArangoReplicationDevConsole();
            console.setCamelContext(context);
            Map<?, ?> json = (Map<?, ?>) console.call(DevConsole.MediaType.JSON);
            Map<?, ?> figures = (Map<?, ?>) ((List<?>) json.get("consumers")).get(0);
            assertEquals("cdc", figures.get("routeId"));
            assertEquals("TAIL", figures.get("phase"));
            assertEquals(consumer.getCommittedTick(), figures.get("committedTick"));
            assertTrue(console.call(DevConsole.MediaType.TEXT).toString().contains("offsetKey: " + consumer.getOffsetKey()));
        }
    }

    @Test
    void debeziumEnvelope() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1", "amount", 10));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?envelope=debezium&offsetRepository=#offsets&" + f.connection(), sink);
            await("the snapshot row", () -> sink.count() == 1);
            f.update("orders", "o1", Map.of("amount", 12));
            String removed = f.remove("orders", "o1");
            await("upsert and delete", () -> sink.count() == 3);

            List<JsonNode> values = new ArrayList<>();
            for (Received r : sink.received()) {
                values.add(JSON.readTree(assertInstanceOf(String.class, r.body())));
            }
            JsonNode read = values.get(0);
            assertEquals("r", read.get("op").asText());
            assertTrue(read.get("before").isNull());
            assertEquals(10, read.get("after").get("amount").asInt());
            assertEquals("true", read.get("source").get("snapshot").asText());
            assertEquals(f.database, read.get("source").get("db").asText());
            assertEquals("orders", read.get("source").get("collection").asText());
            assertTrue(read.get("ts_ms").asLong() > 0);

            JsonNode upsert = values.get(1);
            assertEquals("u", upsert.get("op").asText(), "upserts are 'u' by default: the WAL cannot tell c from u");
            assertTrue(upsert.get("source").get("upsert").asBoolean());
            assertEquals(12, upsert.get("after").get("amount").asInt());
            assertEquals("false", upsert.get("source").get("snapshot").asText());

            JsonNode delete = values.get(2);
            assertEquals("d", delete.get("op").asText());
            assertTrue(delete.get("before").isNull(), "the WAL has no before-image");
            assertTrue(delete.get("after").isNull());
            assertEquals(removed, delete.get("source").get("rev").asText());
            assertEquals(sink.received().get(2).tick(), delete.get("source").get("tick").asText());
        }
    }

    @Test
    void upsertOpCreateForSinksThatOnlyAcceptCreates() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?envelope=debezium&upsertOp=CREATE&snapshotMode=NEVER&offsetRepository=#offsets&"
                  + f.connection(), sink);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.insert("orders", Map.of("_key", "o1"));
            await("the insert", () -> sink.count() == 1);
            JsonNode value = JSON.readTree((String) sink.received().get(0).body());
            assertEquals("c", value.get("op").asText());
            assertTrue(value.get("source").get("upsert").asBoolean(), "still flagged as an upsert");
        }
    }

    @Test
    void failingRouteDoesNotAdvanceThePositionAndGetsTheChangeAgain() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            AtomicInteger attemptsOnO2 = new AtomicInteger();
            List<String> positionsWhileFailing = new CopyOnWriteArrayList<>();
            List<Throwable> handled = new CopyOnWriteArrayList<>();
            context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&exceptionHandler=#recorder"
                  + "&offsetRepository=#offsets&" + f.connection(), exchange -> {
                      if ("o2".equals(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY))
                          && attemptsOnO2.incrementAndGet() <= 3) {
                          positionsWhileFailing.add(offsets.getState(changesConsumer().getOffsetKey()));
                          throw new IllegalStateException("sink down");
                      }
                  }, sink);
            String key = changesConsumer().getOffsetKey();
            awaitCommitted(key);
            f.insert("orders", Map.of("_key", "o1"));
            f.insert("orders", Map.of("_key", "o2"));
            f.insert("orders", Map.of("_key", "o3"));
            await("all three changes", () -> sink.count() == 3);

            assertEquals(List.of("o1", "o2", "o3"), sink.received().stream().map(Received::key).toList(),
                    "each change reached the sink once, in order");
            assertEquals(4, attemptsOnO2.get(), "three failures, then the redelivery that succeeded");
            assertEquals(3, handled.size(), "every failure went to the exception handler");
            assertTrue(handled.stream().allMatch(e -> "sink down".equals(e.getMessage())), handled.toString());
            long o1Tick = Long.parseUnsignedLong(sink.received().get(0).tick());
            assertTrue(Long.compareUnsigned(ChangePosition.parse(positionsWhileFailing.get(0)).from(), o1Tick) <= 0,
                    "at the first failure the position is o1's at most (written once per poll: o1 may have come in "
                    + "o2's poll)");
            for (String position : positionsWhileFailing.subList(1, positionsWhileFailing.size())) {
                assertEquals(o1Tick, ChangePosition.parse(position).from(),
                        "the failure wrote the position of o1, the last delivered change, and it stays there");
            }
            assertEquals(Long.parseUnsignedLong(sink.received().get(2).tick()),
                    ChangePosition.parse(offsets.getState(key)).from());
        }
    }

    @Test
    void filtersByOperationTypeAndCollection() throws Exception {
        try (CaptureFixture f = fixture("orders", "audit", "customers")) {
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?snapshotMode=NEVER&operationTypes=DELETE,COLLECTION_CREATE"
                  + "&excludeCollections=audit&offsetRepository=#offsets&" + f.connection(), sink);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.insert("orders", Map.of("_key", "o1"));
            f.update("orders", "o1", Map.of("x", 1));
            f.insert("audit", Map.of("_key", "a1"));
            f.remove("audit", "a1");
            f.insert("customers", Map.of("_key", "c1"));
            f.db.collection("later").create();
            f.remove("customers", "c1");
            f.remove("orders", "o1");
            await("two deletes and a create", () -> sink.count() == 3);
            Thread.sleep(300);
            List<String> seen = sink.received().stream().map(r -> r.type() + " " + r.collection() + " " + r.key()).toList();
            assertEquals(List.of("COLLECTION_CREATE later null", "DELETE customers c1", "DELETE orders o1"), seen);
        }
    }

    @Test
    void transactionLargerThanTheBufferIsDeliveredWholeWithThePositionHeldUntilItsCommit() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            List<String> positionsDuring = new CopyOnWriteArrayList<>();
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?snapshotMode=NEVER&transactionBufferSize=1024&maxEventsPerPoll=50"
                  + "&offsetRepository=#offsets&initialDelay=0&" + f.connection(), exchange -> {
                      Object docKey = exchange.getMessage().getHeader(ArangoReplicationConstants.KEY);
                      if (String.valueOf(docKey).startsWith("t")) {
                          positionsDuring.add(offsets.getState(changesConsumer().getOffsetKey()));
                      }
                  }, sink);
            String key = changesConsumer().getOffsetKey();
            awaitCommitted(key);
            String before = offsets.getState(key);
            List<Map<String, Object>> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                documents.add(Map.of("_key", "t" + i, "payload", "x".repeat(40)));
            }
            f.db.collection("orders").insertDocuments(documents);
            f.insert("orders", Map.of("_key", "after"));
            await("the transaction and the change after it", () -> sink.count() == 301);
            assertEquals(301, sink.received().stream().map(Received::key).distinct().count());
            assertEquals("after", sink.received().get(300).key());
            assertEquals(300, positionsDuring.size());
            long beforeTick = ChangePosition.parse(before).from();
            assertEquals(List.of(beforeTick), positionsDuring.stream().map(p -> ChangePosition.parse(p).from())
                    .distinct().toList(), "no position inside the transaction is committed while it is delivered");
            await("the position after the change after it", () -> ChangePosition.parse(offsets.getState(key)).from()
                    == Long.parseUnsignedLong(sink.received().get(300).tick()));
            assertEquals(HealthCheck.State.UP, health().getState());
            assertNull(changesConsumer().consumerStatus().lastFailure());
        }
    }

    @Test
    void unreachableServerMakesTheConsumerDown() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        route("arango-replication:changes?host=127.0.0.1&port=" + closedPort + "&offsetRepository=#offsets"
              + "&connectTimeout=500&initialDelay=0", new ReplicaSink());
        await("the first failed poll", () -> changesConsumer().consumerStatus().lastFailure() != null);
        HealthCheck.Result result = health();
        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElse("");
        assertTrue(message.contains("ArangoDB at http://127.0.0.1:" + closedPort) && message.contains("unreachable"),
                message);
        assertTrue(message.contains("resumes from its committed position"), message);
        assertEquals(message, result.getDetails().get(ArangoReplicationConsumerHealthCheck.MESSAGE),
                "also a detail, which Spring Boot's actuator shows");
    }

}
