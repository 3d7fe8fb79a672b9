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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelarango.replication.cdc.ChangePosition;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch exchanges (batching) and fewer position writes (one per poll, or per commitInterval) on the emulator: a
 * batch holds each change as a single exchange would, a failed batch is delivered again whole with the position held
 * before it, and the position is written once per poll or interval — and on a failure and a stop, always the one of
 * the last delivered change.
 */
class ChangesConsumerBatchingIT extends ChangesConsumerTestSupport {

    /** The headers that differ between two streams reading the same changes: when each asked the server last. */
    private static final List<String> PER_STREAM = List.of(ArangoReplicationConstants.LAST_TICK, Exchange.OFFSET);

    private final CountingRepository counting = new CountingRepository();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        super.bindToRegistry(registry);
        registry.bind("counting", counting);
    }

    @Test
    void batchHoldsEveryChangeAsItsSingleExchangeWithTheBatchHeaders() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 1; i <= 5; i++) {
                f.insert("orders", Map.of("_key", "o" + i, "n", i));
            }
            List<Message> singles = new CopyOnWriteArrayList<>();
            List<Message> batches = new CopyOnWriteArrayList<>();
            String options = "collections=orders&tombstoneOnDelete=true&offsetRepository=#offsets&initialDelay=0&"
                             + f.connection();
            route("arango-replication:changes?offsetKey=single&" + options,
                    exchange -> singles.add(exchange.getMessage().copy()));
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?offsetKey=batch&batching=true&" + options).routeId("batch")
                            .process(exchange -> batches.add(exchange.getMessage().copy()));
                }
            });
            await("the snapshot on both routes", () -> singles.size() == 5 && inner(batches).size() == 5);
            assertEquals(1, batches.size(), "the five snapshot rows come in one batch exchange");

            f.update("orders", "o1", Map.of("n", 11));
            f.remove("orders", "o2");
            f.insert("orders", Map.of("_key", "o6"));
            await("the tailed changes and the tombstone on both routes",
                    () -> singles.size() == 9 && inner(batches).size() == 9);

            List<Message> unpacked = inner(batches);
            for (int i = 0; i < singles.size(); i++) {
                assertSameChange(singles.get(i), unpacked.get(i));
            }
            assertTrue(unpacked.stream().anyMatch(m -> Boolean.TRUE.equals(m.getHeader(ArangoReplicationConstants.TOMBSTONE))),
                    "the tombstone of the delete is in the batch");
            for (Message batch : batches) {
                List<?> body = assertInstanceOf(List.class, batch.getBody());
                List<Message> changes = body.stream().map(e -> ((Exchange) e).getMessage()).toList();
                assertEquals(changes.size(), batch.getHeader(ArangoReplicationConstants.BATCH_SIZE));
                assertEquals(changes.get(0).getHeader(ArangoReplicationConstants.TICK),
                        batch.getHeader(ArangoReplicationConstants.BATCH_FIRST_TICK));
                assertEquals(changes.get(changes.size() - 1).getHeader(ArangoReplicationConstants.TICK),
                        batch.getHeader(ArangoReplicationConstants.BATCH_LAST_TICK));
                assertEquals(changes.get(changes.size() - 1).getHeader(ArangoReplicationConstants.POSITION),
                        batch.getHeader(ArangoReplicationConstants.POSITION));
                assertNotNull(batch.getHeader(Exchange.OFFSET));
            }
            String lastPosition = batches.get(batches.size() - 1).getHeader(ArangoReplicationConstants.POSITION,
                    String.class);
            // committed once the batch completed; an idle save may already have moved it on past the last batch
            // (to the tick the server scanned), never back before it
            await("the last batch's position committed", () -> offsets.getState("batch") != null
                    && Long.compareUnsigned(ChangePosition.parse(offsets.getState("batch")).from(),
                            ChangePosition.parse(lastPosition).from()) >= 0);
        }
    }

    @Test
    void failedBatchIsDeliveredAgainWholeAndThePositionStaysBeforeIt() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            List<List<String>> attempts = new CopyOnWriteArrayList<>();
            List<String> storedWhileFailing = new CopyOnWriteArrayList<>();
            List<Throwable> handled = new CopyOnWriteArrayList<>();
            CountDownLatch holdO1 = new CountDownLatch(1);
            context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&batching=true"
                  + "&exceptionHandler=#recorder&offsetRepository=#offsets&offsetKey=b&initialDelay=0&"
                  + f.connection(), exchange -> {
                      List<String> keys = keys(exchange.getMessage());
                      attempts.add(keys);
                      if (keys.contains("o1")) {
                          assertTrue(holdO1.await(20, TimeUnit.SECONDS));
                      } else if (keys.contains("o2") && attempts.stream().filter(a -> a.contains("o2")).count() == 1) {
                          storedWhileFailing.add(offsets.getState("b"));
                          throw new IllegalStateException("sink down");
                      }
                  });
            awaitCommitted("b");
            String o1 = f.insert("orders", Map.of("_key", "o1"));
            await("the batch of o1", () -> !attempts.isEmpty());
            f.insert("orders", Map.of("_key", "o2"));
            f.insert("orders", Map.of("_key", "o3"));
            holdO1.countDown();
            await("o3 delivered", () -> attempts.stream().filter(a -> a.contains("o3")).count() == 2);

            assertEquals(List.of(List.of("o1"), List.of("o2", "o3"), List.of("o2", "o3")), attempts,
                    "the failed batch is delivered again whole, and nothing after it before it");
            assertEquals(1, handled.size());
            assertEquals("sink down", handled.get(0).getMessage());
            String o1Tick = tickOf(f, "o1", o1);
            assertEquals(o1Tick, Long.toUnsignedString(ChangePosition.parse(storedWhileFailing.get(0)).from()),
                    "while the batch fails the position is the one after the batch before it");
            await("the position after o3", () -> ChangePosition.parse(offsets.getState("b")).from()
                                                 == Long.parseUnsignedLong(tickOf(f, "o3", null)));
        }
    }

    @Test
    void theDefaultWritesThePositionOncePerPollNotOncePerChange() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            CountDownLatch hold = new CountDownLatch(1);
            AtomicInteger delivered = new AtomicInteger();
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&offsetRepository=#counting"
                  + "&offsetKey=c&initialDelay=0&" + f.connection(), exchange -> {
                      assertTrue(hold.await(20, TimeUnit.SECONDS));
                      delivered.incrementAndGet();
                  });
            await("the starting point", () -> counting.getState("c") != null);
            f.insert("orders", Map.of("_key", "first"));
            await("the first change in the route", () -> counting.writes("c") >= 1 && hold.getCount() == 1
                                                          && context.getInflightRepository().size() == 1);
            for (int i = 0; i < 40; i++) {
                f.insert("orders", Map.of("_key", "k" + i));
            }
            String last = tickOf(f, "k39", null);
            int writesBefore = counting.writes("c");
            hold.countDown();
            await("all 41 changes and the last position",
                    () -> delivered.get() == 41 && last.equals(committedTick(counting.getState("c"))));

            int writes = counting.writes("c") - writesBefore;
            assertTrue(writes >= 1 && writes <= 4, "41 changes taken in one or a few polls: one write of the "
                                                   + "position per poll, not one per change; there were " + writes);
        }
    }

    @Test
    void commitIntervalWritesLessAndStillWritesTheLastDeliveredOnAFailureAndOnStop() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            AtomicInteger failures = new AtomicInteger();
            List<String> storedAtFailure = new CopyOnWriteArrayList<>();
            List<String> keys = new CopyOnWriteArrayList<>();
            List<Throwable> handled = new CopyOnWriteArrayList<>();
            context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&commitInterval=1h"
                  + "&exceptionHandler=#recorder&offsetRepository=#counting&offsetKey=i&initialDelay=0&"
                  + f.connection(), exchange -> {
                      String key = exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class);
                      if ("k5".equals(key) && failures.getAndIncrement() == 0) {
                          storedAtFailure.add(counting.getState("i"));
                          throw new IllegalStateException("sink down");
                      }
                      keys.add(key);
                  });
            await("the starting point", () -> counting.getState("i") != null);
            f.insert("orders", Map.of("_key", "k0"));
            await("k0", () -> keys.size() == 1);
            String k0 = tickOf(f, "k0", null);
            // the first commit after the start is due at once: it writes k0's position once the route returned
            await("k0's position written", () -> k0.equals(committedTick(counting.getState("i"))));
            int writesAfterFirst = counting.writes("i");
            Map<String, String> ticks = new HashMap<>();
            for (int i = 1; i < 10; i++) {
                f.insert("orders", Map.of("_key", "k" + i));
                ticks.put("k" + i, tickOf(f, "k" + i, null));
            }
            await("k1 to k9", () -> keys.size() == 10);
            Thread.sleep(300); // idle polls: none of them writes within the interval

            assertEquals(1, handled.size());
            assertEquals(1, counting.writes("i") - writesAfterFirst,
                    "within the interval only the failure wrote the position, that of the last delivered change");
            assertTrue(storedAtFailure.get(0) != null
                       && !ticks.get("k4").equals(committedTick(storedAtFailure.get(0))),
                    "at the failure of k5, k4's position was not written yet (the interval had not passed)");
            assertEquals(ticks.get("k4"), committedTick(counting.getState("i")),
                    "the failure of k5 wrote the position of k4, the last delivered change");

            context.getRouteController().stopRoute("cdc");
            assertEquals(ticks.get("k9"), committedTick(counting.getState("i")),
                    "the stop wrote the position of k9, the last delivered change");
        }
    }

    /**
     * commitInterval promises at most one position write per interval (besides a failure and the stop). An idle poll
     * whose tail scanned further (writes to collections the route does not capture) must not write the reached
     * position within the interval either: on a busy server it would write at every idle poll.
     */
    @Test
    void commitIntervalAlsoHoldsForThePositionReachedWithoutChanges() throws Exception {
        try (CaptureFixture f = fixture("orders", "other")) {
            List<String> keys = new CopyOnWriteArrayList<>();
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&commitInterval=1h"
                  + "&offsetRepository=#counting&offsetKey=idle&initialDelay=0&" + f.connection(),
                    exchange -> keys.add(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class)));
            await("the starting point", () -> counting.getState("idle") != null);
            f.insert("orders", Map.of("_key", "k0"));
            String k0 = tickOf(f, "k0", null);
            await("k0's position written", () -> k0.equals(committedTick(counting.getState("idle"))));
            Thread.sleep(500); // the polls after k0 settle
            int writes = counting.writes("idle");
            for (int i = 0; i < 5; i++) {
                f.insert("other", Map.of("_key", "o" + i));
                Thread.sleep(100); // idle polls in between, each scanning further
            }
            Thread.sleep(300);

            assertEquals(List.of("k0"), keys);
            assertEquals(0, counting.writes("idle") - writes, "no position write within the interval, the idle polls' "
                                                              + "included: " + counting.getState("idle"));
        }
    }

    private static void assertSameChange(Message single, Message inBatch) {
        Map<String, Object> expected = new HashMap<>(single.getHeaders());
        Map<String, Object> actual = new HashMap<>(inBatch.getHeaders());
        PER_STREAM.forEach(h -> {
            expected.remove(h);
            actual.remove(h);
        });
        // the position's serverTick is, as LAST_TICK, the server's last tick as each stream's own tail call saw it
        expected.computeIfPresent(ArangoReplicationConstants.POSITION, (h, p) -> withoutServerTick(p));
        actual.computeIfPresent(ArangoReplicationConstants.POSITION, (h, p) -> withoutServerTick(p));
        assertEquals(expected, actual, "headers of " + single.getHeader(ArangoReplicationConstants.KEY));
        assertEquals(single.getBody(), inBatch.getBody(), "body of " + single.getHeader(ArangoReplicationConstants.KEY));
        assertNotNull(inBatch.getHeader(Exchange.OFFSET));
    }

    private static String withoutServerTick(Object position) {
        return position.toString().replaceFirst("\"serverTick\":\"[0-9]+\",?", "");
    }

    private static List<Message> inner(List<Message> batches) {
        List<Message> messages = new ArrayList<>();
        for (Message batch : batches) {
            for (Object e : (List<?>) batch.getBody()) {
                messages.add(((Exchange) e).getMessage());
            }
        }
        return messages;
    }

    private static List<String> keys(Message batch) {
        return ((List<?>) batch.getBody()).stream()
                .map(e -> ((Exchange) e).getMessage().getHeader(ArangoReplicationConstants.KEY, String.class)).toList();
    }

    /** The WAL tick of the insert of {@code key} (the rev, when given, must match). */
    private static String tickOf(CaptureFixture f, String key, String rev) {
        return f.emulator.wal().stream()
                .filter(m -> m.type() == 2300 && f.database.equals(m.database()) && key.equals(m.data().get("_key")))
                .filter(m -> rev == null || rev.equals(m.data().get("_rev")))
                .map(m -> Long.toUnsignedString(m.tick())).reduce((a, b) -> b).orElseThrow();
    }

    private static String committedTick(String position) {
        return position == null ? null : Long.toUnsignedString(ChangePosition.parse(position).from());
    }

    /** An in-memory offset repository that counts the writes of each key. */
    static final class CountingRepository extends ServiceSupport implements StateRepository<String, String> {
        private final Map<String, String> states = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> writes = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void setState(String key, String value) {
            states.put(key, value);
            writes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String getState(String key) {
            return states.get(key);
        }

        int writes(String key) {
            AtomicInteger n = writes.get(key);
            return n == null ? 0 : n.get();
        }
    }
}
