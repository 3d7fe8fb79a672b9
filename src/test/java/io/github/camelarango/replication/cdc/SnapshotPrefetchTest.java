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
package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot's prefetch and parallel dumps against {@link FakeReplicationSource}: a chunk asked for ahead, the
 * collections interleaved yet each in dump order, and the rules that must survive them (restart, rewind, a lost batch,
 * a failed dump call, close).
 */
class SnapshotPrefetchTest {

    /** Runs each dump call at once, on the caller's thread: the prefetch made deterministic. */
    private static final java.util.concurrent.Executor AT_ONCE = Runnable::run;

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();
    private final ReplayedState sink = new ReplayedState();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopThreads() throws InterruptedException {
        timer.shutdownNow();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    private ChangeStream stream(int parallelism, java.util.concurrent.Executor fetcher) {
        return stream(source, store, parallelism, fetcher);
    }

    private ChangeStream stream(FakeReplicationSource src, InMemoryPositionStore positions, int parallelism,
                                java.util.concurrent.Executor fetcher) {
        return new ChangeStream(src, FakeStreams.options().snapshotParallelism(parallelism).build(), positions,
                Clock.systemUTC(), timer, fetcher);
    }

    private void seed(FakeReplicationSource src, int documents, String... collections) {
        for (String c : collections) {
            src.createCollection(c);
            for (int i = 0; i < documents; i++) {
                src.upsert(c, c + i);
            }
        }
    }

    @Test
    void theNextChunkIsAskedForWhileTheCurrentOneIsDelivered() {
        seed(source, 20, "a");
        try (ChangeStream stream = stream(1, AT_ONCE)) {
            List<ChangeEvent> first = stream.poll(3); // the first chunk: 300 bytes, 3 documents
            assertEquals(List.of("a0", "a1", "a2"), first.stream().map(ChangeEvent::key).toList());
            assertEquals(List.of(300, 375), source.dumpChunkSizes(), "the second chunk is on its way already");
            List<ChangeEvent> all = new ArrayList<>(first);
            all.addAll(FakeStreams.catchUp(stream, source, sink::apply));
            assertEquals(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "a" + i).toList(),
                    all.stream().filter(ChangeEvent::snapshot).map(ChangeEvent::key).toList(), "in dump order, once");
            assertTrue(source.liveBatches().isEmpty());
        }
    }

    @Test
    void withoutAFetcherEachChunkIsAskedForWhenFetched() {
        seed(source, 20, "a");
        try (ChangeStream stream = stream(4, null)) {
            stream.poll(3);
            assertEquals(List.of(300), source.dumpChunkSizes());
        }
    }

    @Test
    void parallelDumpsInterleaveTheCollectionsEachInDumpOrder() {
        seed(source, 12, "a");
        seed(source, 6, "b");
        seed(source, 4, "c");
        List<ChangeEvent> events;
        try (ChangeStream stream = stream(2, AT_ONCE)) {
            events = FakeStreams.catchUp(stream, source, sink::apply);
        }
        List<ChangeEvent> rows = events.stream().filter(ChangeEvent::snapshot).toList();
        Map<String, List<String>> byCollection = new HashMap<>();
        rows.forEach(e -> byCollection.computeIfAbsent(e.collection(), c -> new ArrayList<>()).add(e.key()));
        for (String c : List.of("a", "b", "c")) {
            int n = c.equals("a") ? 12 : c.equals("b") ? 6 : 4;
            assertEquals(java.util.stream.IntStream.range(0, n).mapToObj(i -> c + i).toList(), byCollection.get(c),
                    "collection " + c + " in dump order, each document once");
        }
        // each fetch takes the first collection under way (in the order they began) whose chunk is there, and puts
        // it last: a0-a2, b0-b2, a3-a5, b3-b5 (b done, c begins after a), a6-a9, c0-c2, a10-a11 (a done), c3
        assertEquals(List.of("a", "b", "a", "b", "a", "c", "a", "c"), runs(rows));
        Set<String> open = new LinkedHashSet<>();
        Set<String> done = new HashSet<>();
        for (ChangeEvent e : rows) {
            open.add(e.collection());
            assertTrue(open.size() - done.size() <= 2, "at most two collections under way: " + open + " " + done);
            ChangePosition p = e.position();
            if (p.isSnapshot()) {
                assertFalse(p.completedCollections().contains(e.collection()) && !lastOf(rows, e),
                        "a collection is completed only by its last row: " + e);
                done.addAll(p.completedCollections());
            }
        }
        ChangeEvent lastOfB = rows.stream().filter(e -> e.collection().equals("b")).reduce((x, y) -> y).orElseThrow();
        assertEquals(Set.of("b"), lastOfB.position().completedCollections(), "b completed while a was under way");
        assertFalse(rows.get(rows.size() - 1).position().isSnapshot(), "the last row hands over to the tail");
        assertEquals(source.state(), sink.state());
    }

