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
package io.github.camelarango.replication.consumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ShardOrigin;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lanes of a poll: one per shard (collection, or none), each in order; the prefix that may be committed ends
 * before the first change, in hand-out order, that was not delivered, whatever other lanes delivered after it.
 */
class ShardLanesTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    /** Every prefix the lanes acknowledged, in order. */
    private final List<Integer> acknowledged = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static ChangeEvent change(String key, String shard, String collection) {
        RawJson json = RawJson.of(("{\"_key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
        ChangeEvent event = ChangeEvent.upsert(7, "shop", collection, null, null, new RawDocument(key, "_r", json),
                ChangePosition.tail(7, 0));
        return shard == null ? event : event.withOrigin(collection, new ShardOrigin(shard, "PRMR-1", null));
    }

    /** a-1 b-1 a-2 b-2 a-3 b-3: shards s1 (a) and s2 (b) of one collection. */
    private static List<ChangeEvent> interleaved() {
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(change("a-" + i, "s1", "orders"));
            events.add(change("b-" + i, "s2", "orders"));
        }
        return events;
    }

    private static String key(List<ChangeEvent> unit) {
        return unit.get(0).key();
    }

    @Test
    void aChangeGoesToTheLaneOfItsShardElseOfItsCollectionElseToTheLaneOfNeither() {
        assertEquals("shard s1", ShardLanes.laneOf(change("k", "s1", "orders")));
        assertEquals("collection orders", ShardLanes.laneOf(change("k", null, "orders")));
        assertEquals("none", ShardLanes.laneOf(ChangeEvent.gap("shop", 1, 5, "purged")));
    }

    /**
     * Fails when a single server's lanes are keyed by the collection's name: in the poll in which a collection is
     * renamed, a document's change before the rename and its change after it would be in two lanes, out of order.
     */
    @Test
    void aRenamedCollectionsChangesBeforeAndAfterTheRenameShareALane() {
        RawJson json = RawJson.of("{\"_key\":\"k\"}".getBytes(StandardCharsets.UTF_8));
        ChangeEvent before = ChangeEvent.upsert(7, "shop", "orders", "h123/orders", null,
                new RawDocument("k", "_r1", json), ChangePosition.tail(7, 0));
        ChangeEvent after = ChangeEvent.upsert(9, "shop", "orders2", "h123/orders", null,
                new RawDocument("k", "_r2", json), ChangePosition.tail(9, 0));
        assertEquals(ShardLanes.laneOf(before), ShardLanes.laneOf(after));
    }

    /**
     * Lane b delivers b-2 and b-3 while lane a is at a-2, which fails: only a-1 and b-1 (before a-2 in hand-out order)
     * may be committed. Acknowledging the last delivered change (b-3) would lose a-2 and a-3.
     */
    @Test
    void thePrefixEndsBeforeTheFirstChangeNotDeliveredWhateverOtherLanesDeliveredAfterIt() {
        CountDownLatch b3 = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        ShardLanes.Outcome outcome = ShardLanes.on(pool).deliver(interleaved(), false, unit -> {
            String key = key(unit);
            if (key.equals("a-2")) {
                await(b3);
                return false;
            }
            sent.add(key);
            if (key.equals("b-3")) {
                b3.countDown();
            }
            return true;
        }, () -> true, acknowledged::add);

        assertEquals(2, outcome.prefix(), "a-1 and b-1");
        assertEquals(2, acknowledged.get(acknowledged.size() - 1), "never past a-2: " + acknowledged);
        assertEquals(List.of("a-1", "b-1", "b-2", "b-3"), sent.stream().sorted().toList(),
                "a-1 and the three of lane b");
        assertNull(outcome.failure());
        assertEquals(List.of("a-1"), sent.stream().filter(k -> k.startsWith("a")).toList(), "lane a stopped at a-2");
    }

    @Test
    void aLaneThatThrowsStopsTheOthersBeforeTheirNextChangeAndItsFailureIsTheOutcomes() throws InterruptedException {
        CountDownLatch bEntered = new CountDownLatch(1);
        CountDownLatch laneEnded = new CountDownLatch(1);
        ThreadPoolExecutor observed = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                laneEnded.countDown();
            }
        };
        IllegalStateException boom = new IllegalStateException("boom");
        List<String> sent = new CopyOnWriteArrayList<>();
        try {
            ShardLanes.Outcome outcome = ShardLanes.on(observed).deliver(interleaved(), false, unit -> {
                String key = key(unit);
                if (key.equals("a-1")) {
                    await(bEntered);
                    throw boom;
                }
                if (key.equals("b-1")) {
                    bEntered.countDown();
                    await(laneEnded); // lane a failed and ended while lane b is at b-1: it ends before b-2
                }
                sent.add(key);
                return true;
            }, () -> true, acknowledged::add);

            assertSame(boom, outcome.failure());
            assertEquals(0, outcome.prefix());
            assertEquals(List.of("b-1"), sent);
        } finally {
            observed.shutdownNow();
        }
    }

    @Test
    void anErrorInALaneIsTheOutcomesErrorDuringPollException() {
        StackOverflowError error = new StackOverflowError();
        CountDownLatch a3 = new CountDownLatch(1);
        ShardLanes.Outcome outcome = ShardLanes.on(pool).deliver(interleaved(), false, unit -> {
            if (key(unit).equals("b-2")) {
                await(a3);
                throw error;
            }
            if (key(unit).equals("a-3")) {
                a3.countDown();
            }
            return true;
        }, () -> true, acknowledged::add);

        ErrorDuringPollException failure = assertInstanceOf(ErrorDuringPollException.class, outcome.failure());
        assertSame(error, failure.getCause());
        assertTrue(failure.getMessage().contains("lane 'shard s2'"), failure.getMessage());
        assertEquals(3, outcome.prefix(), "a-1 b-1 a-2, before b-2");
    }

    @Test
    void withBatchingEachLaneIsOneUnitOfItsShard() {
        List<List<String>> units = new CopyOnWriteArrayList<>();
        CountDownLatch laneA = new CountDownLatch(1);
        ShardLanes.Outcome outcome = ShardLanes.on(pool).deliver(interleaved(), true, unit -> {
            units.add(unit.stream().map(ChangeEvent::key).toList());
            if (key(unit).startsWith("b")) {
                await(laneA); // fails once lane a's batch went
                return false;
            }
            laneA.countDown();
            return true;
        }, () -> true, acknowledged::add);

        assertEquals(Set.of(List.of("a-1", "a-2", "a-3"), List.of("b-1", "b-2", "b-3")), Set.copyOf(units));
        assertEquals(1, outcome.prefix(), "the batch of lane b, from b-1 on, was not delivered");
    }

    @Test
    void oneLaneGoesOnTheCallingThreadInHandOutOrder() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<String> sent = new ArrayList<>();
        ShardLanes.Outcome outcome = ShardLanes.single().deliver(interleaved(), false, unit -> {
            threads.add(Thread.currentThread());
            sent.add(key(unit));
            return !key(unit).equals("b-2");
        }, () -> true, acknowledged::add);

        assertEquals(Set.of(Thread.currentThread()), threads);
        assertEquals(List.of("a-1", "b-1", "a-2", "b-2"), sent);
        assertEquals(3, outcome.prefix());
    }

    /**
     * One lane acknowledges each change before it sends the next, as the consumer did without lanes: a stop closes the
     * engine before the poll ends (a closed cluster engine takes no acknowledgement), so an acknowledgement after the
     * poll's last exchange would leave every change of the poll uncommitted.
     */
    @Test
    void oneLaneAcknowledgesEachChangeBeforeItSendsTheNext() {
        List<String> seen = new ArrayList<>();
        ShardLanes.Outcome outcome = ShardLanes.single().deliver(interleaved(), false, unit -> {
            seen.add(key(unit) + " after " + acknowledged);
            return !key(unit).equals("a-3");
        }, () -> true, acknowledged::add);

        assertEquals(List.of("a-1 after []", "b-1 after [1]", "a-2 after [1, 2]", "b-2 after [1, 2, 3]",
                "a-3 after [1, 2, 3, 4]"), seen);
        assertEquals(List.of(1, 2, 3, 4), acknowledged);
        assertEquals(4, outcome.prefix());
    }

    /**
     * Lane b waits at b-2 until a-1 and b-1 (and maybe a-2) were acknowledged: fails when the pool's lanes are
     * acknowledged only once they all ended. Each acknowledgement is made on the calling thread, and the prefixes only
     * grow.
     */
    @Test
    void theLanesOfThePoolAreAcknowledgedOnTheCallingThreadWhileTheyRun() {
        Set<Thread> acknowledging = ConcurrentHashMap.newKeySet();
        AtomicBoolean twoBeforeB2 = new AtomicBoolean();
        ShardLanes.Outcome outcome = ShardLanes.on(pool).deliver(interleaved(), false, unit -> {
            if (key(unit).equals("b-2")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (acknowledged.stream().noneMatch(p -> p >= 2) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                twoBeforeB2.set(acknowledged.stream().anyMatch(p -> p >= 2)); // a-2 may be too, b-2 not
            }
            return true;
        }, () -> true, prefix -> {
            acknowledging.add(Thread.currentThread());
            acknowledged.add(prefix);
        });

        assertTrue(twoBeforeB2.get(), "a-1 and b-1 acknowledged while lane b was at b-2: " + acknowledged);
        assertEquals(Set.of(Thread.currentThread()), acknowledging);
        assertEquals(6, outcome.prefix());
        assertEquals(6, acknowledged.get(acknowledged.size() - 1));
        for (int i = 1; i < acknowledged.size(); i++) {
            assertTrue(acknowledged.get(i) > acknowledged.get(i - 1), "only growing: " + acknowledged);
        }
    }

    /** The route stops while both lanes send: each ends after its exchange under way, the prefix as after a failure. */
    @Test
    void aStopWhileLanesRunEndsEachLaneAfterItsExchangeUnderWay() {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch bEntered = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        ShardLanes.Outcome outcome = ShardLanes.on(pool).deliver(interleaved(), false, unit -> {
            String key = key(unit);
            if (key.equals("a-2")) {
                await(bEntered);
                running.set(false); // the stop, while lane a sends a-2 and lane b sends b-1
                stopped.countDown();
            }
            if (key.equals("b-1")) {
                bEntered.countDown();
                await(stopped);
            }
            sent.add(key);
            return true;
        }, running::get, acknowledged::add);

        assertEquals(Set.of("a-1", "a-2", "b-1"), Set.copyOf(sent));
        assertEquals(3, outcome.prefix(), "a-1 b-1 a-2, before b-2");
        assertNull(outcome.failure());
    }

    @Test
    void aStoppedConsumerSendsNothingAndAShutDownPoolRunsNoLane() {
        List<String> sent = new CopyOnWriteArrayList<>();
        ShardLanes.Outcome stopped = ShardLanes.on(pool).deliver(interleaved(), false, unit -> sent.add(key(unit)),
                () -> false, acknowledged::add);
        assertEquals(0, stopped.prefix());
        assertEquals(List.of(), sent);
        assertEquals(List.of(), acknowledged);

        pool.shutdown();
        ShardLanes.Outcome refused = ShardLanes.on(pool).deliver(interleaved(), false, unit -> true, () -> true,
                acknowledged::add);
        assertEquals(0, refused.prefix());
        assertNull(refused.failure());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the other lane went on");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
