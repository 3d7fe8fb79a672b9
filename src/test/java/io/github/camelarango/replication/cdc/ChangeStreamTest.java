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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's flow against {@link FakeReplicationSource}: hand-off, crashes, lost positions, modes, commits. */
class ChangeStreamTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();
    private final ReplayedState sink = new ReplayedState();

    private static ChangeStreamOptions.Builder options() {
        return FakeStreams.options();
    }

    private ChangeStream stream(ChangeStreamOptions.Builder options) {
        return new ChangeStream(source, options.build(), store);
    }

    private void seed(int docsPerCollection, String... collections) {
        for (String c : collections) {
            source.createCollection(c);
            for (int i = 0; i < docsPerCollection; i++) {
                source.upsert(c, c + i);
            }
        }
    }

    /** Polls, applies and commits until the stream is level with the source. */
    private List<ChangeEvent> runUntilCaughtUp(ChangeStream stream) {
        return FakeStreams.catchUp(stream, source, sink::apply);
    }

    @Test
    void pollRefusesANonPositiveMaxEvents() {
        try (ChangeStream stream = stream(options())) {
            assertEquals("Invalid value for option maxEvents: '0'; allowed is a number > 0",
                    assertThrows(IllegalArgumentException.class, () -> stream.poll(0)).getMessage());
        }
    }

    @Test
    void snapshotThenTailHandsOffWithoutGapOrDuplicate() {
        seed(20, "a", "b");
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> first = stream.poll(5);
            sink.apply(first);
            assertTrue(first.stream().allMatch(e -> e.type() == ChangeType.SNAPSHOT_READ && e.snapshot()));
            // written after the batch: must come from the WAL only
            source.upsert("a", "a0");
            source.remove("b", "b3");
            source.transaction("a", "t1", "t2", "-a5");
            source.upsert("b", "new");
            List<ChangeEvent> rest = runUntilCaughtUp(stream);
            List<ChangeEvent> all = new ArrayList<>(first);
            all.addAll(rest);
            assertEquals(40, all.stream().filter(e -> e.type() == ChangeType.SNAPSHOT_READ).count(),
                    "each document of the snapshot exactly once");
            assertEquals(List.of("a0", "b3", "t1", "t2", "a5", "new"), all.stream().filter(e -> !e.snapshot())
                    .filter(e -> e.type().isDocumentChange()).map(ChangeEvent::key).toList(),
                    "every later change exactly once, in WAL order");
            assertEquals(source.state(), sink.state());
            assertTrue(source.liveBatches().isEmpty(), "the batch is deleted after the snapshot");
            assertEquals(ChangePosition.Phase.TAIL, stream.metrics().phase());
            assertEquals(0, stream.metrics().lagTicks());
            assertEquals(40L, stream.metrics().eventsByType().get(ChangeType.SNAPSHOT_READ));
            assertEquals(new ChangeStreamMetrics.CollectionProgress(20, true, OptionalLong.of(20)),
                    stream.metrics().snapshotProgress().get("a"));
        }
    }

    /**
     * A crash after the first rows of a new snapshot were delivered but before any commit: the restart must tail after
     * that snapshot's tick, or the removal of a delivered document made before the restart's own (later) snapshot
     * would never be delivered.
     */
    @Test
    void aSnapshotSavesItsStartingPointBeforeItsFirstRow() {
        seed(10, "a");
        ChangeStream crashed = stream(options());
        List<ChangeEvent> first = crashed.poll(3);
        sink.apply(first);
        assertEquals(List.of("a0", "a1", "a2"), first.stream().map(ChangeEvent::key).toList());
        ChangePosition saved = store.load("test").orElseThrow(() -> new AssertionError("no position saved before the "
                + "first rows of the snapshot were handed out"));
        assertTrue(saved.isSnapshot(), saved::toString);
        assertEquals(Set.of(), saved.completedCollections());
        assertEquals(first.get(0).position().snapshotTick(), saved.snapshotTick());
        // the old stream is abandoned without a commit or a close: a crash
        source.remove("a", "a0");
        try (ChangeStream restarted = stream(options())) {
            runUntilCaughtUp(restarted);
        }
        assertFalse(sink.state().getOrDefault("a", java.util.Map.of()).containsKey("a0"),
                "the removal of a0 after the first snapshot's tick arrives: " + sink.state());
        assertEquals(source.state(), sink.state());
    }

    /**
     * As above for the snapshot a lost position takes (RESNAPSHOT) while the caller acknowledged changes it has not
     * saved yet (it saves once per interval): the starting point covers them and is saved before the first row.
     */
    @Test
    void aNewSnapshotAfterALostPositionSavesItsStartingPointOverAcknowledgedChanges() {
        seed(5, "a");
        ChangeStream crashed = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT));
        runUntilCaughtUp(crashed);
        source.upsert("a", "x1");
        List<ChangeEvent> tail = crashed.poll(10);
        sink.apply(tail);
        assertEquals(List.of("x1"), tail.stream().map(ChangeEvent::key).toList());
        crashed.acknowledge(tail.get(0)); // delivered, its position not saved yet
        source.upsert("a", "x2");
        source.purgeUpTo(source.lastTick());
        List<ChangeEvent> rows = crashed.poll(2);
        sink.apply(rows);
        assertTrue(rows.stream().allMatch(e -> e.type() == ChangeType.SNAPSHOT_READ), rows::toString);
        ChangePosition saved = store.load("test").orElseThrow();
        assertTrue(saved.isSnapshot(), "the new snapshot's starting point is saved before its first row: " + saved);
        assertEquals(rows.get(0).position().snapshotTick(), saved.snapshotTick());
        // a crash: the old stream is abandoned
        source.remove("a", rows.get(0).key());
        try (ChangeStream restarted = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            runUntilCaughtUp(restarted);
        }
        assertEquals(source.state(), sink.state(), "the removal of " + rows.get(0).key() + " arrives");
    }

    @Test
    void crashesAtRandomMomentsStillConvergeAndRedeliverOnlyUncommittedEvents() {
        for (long seed = 1; seed <= 12; seed++) {
            FakeReplicationSource src = new FakeReplicationSource();
            InMemoryPositionStore positions = new InMemoryPositionStore();
            ReplayedState replica = new ReplayedState();
            Random random = new Random(seed);
            for (String c : List.of("a", "b", "c")) {
                src.createCollection(c);
                for (int i = 0; i < 15; i++) {
                    src.upsert(c, c + i);
                }
            }
            Set<String> delivered = new HashSet<>();
            ChangeStream stream = new ChangeStream(src, options().build(), positions);
            ChangePosition committedAtCrash = null;
            for (int step = 0; step < 60; step++) {
                writeRandomly(src, random);
                List<ChangeEvent> events = stream.poll(1 + random.nextInt(8));
                checkRedeliveries(events, delivered, committedAtCrash, "seed " + seed);
                replica.apply(events);
                boolean crash = random.nextInt(6) == 0;
                if (!events.isEmpty() && !(crash && random.nextBoolean())) {
                    stream.commit(events.get(events.size() - 1));
                }
                if (crash) {
                    committedAtCrash = positions.load("test").orElse(null);
                    stream = new ChangeStream(src, options().build(), positions); // the old one is abandoned
                }
            }
            while (true) {
                List<ChangeEvent> events = stream.poll(100);
                replica.apply(events);
                if (!events.isEmpty()) {
                    stream.commit(events.get(events.size() - 1));
                } else if (stream.committedPosition().map(p -> !p.isSnapshot()
                        && Long.compareUnsigned(p.from(), src.lastTick()) >= 0).orElse(false)) {
                    break;
                }
            }
            stream.close();
            assertEquals(src.state(), replica.state(), "seed " + seed);
        }
    }

    /**
     * Records the events as delivered, and checks that each one delivered before was allowed to come again after a
     * crash with {@code committedAtCrash} stored (null: no crash yet, or none committed).
     */
    static void checkRedeliveries(List<ChangeEvent> events, Set<String> delivered, ChangePosition committedAtCrash,
                                  String run) {
        for (ChangeEvent e : events) {
            if (!delivered.add(identity(e)) && committedAtCrash != null) {
                assertTrue(mayBeRedelivered(e, committedAtCrash),
                        run + ": " + e + " was redelivered although committed at " + committedAtCrash);
            }
        }
    }

    private static String identity(ChangeEvent e) {
        return e.type() + "|" + e.collection() + "|" + e.key() + "|" + e.rev() + "|" + e.tickString();
    }

    /** Whether a redelivery of {@code e} is allowed after a crash with {@code committed} stored. */
    static boolean mayBeRedelivered(ChangeEvent e, ChangePosition committed) {
        if (committed.isSnapshot()) {
            return e.snapshot() ? !committed.completedCollections().contains(e.collection())
                    : Long.compareUnsigned(e.tick(), committed.snapshotTick()) > 0;
        }
        return !e.snapshot() && Long.compareUnsigned(e.tick(), committed.from()) > 0;
    }

    private static void writeRandomly(FakeReplicationSource src, Random random) {
        String c = List.of("a", "b", "c").get(random.nextInt(3));
        String key = c + random.nextInt(25);
        switch (random.nextInt(4)) {
            case 0, 1 -> src.upsert(c, key);
            case 2 -> src.remove(c, key);
            default -> src.transaction(c, key, c + random.nextInt(25), "-" + c + random.nextInt(25));
        }
    }

    @Test
    void purgedWalFailsByDefaultWithAClearMessage() {
        seed(3, "a");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
        }
        source.upsert("a", "lost");
        source.purgeUpTo(source.lastTick());
        try (ChangeStream restarted = stream(options())) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> restarted.poll(10));
            assertTrue(e.getMessage().contains("no longer holds tick"), e.getMessage());
            assertTrue(e.getMessage().contains("positionLostPolicy=RESNAPSHOT"), e.getMessage());
            assertEquals(1, restarted.metrics().positionLostCount());
            assertThrows(PositionLostException.class, () -> restarted.poll(10), "stays failed");
        }
    }

    @Test
    void purgedWalWithResnapshotTakesANewSnapshot() {
        seed(3, "a");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
        }
        source.upsert("a", "missed");
        source.upsert("a", "a1");
        source.purgeUpTo(source.lastTick());
        try (ChangeStream restarted = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            List<ChangeEvent> events = runUntilCaughtUp(restarted);
            assertEquals(4, events.stream().filter(ChangeEvent::snapshot).count());
            assertEquals(source.state(), sink.state());
            assertEquals(1, restarted.metrics().positionLostCount());
        }
    }

    @Test
    void whenNeededModeResnapshotsWhateverThePolicy() {
        seed(2, "a");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
        }
        source.upsert("a", "missed");
        source.purgeUpTo(source.lastTick());
        try (ChangeStream restarted = stream(options().snapshotMode(SnapshotMode.WHEN_NEEDED))) {
            List<ChangeEvent> events = runUntilCaughtUp(restarted);
            assertEquals(3, events.stream().filter(ChangeEvent::snapshot).count());
            assertEquals(source.state(), sink.state());
        }
    }

    @Test
    void purgedWalWithSkipEmitsOneGapAndGoesOn() {
        seed(2, "a");
        long before;
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
            before = stream.committedPosition().orElseThrow().from();
        }
        source.upsert("a", "lost");
        long purged = source.lastTick();
        source.purgeUpTo(purged);
        try (ChangeStream restarted = stream(options().positionLostPolicy(PositionLostPolicy.SKIP))) {
            List<ChangeEvent> first = restarted.poll(10);
            assertEquals(1, first.size());
            ChangeEvent gap = first.get(0);
            assertEquals(ChangeType.GAP, gap.type());
            assertEquals(Long.toUnsignedString(before), gap.data().get("lostAfterTick").asText());
            assertEquals(Long.toUnsignedString(purged), gap.data().get("resumedAfterTick").asText());
            restarted.commit(gap);
            source.upsert("a", "later");
            List<ChangeEvent> later = runUntilCaughtUp(restarted);
            assertEquals(List.of("later"), later.stream().map(ChangeEvent::key).toList());
            assertFalse(sink.state().get("a").containsKey("lost"), "the skipped change is reported as a gap only");
            assertEquals(1, restarted.metrics().positionLostCount());
        }
    }

    @Test
    void aLostBatchResumesTheSnapshotWhateverThePolicy() {
        for (PositionLostPolicy policy : PositionLostPolicy.values()) {
            FakeReplicationSource src = new FakeReplicationSource();
            ReplayedState replica = new ReplayedState();
            for (String c : List.of("a", "b")) {
                src.createCollection(c);
                for (int i = 0; i < 10; i++) {
                    src.upsert(c, c + i);
                }
            }
            try (ChangeStream stream = new ChangeStream(src, options().positionLostPolicy(policy).build(),
                    new InMemoryPositionStore())) {
                List<ChangeEvent> events = new ArrayList<>();
                while (events.size() < 12) {
                    events.addAll(stream.poll(4));
                }
                replica.apply(events);
                stream.commit(events.get(events.size() - 1));
                src.upsert("b", "b1");
                src.expireAllBatches(); // the server lost it: nothing is lost, the registration holds the WAL
                FakeStreams.catchUp(stream, src, replica::apply);
                assertEquals(src.state(), replica.state(), policy.name());
                assertEquals(0, stream.metrics().positionLostCount(), policy.name());
                assertEquals(1, stream.metrics().snapshotResumes(), policy.name());
                assertTrue(src.liveBatches().isEmpty());
            }
        }
    }

    @Test
    void initialOnlyStopsAfterTheSnapshot() {
        seed(4, "a");
        try (ChangeStream stream = stream(options().snapshotMode(SnapshotMode.INITIAL_ONLY))) {
            List<ChangeEvent> events = new ArrayList<>();
            for (int i = 0; i < 20 && !stream.isFinished(); i++) {
                events.addAll(stream.poll(100));
            }
            assertTrue(stream.isFinished());
            assertEquals(4, events.size());
            assertEquals(0, source.tailCalls());
            assertTrue(stream.poll(10).isEmpty());
        }
    }

    @Test
    void neverModeTailsFromTheCurrentTick() {
        seed(4, "a");
        try (ChangeStream stream = stream(options().snapshotMode(SnapshotMode.NEVER))) {
            assertTrue(stream.poll(10).isEmpty());
            source.upsert("a", "after");
            List<ChangeEvent> events = runUntilCaughtUp(stream);
            assertEquals(List.of("after"), events.stream().map(ChangeEvent::key).toList());
        }
    }

    @Test
    void filteredChangesStillAdvanceTheStoredPosition() {
        seed(1, "a", "b");
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a")))) {
            runUntilCaughtUp(stream);
            long committed = stream.committedPosition().orElseThrow().from();
            source.upsert("b", "ignored");
            source.upsert("b", "ignored2");
            assertTrue(stream.poll(10).isEmpty());
            assertTrue(stream.poll(10).isEmpty());
            long now = store.load("test").orElseThrow().from();
            assertNotEquals(committed, now);
            assertEquals(source.lastTick(), now, "an idle, filtered stream saves its position itself");
        }
    }

    @Test
    void noAutomaticSaveWhileEventsAwaitTheirCommit() {
        seed(0, "a");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
            ChangePosition committed = store.load("test").orElseThrow();
            source.upsert("a", "x");
            List<ChangeEvent> events = stream.poll(10);
            assertEquals(1, events.size());
            stream.poll(10);
            stream.poll(10);
            assertEquals(committed, store.load("test").orElseThrow(), "the handed-out event is not committed yet");
            stream.commit(events.get(0));
            assertEquals(events.get(0).position(), store.load("test").orElseThrow());
        }
    }

    @Test
    void aCommitOlderThanTheCommittedOneIsIgnored() {
        seed(0, "a");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
            source.upsert("a", "x");
            source.upsert("a", "y");
            List<ChangeEvent> events = stream.poll(10);
            assertEquals(List.of("x", "y"), events.stream().map(ChangeEvent::key).toList());
            stream.commit(events.get(1)); // an asynchronous caller: y completes first
            stream.commit(events.get(0)); // x's commit arrives late: every event up to y was delivered
            assertEquals(events.get(1).position(), store.load("test").orElseThrow(),
                    "the stored position does not go back to x");
        }
    }

    @Test
    void rewindRedeliversUncommittedEvents() {
        seed(0, "a");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
            source.upsert("a", "x");
            source.upsert("a", "y");
            List<ChangeEvent> first = stream.poll(10);
            assertEquals(List.of("x", "y"), first.stream().map(ChangeEvent::key).toList());
            stream.commit(first.get(0));
            stream.rewind();
            List<ChangeEvent> again = stream.poll(10);
            assertEquals(List.of("y"), again.stream().map(ChangeEvent::key).toList());
        }
    }

    @Test
    void rewindResumesFromTheCommittedPositionEvenInAlwaysMode() {
        seed(3, "a");
        try (ChangeStream stream = stream(options().snapshotMode(SnapshotMode.ALWAYS))) {
            assertEquals(3, runUntilCaughtUp(stream).stream().filter(ChangeEvent::snapshot).count());
            source.upsert("a", "x");
            assertEquals(List.of("x"), stream.poll(10).stream().map(ChangeEvent::key).toList());
            stream.rewind();
            assertEquals(List.of("x"), stream.poll(10).stream().map(ChangeEvent::key).toList(),
                    "the uncommitted change again, and no new snapshot");
        }
    }

    @Test
    void closeDuringSnapshotDeletesTheBatch() {
        seed(10, "a");
        ChangeStream stream = stream(options());
        stream.poll(2);
        assertEquals(1, source.liveBatches().size());
        stream.close();
        assertTrue(source.liveBatches().isEmpty());
        assertEquals(1, source.deletedBatches().size());
        assertThrows(IllegalStateException.class, () -> stream.poll(1));
    }

    @Test
    void restartAfterCompletedCollectionsDumpsOnlyTheRest() {
        seed(5, "a", "b");
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> events = new ArrayList<>();
            while (events.stream().noneMatch(e -> e.position().completedCollections().contains("a"))) {
                events.addAll(stream.poll(1));
            }
            sink.apply(events);
            stream.commit(events.get(events.size() - 1));
        }
        source.upsert("a", "a1");
        try (ChangeStream restarted = stream(options())) {
            List<ChangeEvent> events = runUntilCaughtUp(restarted);
            assertTrue(events.stream().filter(ChangeEvent::snapshot).allMatch(e -> e.collection().equals("b")),
                    "only the collection not completed is dumped again");
            assertEquals(source.state(), sink.state());
        }
    }

    @Test
    void closeEndsAnIdleWaitAtOnce() throws Exception {
        seed(1, "a");
        ChangeStream stream = stream(options().snapshotMode(SnapshotMode.NEVER).idleMinWait(Duration.ofSeconds(20))
                .idleMaxWait(Duration.ofSeconds(20)));
        stream.poll(10); // idle answer: the next poll waits 20 s
        int callsBefore = source.tailCalls();
        Thread closer = new Thread(() -> {
            sleepQuietly(200);
            stream.close();
        });
        long started = System.nanoTime();
        closer.start();
        assertTrue(stream.poll(10).isEmpty());
        closer.join();
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "close cut the 20 s wait short");
        assertEquals(callsBefore, source.tailCalls(), "no tail call after close");
    }

    @Test
    void dumpChunksGrowByAQuarterUpToTheMaximumAndRestartPerCollection() {
        seed(60, "a", "b");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
        }
        List<Integer> sizes = source.dumpChunkSizes();
        assertEquals(List.of(300, 375, 469, 586, 733, 916, 1000, 1000), sizes.subList(0, 8));
        int secondCollection = sizes.lastIndexOf(300);
        assertTrue(secondCollection > 0, "the second collection starts again at the initial size: " + sizes);
    }

    @Test
    void dumpThatStopsAdvancingEndsTheCollectionInsteadOfLooping() {
        seed(5, "a");
        source.makeDumpStuck();
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.addAll(stream.poll(100));
            }
            assertTrue(source.dumpChunkSizes().size() <= 3, "stopped after lastincluded repeated: "
                    + source.dumpChunkSizes());
            assertEquals(ChangePosition.Phase.TAIL, stream.metrics().phase());
        }
    }

    @Test
    void transactionSplitAcrossTailAnswersIsHeldAndCounted() {
        seed(0, "a");
        try (ChangeStream stream = stream(options())) {
            runUntilCaughtUp(stream);
            long committedBefore = store.load("test").orElseThrow().from();
            String[] keys = java.util.stream.IntStream.range(0, 70).mapToObj(Integer::toString).toArray(String[]::new);
            source.transaction("a", keys); // 72 markers; the fake answers 4 per call, a poll makes at most 16 calls
            List<ChangeEvent> first = stream.poll(1);
            assertTrue(first.isEmpty(), "nothing of the open transaction: " + first);
            assertEquals(1, stream.metrics().openTransactions());
            assertEquals(63, stream.metrics().bufferedTransactionEvents(), "16 answers of 4 markers, less the begin");
            assertEquals(committedBefore, store.load("test").orElseThrow().from(),
                    "no position inside the open transaction was saved");
            List<ChangeEvent> rest = runUntilCaughtUp(stream);
            assertEquals(List.of(keys), rest.stream().map(ChangeEvent::key).toList());
            assertEquals(0, stream.metrics().openTransactions());
        }
    }

    @Test
    void transactionBeyondTheBufferIsStreamedWholeWithThePositionHeldUntilItsCommit() {
        seed(0, "a");
        String[] keys = new String[3_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "t" + i;
        }
        try (ChangeStream stream = stream(options().transactionBufferSize(4096))) {
            runUntilCaughtUp(stream);
            ChangePosition before = stream.committedPosition().orElseThrow();
            source.transaction("a", keys);
            long commitTick = source.lastTick();
            List<ChangeEvent> delivered = new ArrayList<>();
            while (delivered.size() < keys.length) {
                List<ChangeEvent> events = stream.poll(100);
                delivered.addAll(events);
                sink.apply(events);
                if (!events.isEmpty()) {
                    stream.commit(events.get(events.size() - 1));
                }
                if (delivered.size() < keys.length) {
                    assertEquals(before.from(), store.load("test").orElseThrow().from(),
                            "no position inside the transaction is committed (" + delivered.size() + " delivered)");
                }
            }
            assertEquals(List.of(keys), delivered.stream().map(ChangeEvent::key).toList());
            assertTrue(delivered.subList(0, keys.length - 1).stream().allMatch(e -> e.position().from() < commitTick
                    && e.position().from() == before.from()), "each streamed event carries the position before it");
            runUntilCaughtUp(stream);
            assertEquals(commitTick, store.load("test").orElseThrow().from(), "the commit marker moves the position");
            assertEquals(source.state(), sink.state());
            assertTrue(stream.failure().isEmpty());
            assertEquals(0, stream.metrics().bufferedTransactionEvents());
        }
    }

    @Test
    void aStopInsideAStreamedTransactionReplaysItWhole() {
        seed(0, "a");
        String[] keys = new String[500];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "t" + i;
        }
        try (ChangeStream stream = stream(options().transactionBufferSize(2048))) {
            runUntilCaughtUp(stream);
            source.transaction("a", keys);
            List<ChangeEvent> firstRun = new ArrayList<>();
            while (firstRun.size() < 200) {
                List<ChangeEvent> events = stream.poll(50);
                firstRun.addAll(events);
                if (!events.isEmpty()) {
                    stream.commit(events.get(events.size() - 1));
                }
            }
            assertEquals("t0", firstRun.get(0).key(), "streamed before its commit marker was read");
        }
        try (ChangeStream restarted = stream(options().transactionBufferSize(2048))) {
            List<ChangeEvent> replay = runUntilCaughtUp(restarted);
            assertEquals(List.of(keys), replay.stream().map(ChangeEvent::key).toList(),
                    "the restart delivers the transaction again from its first change");
        }
    }

    @Test
    void batchIsExtendedEveryThirdOfItsTtlFromThePollLoop() {
        seed(30, "a");
        SnapshotProgressLogTest.ManualClock clock = new SnapshotProgressLogTest.ManualClock();
        try (ChangeStream stream = new ChangeStream(source, options().batchTtl(Duration.ofSeconds(30)).build(), store,
                clock, null)) {
            stream.poll(1);
            clock.advance(Duration.ofSeconds(5));
            stream.poll(1);
            assertEquals(0, source.extendCalls(), "used 5 s ago: not due");
            clock.advance(Duration.ofSeconds(11));
            stream.poll(1);
            assertEquals(1, source.extendCalls(), "10 s (a third of 30 s) since the last use");
        }
    }

    @Test
    void batchGuardsTheWalUntilTheFirstTailCallSucceeded() {
        seed(2, "a");
        try (ChangeStream stream = stream(options())) {
            assertEquals(2, stream.poll(2).size());
            assertEquals(0, source.tailCalls());
            assertEquals(1, source.liveBatches().size(), "snapshot complete, tail not started: batch kept");
            stream.poll(10);
            assertEquals(1, source.tailCalls());
            assertTrue(source.liveBatches().isEmpty(), "released after the first tail answer");
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