    private static boolean lastOf(List<ChangeEvent> rows, ChangeEvent row) {
        return rows.stream().filter(e -> e.collection().equals(row.collection())).reduce((x, y) -> y).orElseThrow()
                == row;
    }

    /** The collections of consecutive runs of rows. */
    private static List<String> runs(List<ChangeEvent> rows) {
        List<String> runs = new ArrayList<>();
        for (ChangeEvent e : rows) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(e.collection())) {
                runs.add(e.collection());
            }
        }
        return runs;
    }

    @ParameterizedTest(name = "snapshotParallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void crashesDuringAParallelSnapshotConvergeAndRepeatOnlyIncompleteCollections(int parallelism) {
        for (long seed = 1; seed <= 8; seed++) {
            FakeReplicationSource src = new FakeReplicationSource();
            InMemoryPositionStore positions = new InMemoryPositionStore();
            ReplayedState replica = new ReplayedState();
            Random random = new Random(seed);
            seed(src, 15, "a", "b", "c", "d");
            Set<String> delivered = new HashSet<>();
            ChangeStream stream = stream(src, positions, parallelism, pool);
            ChangePosition committedAtCrash = null;
            for (int step = 0; step < 60; step++) {
                String c = List.of("a", "b", "c", "d").get(random.nextInt(4));
                if (random.nextBoolean()) {
                    src.upsert(c, c + random.nextInt(20));
                } else {
                    src.remove(c, c + random.nextInt(20));
                }
                List<ChangeEvent> events = stream.poll(1 + random.nextInt(8));
                ChangeStreamTest.checkRedeliveries(events, delivered, committedAtCrash, "seed " + seed);
                replica.apply(events);
                boolean crash = random.nextInt(6) == 0;
                if (!events.isEmpty() && !(crash && random.nextBoolean())) {
                    stream.commit(events.get(events.size() - 1));
                }
                if (crash) {
                    committedAtCrash = positions.load("test").orElse(null);
                    stream.close(); // a stop: its prefetch is dropped, its batch deleted
                    stream = stream(src, positions, parallelism, pool);
                }
            }
            FakeStreams.catchUp(stream, src, replica::apply);
            stream.close();
            assertEquals(src.state(), replica.state(), "seed " + seed);
            assertTrue(src.liveBatches().isEmpty(), "seed " + seed + ": every batch deleted");
        }
    }

    @Test
    void aRewindWithAPrefetchedChunkInHandDeliversTheUncommittedRowsAgain() {
        seed(source, 10, "a", "b");
        try (ChangeStream stream = stream(2, pool)) {
            List<ChangeEvent> committed = stream.poll(3);
            stream.commit(committed.get(committed.size() - 1));
            List<ChangeEvent> failed = stream.poll(3); // the route fails on these; more chunks are on their way
            assertEquals(3, failed.size());
            stream.rewind();
            assertEquals(List.of("1"), source.deletedBatches(), "the batch of the dropped chunks is deleted");
            List<ChangeEvent> again = new ArrayList<>();
            while (again.stream().filter(ChangeEvent::snapshot).count() < 20) {
                List<ChangeEvent> events = stream.poll(50);
                again.addAll(events);
                sink.apply(events);
                if (!events.isEmpty()) {
                    stream.commit(events.get(events.size() - 1));
                }
            }
            Set<String> keys = new HashSet<>();
            again.stream().filter(ChangeEvent::snapshot).forEach(e -> keys.add(e.key()));
            failed.forEach(e -> assertTrue(keys.contains(e.key()), e + " delivered again"));
            assertEquals(20, keys.size(), "no collection was completed: both are dumped again, whole");
            FakeStreams.catchUp(stream, source, sink::apply);
            assertEquals(source.state(), sink.state());
        }
        assertTrue(source.liveBatches().isEmpty());
    }

    @Test
    void aBatchLostDuringAParallelSnapshotResumesWithTheIncompleteCollectionsOnly() {
        seed(source, 3, "a");
        seed(source, 30, "b", "c");
        List<ChangeEvent> before = new ArrayList<>();
        try (ChangeStream stream = stream(3, pool)) {
            while (before.stream().noneMatch(e -> e.position().completedCollections().contains("a"))) {
                List<ChangeEvent> events = stream.poll(2);
                before.addAll(events);
                sink.apply(events);
                if (!events.isEmpty()) {
                    stream.commit(events.get(events.size() - 1));
                }
            }
            source.upsert("b", "during");
            source.expireAllBatches();
            List<ChangeEvent> after = FakeStreams.catchUp(stream, source, sink::apply);
            assertEquals(1, stream.metrics().snapshotResumes());
            assertEquals(0, stream.metrics().positionLostCount());
            assertTrue(after.stream().filter(ChangeEvent::snapshot).noneMatch(e -> e.collection().equals("a")),
                    "the completed collection is not dumped again");
            assertEquals(Set.of("b0", "b29", "c0", "c29"), keysOf(after, Set.of("b0", "b29", "c0", "c29")),
                    "the incomplete collections are dumped again, whole");
        }
        assertEquals(source.state(), sink.state());
        assertTrue(source.liveBatches().isEmpty());
    }

    @ParameterizedTest(name = "fetcher {0}")
    @ValueSource(strings = {"at once", "pool"})
    void aBatchThatKeepsExpiringWhileTwoCollectionsAreUnderWayStopsTheSnapshot(String how) {
        for (int sizes = 1; sizes <= 6; sizes++) {
            expiringBatchStops(how, sizes);
        }
    }

    private void expiringBatchStops(String how, int pollSize) {
        FakeReplicationSource source = new FakeReplicationSource();
        seed(source, 40, "big1", "big2");
        try (ChangeStream stream = stream(source, new InMemoryPositionStore(), 2, how.equals("pool") ? pool : AT_ONCE)) {
            ChangeStreamException stalled = null;
            for (int poll = 0; poll < 60 && stalled == null; poll++) {
                try {
                    List<ChangeEvent> got = stream.poll(pollSize);
                    if (!got.isEmpty()) {
                        stream.commit(got.get(got.size() - 1));
                    }
                    if (got.stream().anyMatch(ChangeEvent::snapshot)) {
                        source.expireAllBatches(); // a server that loses every batch before a collection is dumped
                    }
                } catch (ChangeStreamException e) {
                    stalled = e;
                }
            }
            assertTrue(stalled instanceof SnapshotStalledException, "polls of " + pollSize + ": stopped instead of "
                    + "dumping both collections forever (resumes: " + stream.metrics().snapshotResumes() + "): " + stalled);
            assertTrue(stalled.getMessage().contains("3 times"), stalled.getMessage());
            assertEquals(2, stream.metrics().snapshotResumes(), "two resumes, then the stop");
        }
    }

    private static Set<String> keysOf(List<ChangeEvent> events, Set<String> wanted) {
        Set<String> keys = new HashSet<>();
        events.stream().filter(ChangeEvent::snapshot).map(ChangeEvent::key).filter(wanted::contains).forEach(keys::add);
        return keys;
    }

    @Test
    void aFailedPrefetchedDumpCallFailsOnePollAndTheSnapshotGoesOnWithANewBatch() {
        seed(source, 20, "a", "b");
        try (ChangeStream stream = stream(2, pool)) {
            List<ChangeEvent> first = stream.poll(3);
            sink.apply(first);
            stream.commit(first.get(first.size() - 1));
            source.failDumpCall(2); // one of the calls asked for ahead: its chunk is lost on the server
            List<ChangeEvent> events = new ArrayList<>();
            ChangeStreamException failure = assertThrows(ChangeStreamException.class, () -> {
                while (true) {
                    events.addAll(stream.poll(3));
                }
            });
            assertEquals("dump: connection reset (fake)", failure.getMessage());
            sink.apply(events);
            FakeStreams.catchUp(stream, source, sink::apply);
            assertEquals(source.state(), sink.state());
            assertEquals(1, stream.metrics().snapshotResumes());
        }
        assertTrue(source.liveBatches().isEmpty());
    }

    @Test
    void aFetcherThatRefusesTheDumpCallsLeavesThemToThePoll() {
        seed(source, 12, "a");
        seed(source, 6, "b");
        java.util.concurrent.Executor refusing = task -> {
            throw new java.util.concurrent.RejectedExecutionException("saturated (test)");
        };
        List<ChangeEvent> events;
        try (ChangeStream stream = stream(2, refusing)) {
            events = FakeStreams.catchUp(stream, source, sink::apply);
            assertEquals(0, stream.metrics().snapshotResumes(), "no dump call failed");
        }
        assertEquals(18, events.stream().filter(ChangeEvent::snapshot).count(), "each document once");
        assertEquals(source.state(), sink.state());
        assertTrue(source.liveBatches().isEmpty());
    }

    @Test
    void closeDropsAPrefetchNotBegunWithoutWaitingForTheFetcher() {
        seed(source, 20, "a");
        AtomicInteger submitted = new AtomicInteger();
        java.util.concurrent.Executor late = task -> pool.execute(() -> {
            if (submitted.incrementAndGet() == 2) { // the prefetch of the second chunk starts late
                sleep(500);
            }
            task.run();
        });
        ChangeStream stream = stream(1, late);
        assertEquals(3, stream.poll(3).size());
        long before = System.nanoTime();
        stream.close();
        assertTrue(System.nanoTime() - before < TimeUnit.MILLISECONDS.toNanos(400), "close did not wait for it");
        assertTrue(source.liveBatches().isEmpty());
        sleep(700); // the dropped task runs now
        assertEquals(List.of(300), source.dumpChunkSizes(), "the dropped prefetch made no dump call");
        assertEquals(2, submitted.get(), "nothing asked for after close");
    }

    @Test
    void closeWaitsForADumpCallUnderWayBeforeDeletingTheBatch() {
        seed(source, 20, "a");
        AtomicInteger submitted = new AtomicInteger();
        java.util.concurrent.CountDownLatch serverBusy = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Executor slow = task -> pool.execute(() -> {
            if (submitted.incrementAndGet() == 2) { // the prefetch of the second chunk meets a slow server
                pool.execute(() -> {
                    synchronized (source) {
                        serverBusy.countDown();
                        sleep(500);
                    }
                });
                await(serverBusy);
            }
            task.run();
        });
        ChangeStream stream = stream(1, slow);
        assertEquals(3, stream.poll(3).size());
        assertTrue(await(serverBusy));
        sleep(100); // the dump call began and waits for the server
        stream.close();
        assertEquals(List.of(300, 375), source.dumpChunkSizes(), "the call under way ended before the batch's delete");
        assertTrue(source.liveBatches().isEmpty());
    }

    private static boolean await(java.util.concurrent.CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void snapshotParallelismIsCheckedWithTheOneErrorShape() {
        assertEquals("Invalid value for option snapshotParallelism: '0'; allowed is 1 to 16 collections",
                assertThrows(IllegalArgumentException.class,
                        () -> ChangeStreamOptions.builder().snapshotParallelism(0)).getMessage());
        assertEquals("Invalid value for option snapshotParallelism: '17'; allowed is 1 to 16 collections",
                assertThrows(IllegalArgumentException.class,
                        () -> ChangeStreamOptions.builder().snapshotParallelism(17)).getMessage());
    }
}
