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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAL the stream needs is protected (issue 12 item 4): the stream is registered at the tick it would resume
 * after — the committed position or the earliest snapshot tick — never at the tick it has read, and the keep-alive
 * (item 8) runs on a timer, whatever the caller's pace.
 */
class WalProtectionTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();
    private final SnapshotProgressLogTest.ManualClock clock = new SnapshotProgressLogTest.ManualClock();

    private static ChangeStreamOptions.Builder options() {
        return FakeStreams.options();
    }

    private ChangeStream stream(ChangeStreamOptions.Builder options) {
        return new ChangeStream(source, options.build(), store, clock, null);
    }

    private void seed(int documents, String... collections) {
        for (String c : collections) {
            source.createCollection(c);
            for (int i = 0; i < documents; i++) {
                source.upsert(c, c + i);
            }
        }
    }

    private static List<ChangeEvent> catchUp(ChangeStream stream, FakeReplicationSource source) {
        return FakeStreams.catchUp(stream, source, events -> { });
    }

    private long committedTick(ChangeStream stream) {
        return stream.committedPosition().orElseThrow().from();
    }

    @Test
    void theStreamRegistersAtTheSnapshotTickOnceTheBatchExists() {
        seed(5, "a");
        long snapshotTick = source.lastTick();
        try (ChangeStream stream = stream(options())) {
            stream.poll(1);
            assertEquals(List.of(snapshotTick), source.registrations());
        }
    }

    @Test
    void theRegistrationStaysAtTheCommittedPositionWhileTheStreamReadsAhead() {
        seed(1, "a");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream, source);
            long committed = committedTick(stream);
            clock.advance(Duration.ofSeconds(11));
            stream.poll(10);
            assertEquals(committed, source.registeredTick());
            source.upsert("a", "x");
            source.upsert("a", "y");
            List<ChangeEvent> handedOut = stream.poll(10);
            assertEquals(List.of("x", "y"), handedOut.stream().map(ChangeEvent::key).toList());
            clock.advance(Duration.ofSeconds(11));
            stream.poll(10);
            assertEquals(committed, source.registeredTick(), "x and y were read, not delivered");
            source.purgeUnneeded(); // the server may purge what no registration needs
            stream.rewind(); // y failed: the stream goes back to its committed position
            List<ChangeEvent> again = stream.poll(10);
            assertEquals(List.of("x", "y"), again.stream().map(ChangeEvent::key).toList(), "still in the WAL");
            stream.commit(again.get(1));
            stream.poll(10);
            long afterY = committedTick(stream);
            assertEquals(afterY, source.registeredTick(), "moved with the committed position");
            source.upsert("a", "z");
            stream.commit(stream.poll(10).get(0));
            stream.poll(10);
            assertEquals(afterY, source.registeredTick(), "at most every registrationInterval");
            clock.advance(Duration.ofSeconds(10));
            stream.keepAlive();
            assertEquals(committedTick(stream), source.registeredTick(), "z's position, on the keep-alive");
        }
    }

    @Test
    void afterARestartTheSnapshotRegistersAtItsEarliestTickBeforeItsNewBatch() {
        seed(10, "a", "b");
        long firstTick = source.lastTick();
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> events = new ArrayList<>();
            while (events.stream().noneMatch(e -> e.position().completedCollections().contains("a"))) {
                events.addAll(stream.poll(3));
            }
            stream.commit(events.get(events.size() - 1));
            source.upsert("a", "a1");
            source.restart(); // the batch and the registration are gone
            stream.poll(3); // resumes with a new batch
            assertEquals(1, stream.metrics().snapshotResumes());
            List<Long> atCreation = source.registeredAtBatchCreation();
            assertEquals(2, atCreation.size(), "the first batch and the new one: " + atCreation);
            assertEquals(firstTick, atCreation.get(1),
                    "registered again at the earliest snapshot tick before the new batch was created");
        }
    }

    @Test
    void aResumedSnapshotStaysRegisteredAtItsEarliestTick() {
        seed(10, "a", "b");
        long firstTick = source.lastTick();
        try (ChangeStream stream = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            List<ChangeEvent> events = new ArrayList<>();
            while (events.stream().noneMatch(e -> e.position().completedCollections().contains("a"))) {
                events.addAll(stream.poll(3));
            }
            stream.commit(events.get(events.size() - 1));
            source.upsert("a", "a1"); // after the first snapshot tick: the tail must see it
            source.expireAllBatches();
            stream.poll(3); // resumes with a new batch at a later tick
            clock.advance(Duration.ofMinutes(11));
            stream.poll(3);
            assertTrue(source.registrations().stream().allMatch(tick -> tick == firstTick), source.registrations()
                    + " all at " + firstTick);
            source.purgeUnneeded();
            List<ChangeEvent> rest = catchUp(stream, source);
            assertTrue(rest.stream().anyMatch(e -> !e.snapshot() && "a1".equals(e.key())),
                    "the change after the first snapshot tick is still in the WAL: " + rest);
        }
    }

    @Test
    void theHandOffStaysProtectedWhenTheFirstTailCallFails() {
        seed(2, "a");
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> rows = stream.poll(2);
            stream.commit(rows.get(1));
            source.upsert("a", "after");
            source.failTailCall(1);
            assertThrows(ChangeStreamException.class, () -> stream.poll(10));
            assertTrue(source.liveBatches().isEmpty(), "the failed poll released the batch");
            source.purgeUnneeded();
            assertEquals(List.of("after"), catchUp(stream, source).stream().map(ChangeEvent::key).toList());
        }
    }

    @Test
    void aStopLeavesTheRegistrationAtTheCommittedPosition() {
        seed(1, "a");
        ChangeStream stream = stream(options());
        catchUp(stream, source);
        source.upsert("a", "x");
        stream.commit(stream.poll(10).get(0));
        stream.close();
        assertEquals(committedTick(stream), source.registeredTick());
        assertEquals(0, source.unregisterCalls());
    }

    @Test
    void unregisterOnStopRemovesTheRegistration() {
        seed(1, "a");
        ChangeStream stream = stream(options().unregisterOnStop(true));
        catchUp(stream, source);
        stream.close();
        assertNull(source.registeredTick());
        assertEquals(1, source.unregisterCalls());
    }

    @Test
    void anInitialOnlySnapshotRegistersNothing() {
        seed(3, "a");
        try (ChangeStream stream = stream(options().snapshotMode(SnapshotMode.INITIAL_ONLY).unregisterOnStop(true))) {
            while (!stream.isFinished()) {
                stream.poll(10);
            }
        }
        assertEquals(List.of(), source.registrations());
        assertEquals(0, source.unregisterCalls());
    }

    @Test
    void theTimerKeepsTheBatchAliveWhileTheCallerDoesNotPoll() throws Exception {
        seed(30, "a");
        source.batchesExpireOn(clock);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (ChangeStream stream = new ChangeStream(source, options().batchTtl(Duration.ofSeconds(3)).build(), store,
                clock, timer)) {
            stream.poll(1);
            for (int step = 0; step < 6; step++) { // a slow route: 6 s without a poll, twice the batch's ttl
                int extended = source.extendCalls();
                clock.advance(Duration.ofSeconds(1));
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (source.extendCalls() == extended) {
                    assertTrue(System.nanoTime() < deadline, "the timer extended the batch");
                    Thread.sleep(10);
                }
            }
            List<ChangeEvent> rest = new ArrayList<>();
            while (rest.stream().filter(ChangeEvent::snapshot).count() < 29) {
                rest.addAll(stream.poll(50));
            }
            assertEquals(0, stream.metrics().positionLostCount(), "the batch never expired");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aSnapshotWhoseBatchKeepsExpiringOnOneCollectionStopsInsteadOfLooping() {
        seed(2, "a");
        seed(40, "big");
        try (ChangeStream stream = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            List<ChangeEvent> events = new ArrayList<>();
            ChangeStreamException stalled = null;
            for (int poll = 0; poll < 50 && stalled == null; poll++) {
                try {
                    List<ChangeEvent> got = stream.poll(3);
                    events.addAll(got);
                    if (!got.isEmpty()) {
                        stream.commit(got.get(got.size() - 1));
                    }
                    if (events.stream().anyMatch(e -> "big".equals(e.collection()))) {
                        source.expireAllBatches(); // a server that loses the batch before 'big' is dumped
                    }
                } catch (ChangeStreamException e) {
                    stalled = e;
                }
            }
            assertTrue(stalled instanceof SnapshotStalledException, "stopped instead of dumping 'big' forever: "
                    + stalled);
            assertTrue(stalled.getMessage().contains("collection 'big'") && stalled.getMessage().contains("3 times")
                    && stalled.getMessage().contains("unknown to the server"), stalled.getMessage());
            assertEquals(2, stream.metrics().snapshotResumes(), "two resumes, then the stop");
            assertThrows(SnapshotStalledException.class, () -> stream.poll(3), "stays stopped");
        }
        try (ChangeStream restarted = stream(options())) {
            List<ChangeEvent> rest = catchUp(restarted, source);
            assertTrue(rest.stream().filter(ChangeEvent::snapshot).allMatch(e -> "big".equals(e.collection())),
                    "a restart resumes after the collections completed");
        }
    }

    @Test
    void withoutATimerTheSameSlowCallerCostsAResumedCollection() {
        seed(30, "a");
        source.batchesExpireOn(clock);
        try (ChangeStream stream = new ChangeStream(source, options().batchTtl(Duration.ofSeconds(3)).build(), store,
                clock, null)) {
            List<ChangeEvent> first = stream.poll(1);
            clock.advance(Duration.ofSeconds(6));
            List<ChangeEvent> rows = new ArrayList<>(first);
            rows.addAll(catchUp(stream, source));
            assertEquals(1, stream.metrics().snapshotResumes(), "the batch expired: a new one, collection a again");
            assertEquals(33, rows.stream().filter(ChangeEvent::snapshot).count(),
                    "the first chunk's 3 rows, then the whole collection again with the new batch");
        }
    }
}
