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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import io.github.camelarango.replication.client.WalMarker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tick rules of docs/protocol.md §7.1 against scripted wal/tail answers (the gotchas of §0.3). */
class WalTailerTest {

    /** Answers wal/tail calls from a script and records the requests. */
    static final class ScriptedTail implements ReplicationSource {
        final Deque<TailChunk> answers = new ArrayDeque<>();
        final List<TailRequest> requests = new ArrayList<>();
        long oldestTick;
        /** How long each call takes. */
        long callMillis;

        @Override
        public String database() {
            return "shop";
        }

        @Override
        public TailChunk tail(TailRequest request) {
            requests.add(request);
            if (callMillis > 0) {
                try {
                    Thread.sleep(callMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return answers.remove();
        }

        @Override
        public BatchInfo createBatch(Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void extendBatch(String batchId, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteBatch(String batchId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CollectionInfo> inventory(String batchId, boolean includeSystem) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DumpChunk dump(String batchId, String collection, int chunkSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long collectionCount(String collection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long lastTick() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String serverId() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void register(long tick) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unregister() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long oldestTick() {
            return oldestTick;
        }
    }

    private final ScriptedTail source = new ScriptedTail();
    private final List<StreamStep> out = new ArrayList<>();

    private WalTailer tailer(long from, Set<String> include, Duration idleMin) {
        return tailer(from, include, idleMin, null);
    }

    private WalTailer tailer(long from, Set<String> include, Duration idleMin, Executor prefetch) {
        ChangeStreamOptions options = StreamRun.options().includeCollections(include).build();
        ChangeFilter filter = options.filter();
        WalEventAssembler assembler = new WalEventAssembler("shop", new CollectionCatalog(filter),
                new TransactionBuffer(1024 * 1024, 100), ChangePosition.tail(from, 0), options, new ChangeStreamMetrics());
        return new WalTailer(source, assembler, new IdleBackoff(idleMin, idleMin.multipliedBy(4)), new IdleWait(),
                new ChangeStreamMetrics(), new PositionStamp(), 16384, filter, prefetch);
    }

    private static ReplicationSource.TailChunk answer(boolean fromPresent, long lastIncluded, long lastScanned,
                                                      long lastTick, boolean checkMore, WalMarker... markers) {
        return new ReplicationSource.TailChunk(fromPresent, lastIncluded, lastScanned, lastTick, checkMore,
                List.of(markers));
    }

    @Test
    void emptyAnswerWithLastIncludedZeroNeverResetsFrom() {
        WalTailer tailer = tailer(189479, Set.of(), Duration.ZERO);
        source.answers.add(answer(true, 0, 189479, 189479, false));
        source.answers.add(answer(true, 0, 189479, 189479, false));
        tailer.fetch(out::add);
        tailer.fetch(out::add);
        assertEquals(189479, source.requests.get(1).from());
        assertEquals(189479, source.requests.get(1).lastScanned());
        assertEquals(ChangePosition.tail(189479, 189479), out.get(out.size() - 1).position());
    }

    @Test
    void lastScannedBeforeFromKeepsFromMonotonic() {
        WalTailer tailer = tailer(189438, Set.of(), Duration.ZERO);
        source.answers.add(answer(true, 0, 189435, 189438, false)); // real 3.12 example
        source.answers.add(answer(true, 0, 189435, 189438, false));
        tailer.fetch(out::add);
        tailer.fetch(out::add);
        assertEquals(189438, source.requests.get(1).from());
        assertEquals(189435, source.requests.get(1).lastScanned(), "lastScanned is sent back as the server said");
    }

    @Test
    void filteredTrailingMarkersMoveFromToLastScannedMinusOne() {
        WalTailer tailer = tailer(189495, Set.of(), Duration.ZERO);
        source.answers.add(answer(true, 0, 189505, 189505, false));
        source.answers.add(answer(true, 0, 189505, 189505, false));
        tailer.fetch(out::add);
        tailer.fetch(out::add);
        assertEquals(189504, source.requests.get(1).from());
    }

    @Test
    void markersAdvanceFromToLastIncludedAndCheckMoreAsksAgainAtOnce() {
        WalTailer tailer = tailer(100, Set.of(), Duration.ofSeconds(30));
        source.answers.add(answer(true, 102, 105, 200, true,
                Markers.upsert("101", "0", Markers.CUID_A, "a", "1"), Markers.upsert("102", "0", Markers.CUID_A, "a", "2")));
        source.answers.add(answer(true, 0, 200, 200, false));
        assertTrue(tailer.fetch(out::add), "checkmore");
        long started = System.nanoTime();
        assertFalse(tailer.fetch(out::add));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "no idle wait after checkmore");
        assertEquals(102, source.requests.get(1).from());
        assertEquals(105, source.requests.get(1).lastScanned());
        assertEquals(199, tailer.from(), "nothing visible up to 200: from moves to lastScanned - 1");
        assertEquals(2, out.stream().filter(StreamStep::isEvent).count());
    }

    @Test
    void theCallMadeAheadAsksWhatTheNextFetchWouldAndIsTheOneItUses() {
        TailPrefetchTest.HeldCalls ahead = new TailPrefetchTest.HeldCalls();
        WalTailer tailer = tailer(100, Set.of(), Duration.ofSeconds(30), ahead);
        source.answers.add(answer(true, 102, 105, 200, true,
                Markers.upsert("101", "0", Markers.CUID_A, "a", "1"), Markers.upsert("102", "0", Markers.CUID_A, "a", "2")));
        source.answers.add(answer(true, 0, 200, 200, false));
        assertTrue(tailer.fetch(out::add));
        assertEquals(1, ahead.held(), "one call ahead after a checkmore answer");
        ahead.runAll();
        assertEquals(2, source.requests.size());
        assertEquals(102, source.requests.get(1).from());
        assertEquals(105, source.requests.get(1).lastScanned(), "lastScanned is sent back by the call ahead");
        long started = System.nanoTime();
        assertFalse(tailer.fetch(out::add));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "no idle wait before it");
        assertEquals(2, source.requests.size(), "the fetch used the answer made ahead");
        assertEquals(199, tailer.from());
        assertEquals(0, ahead.held(), "no call ahead after an answer without checkmore: the next one waits");
    }

    @Test
    void atMostOneCallIsAheadAndCloseDropsIt() {
        TailPrefetchTest.HeldCalls ahead = new TailPrefetchTest.HeldCalls();
        WalTailer tailer = tailer(100, Set.of(), Duration.ZERO, ahead);
        source.answers.add(answer(true, 101, 101, 200, true, Markers.upsert("101", "0", Markers.CUID_A, "a", "1")));
        source.answers.add(answer(true, 102, 102, 200, true, Markers.upsert("102", "0", Markers.CUID_A, "a", "2")));
        tailer.fetch(out::add);
        tailer.fetch(out::add); // takes the call ahead itself: the executor has not run it
        assertEquals(2, source.requests.size());
        assertEquals(2, ahead.held(), "the first call ahead was made by the fetch; one more is ahead");
        tailer.close();
        ahead.runAll();
        assertEquals(2, source.requests.size(), "neither the taken nor the dropped call is made again");
    }

    @Test
    void purgedWalIsReportedBeforeAnythingIsUsed() {
        WalTailer tailer = tailer(500, Set.of(), Duration.ZERO);
        source.answers.add(answer(false, 900, 900, 950, true, Markers.upsert("900", "0", Markers.CUID_A, "a", "x")));
        PositionLostSignal lost = assertThrows(PositionLostSignal.class, () -> tailer.fetch(out::add));
        assertEquals(500, lost.from);
        assertEquals(950, lost.serverLastTick);
        assertTrue(out.isEmpty());
    }

    @Test
    void frompresentFalseIsNoLossWhenNothingCanBeMissing() {
        WalTailer tailer = tailer(500, Set.of(), Duration.ZERO);
        source.answers.add(answer(false, 0, 500, 500, false)); // purged up to 500, nothing after it
        source.answers.add(answer(false, 501, 501, 501, false, Markers.upsert("501", "0", Markers.CUID_A, "a", "x")));
        source.answers.add(answer(false, 503, 503, 503, false, Markers.upsert("503", "0", Markers.CUID_A, "a", "y")));
        tailer.fetch(out::add);
        tailer.fetch(out::add);
        assertEquals(501, tailer.from(), "the first marker is the very next tick: nothing lost");
        PositionLostSignal lost = assertThrows(PositionLostSignal.class, () -> tailer.fetch(out::add));
        assertEquals(501, lost.from, "tick 502 may have been purged");
    }

    @Test
    void frompresentFalseIsNoLossWhenTheServerStillHoldsEveryTickAfterFrom() {
        WalTailer tailer = tailer(500, Set.of(), Duration.ZERO);
        source.oldestTick = 501; // the purge ended at 500; ticks 501 and 502 belong to markers the server filtered
        source.answers.add(answer(false, 503, 503, 503, false, Markers.upsert("503", "0", Markers.CUID_A, "a", "y")));
        tailer.fetch(out::add);
        assertEquals(503, tailer.from(), "wal/range says the WAL holds every tick after 500");
        WalTailer later = tailer(500, Set.of(), Duration.ZERO);
        source.oldestTick = 502; // tick 501 is gone
        source.answers.add(answer(false, 503, 503, 503, false, Markers.upsert("503", "0", Markers.CUID_A, "a", "y")));
        PositionLostSignal lost = assertThrows(PositionLostSignal.class, () -> later.fetch(out::add));
        assertEquals(500, lost.from);
    }

    @Test
    void aServerBehindThePositionIsALostPosition() {
        WalTailer tailer = tailer(500, Set.of(), Duration.ZERO);
        source.answers.add(answer(false, 0, 0, 420, false)); // a restored server: its ticks 421..500 would be skipped
        PositionLostSignal lost = assertThrows(PositionLostSignal.class, () -> tailer.fetch(out::add));
        assertEquals(500, lost.from);
        assertEquals(420, lost.serverLastTick);
    }

    @Test
    void aServerBehindThePositionIsALostPositionEvenWhenItSaysFromIsPresent() {
        WalTailer tailer = tailer(500, Set.of(), Duration.ZERO);
        source.answers.add(answer(true, 0, 420, 420, false));
        PositionLostSignal lost = assertThrows(PositionLostSignal.class, () -> tailer.fetch(out::add));
        assertEquals(500, lost.from);
        assertTrue(lost.getMessage().contains("the server's last tick 420 is below the position's tick 500"),
                lost.getMessage());
        assertTrue(out.isEmpty());
    }

    @Test
    void aServerWhoseLastTickWentBelowTheHighestSeenIsALostPosition() {
        WalTailer tailer = tailer(500, Set.of(), Duration.ZERO);
        source.answers.add(answer(true, 502, 502, 600, true, Markers.upsert("501", "0", Markers.CUID_A, "a", "x"),
                Markers.upsert("502", "0", Markers.CUID_A, "a", "y")));
        source.answers.add(answer(true, 0, 540, 540, false)); // past from, below 600: restored in between
        tailer.fetch(out::add);
        PositionLostSignal lost = assertThrows(PositionLostSignal.class, () -> tailer.fetch(out::add));
        assertEquals(502, lost.from);
        assertTrue(lost.getMessage().contains("the server's last tick 540 is below 600 that the stream had seen"),
                lost.getMessage());
    }

    @Test
    void fromZeroReportsNoLoss() {
        WalTailer tailer = tailer(0, Set.of(), Duration.ZERO);
        source.answers.add(answer(false, 0, 10, 10, false));
        tailer.fetch(out::add);
        assertEquals(9, tailer.from());
    }

    @Test
    void singleIncludedCollectionIsSentAsServerFilter() {
        WalTailer tailer = tailer(1, Set.of("a"), Duration.ZERO);
        source.answers.add(answer(true, 0, 1, 1, false));
        tailer.fetch(out::add);
        assertEquals("a", source.requests.get(0).collection());
        assertFalse(source.requests.get(0).includeSystem());
        WalTailer all = tailer(1, Set.of(), Duration.ZERO);
        source.answers.add(answer(true, 0, 1, 1, false));
        all.fetch(out::add);
        assertNull(source.requests.get(1).collection());
    }

    @Test
    void ticksAbove2Pow63AdvanceFromAsUnsignedNumbers() {
        long beforeHalf = Long.parseUnsignedLong("9223372036854775806");
        long afterHalf = Long.parseUnsignedLong("9223372036854775813");
        WalTailer tailer = tailer(beforeHalf, Set.of(), Duration.ZERO);
        source.answers.add(answer(true, afterHalf, afterHalf, afterHalf, false,
                Markers.upsert("9223372036854775813", "0", Markers.CUID_A, "a", "x")));
        source.answers.add(answer(true, 0, beforeHalf, afterHalf, false));
        tailer.fetch(out::add);
        assertEquals(afterHalf, tailer.from(), "2^63+5 is after 2^63-2");
        tailer.fetch(out::add);
        assertEquals(afterHalf, tailer.from(), "a lastscanned below from (unsigned) does not move from back");
        assertEquals(afterHalf, source.requests.get(1).from(), "the second call asks after 2^63+5");
    }

    @Test
    void theIdleWaitCountsFromTheStartOfThePreviousCall() {
        WalTailer tailer = tailer(100, Set.of(), Duration.ofMillis(1500));
        source.callMillis = 1000; // a slow round trip, or a slow delivery of the answer's events, is part of the wait
        source.answers.add(answer(true, 0, 100, 100, false));
        source.answers.add(answer(true, 0, 100, 100, false));
        tailer.fetch(out::add);
        long started = System.nanoTime();
        tailer.fetch(out::add);
        long millis = (System.nanoTime() - started) / 1_000_000L;
        // 1.5 s after the first call started: about 0.5 s of wait, then the 1 s call (not 1.5 s of wait after it)
        assertTrue(millis < 2300, "the second call started " + millis + " ms minus its 1000 ms after the first ended");
        assertTrue(millis >= 1000, "it still made its call: " + millis + " ms");
    }

    @Test
    void idleWaitGrowsFromMinimumToMaximumAndResetsOnData() {
        IdleBackoff backoff = new IdleBackoff(Duration.ofMillis(100), Duration.ofMillis(350));
        assertEquals(0, backoff.nextWaitMillis());
        backoff.afterResponse(false, false);
        assertEquals(100, backoff.nextWaitMillis());
        backoff.afterResponse(false, false);
        assertEquals(200, backoff.nextWaitMillis());
        backoff.afterResponse(false, false);
        assertEquals(350, backoff.nextWaitMillis());
        backoff.afterResponse(true, false);
        assertEquals(100, backoff.nextWaitMillis());
        backoff.afterResponse(true, true);
        assertEquals(0, backoff.nextWaitMillis());
    }
}
