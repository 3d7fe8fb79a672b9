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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tail's call made ahead ({@code tailPrefetch}): it changes when a {@code wal/tail} call is made, never what the
 * stream delivers — a rewind with an answer in hand skips nothing, and an answer fetched ahead is checked like any.
 * The executor here holds the calls until the test runs them, so each test decides what happens in between.
 */
class TailPrefetchTest {

    /** Holds the calls handed to it until {@link #runAll()}; one the stream needs first, it makes itself. */
    static final class HeldCalls implements Executor {
        private final Deque<Runnable> calls = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable call) {
            calls.add(call);
        }

        synchronized int held() {
            return calls.size();
        }

        void runAll() {
            Runnable call;
            while ((call = next()) != null) {
                call.run();
            }
        }

        private synchronized Runnable next() {
            return calls.poll();
        }
    }

    private final FakeReplicationSource fake = new FakeReplicationSource();
    private final HeldCalls ahead = new HeldCalls();
    private final InMemoryPositionStore store = new InMemoryPositionStore();

    private ChangeStream stream() {
        fake.createCollection("a");
        // the fake answers 4 markers per call at tailChunkSize 16 KiB
        return new ChangeStream(fake, StreamRun.options().snapshotMode(SnapshotMode.NEVER).build(), store,
                Clock.systemUTC(), null, ahead);
    }

    @Test
    void aRewindWithAnAnswerFetchedAheadDeliversEverythingAfterTheCommittedPosition() {
        try (ChangeStream stream = stream()) {
            stream.poll(50); // starts after the server's current tick
            for (int i = 0; i < 12; i++) {
                fake.upsert("a", "k" + i);
            }
            List<ChangeEvent> first = stream.poll(3);
            assertEquals(List.of("k0", "k1", "k2"), keys(first));
            assertEquals(1, ahead.held(), "the next call is made ahead while the caller delivers");
            int calls = fake.tailCalls();
            ahead.runAll();
            assertEquals(calls + 1, fake.tailCalls(), "k4..k7 are in hand");
            stream.commit(first.get(0));
            stream.rewind(); // the exchange of k1 failed

            List<ChangeEvent> again = StreamRun.deliverAll(stream);
            assertEquals(List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11"), keys(again));
        }
    }

    @Test
    void anAnswerFetchedAheadThatShowsAPurgedWalIsALostPosition() {
        try (ChangeStream stream = stream()) {
            stream.poll(50);
            for (int i = 0; i < 6; i++) {
                fake.upsert("a", "k" + i);
            }
            long k5 = fake.lastTick();
            fake.upsert("a", "k6");
            fake.upsert("a", "k7");
            List<ChangeEvent> first = stream.poll(4);
            assertEquals(List.of("k0", "k1", "k2", "k3"), keys(first));
            stream.commit(first.get(3));
            assertEquals(1, ahead.held());
            fake.purgeUpTo(k5); // k4 and k5 are gone before the call ahead is made
            ahead.runAll();

            PositionLostException lost = assertThrows(PositionLostException.class, () -> stream.poll(50));
            assertTrue(lost.getMessage().contains("purged"), lost.getMessage());
            assertEquals(first.get(3).position().from(), stream.committedPosition().orElseThrow().from(),
                    "the stored position stays after k3, marked lost");
        }
    }

    @Test
    void anAnswerNotFetchedYetWhenNeededIsFetchedByThePoll() {
        try (ChangeStream stream = stream()) {
            stream.poll(50);
            for (int i = 0; i < 10; i++) {
                fake.upsert("a", "k" + i);
            }
            // the executor never runs the calls: every one ahead is made by the poll that needs it
            List<ChangeEvent> all = StreamRun.deliverAll(stream);
            assertEquals(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), keys(all));
        }
    }

    @Test
    void closeDropsACallNotMadeYet() {
        ChangeStream stream = stream();
        stream.poll(50);
        for (int i = 0; i < 8; i++) {
            fake.upsert("a", "k" + i);
        }
        assertEquals(4, stream.poll(4).size());
        assertEquals(1, ahead.held());
        int calls = fake.tailCalls();
        stream.close();
        ahead.runAll();
        assertEquals(calls, fake.tailCalls(), "the dropped call is never made");
    }

    private static List<String> keys(List<ChangeEvent> events) {
        return events.stream().map(ChangeEvent::key).toList();
    }
}
