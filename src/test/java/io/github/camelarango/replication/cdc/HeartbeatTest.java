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
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Heartbeats (issue 15 item 4): with a heartbeatInterval, an idle stream saves the position it reached only through a
 * heartbeat the caller delivered and committed, once per interval, never while events flow; the registration follows.
 */
class HeartbeatTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();
    private final SnapshotProgressLogTest.ManualClock clock = new SnapshotProgressLogTest.ManualClock();

    /** A stream of collection a, caught up after the snapshot of its one document; b is written by others. */
    private ChangeStream caughtUp(Duration heartbeatInterval) {
        source.createCollection("a");
        source.createCollection("b");
        source.upsert("a", "a0");
        ChangeStream stream = new ChangeStream(source, FakeStreams.options().includeCollections(Set.of("a"))
                .heartbeatInterval(heartbeatInterval).registrationInterval(Duration.ofSeconds(1)).build(), store,
                clock, null);
        List<ChangeEvent> rows = stream.poll(10);
        assertEquals(List.of("a0"), rows.stream().map(ChangeEvent::key).toList());
        stream.commit(rows.get(0));
        stream.poll(10); // the hand-off to the tail
        return stream;
    }

    private static long tick(Optional<ChangePosition> position) {
        return position.orElseThrow().from();
    }

    @Test
    void withoutAnIntervalTheIdlePositionIsSavedAtEveryPollAndNoHeartbeatIsDue() {
        try (ChangeStream stream = caughtUp(Duration.ZERO)) {
            source.upsert("b", "elsewhere");
            stream.poll(10);
            assertEquals(source.lastTick(), tick(stream.committedPosition()));
            clock.advance(Duration.ofHours(1));
            assertEquals(Optional.empty(), stream.heartbeat());
        }
    }

    @Test
    void anIdleStreamCommitsWhatTheServerScannedOnlyThroughADeliveredHeartbeat() {
        try (ChangeStream stream = caughtUp(INTERVAL)) {
            long before = tick(stream.committedPosition());
            source.upsert("b", "elsewhere");
            assertEquals(List.of(), stream.poll(10));
            assertEquals(before, tick(stream.committedPosition()), "not saved by the poll");
            assertEquals(Optional.empty(), stream.heartbeat(), "not due before the interval");
            clock.advance(INTERVAL);
            ChangePosition beat = stream.heartbeat().orElseThrow();
            assertEquals(source.lastTick(), beat.from(), "up to the write in b the server scanned");
            assertEquals(Optional.empty(), stream.heartbeat(), "one per interval");
            assertEquals(before, tick(stream.committedPosition()), "not before the heartbeat was delivered");
            stream.commitHeartbeat(beat);
            assertEquals(source.lastTick(), tick(stream.committedPosition()));
            assertEquals(source.lastTick(), source.registeredTick(), "the registration follows");
            assertEquals(Optional.of(beat), store.load("test"));
            clock.advance(INTERVAL);
            assertEquals(Optional.of(beat), stream.heartbeat(), "alive, though the server scanned nothing new");
        }
    }

    @Test
    void noHeartbeatWhileChangesFlowOrAwaitTheirCommit() {
        try (ChangeStream stream = caughtUp(INTERVAL)) {
            for (int i = 0; i < 4; i++) {
                source.upsert("a", "x" + i);
                clock.advance(INTERVAL.dividedBy(2));
                List<ChangeEvent> events = stream.poll(10);
                assertEquals(1, events.size());
                stream.commit(events.get(0));
                assertEquals(Optional.empty(), stream.heartbeat(), "a change went out " + INTERVAL + "/2 ago");
            }
            source.upsert("a", "pending");
            assertEquals(1, stream.poll(10).size());
            clock.advance(INTERVAL.multipliedBy(3));
            stream.poll(10);
            assertEquals(Optional.empty(), stream.heartbeat(), "a change awaits its commit");
        }
    }

    @Test
    void aHeartbeatOvertakenByAChangeIsNotSaved() {
        try (ChangeStream stream = caughtUp(INTERVAL)) {
            source.upsert("b", "elsewhere");
            stream.poll(10);
            clock.advance(INTERVAL);
            ChangePosition beat = stream.heartbeat().orElseThrow();
            long before = tick(stream.committedPosition());
            source.upsert("a", "later");
            List<ChangeEvent> later = stream.poll(10);
            assertEquals(1, later.size());
            stream.commitHeartbeat(beat);
            assertEquals(before, tick(stream.committedPosition()), "the change handed out since is not committed");
            stream.commit(later.get(0));
            assertNotEquals(before, tick(stream.committedPosition()));
        }
    }

    @Test
    void aNegativeIntervalIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangeStreamOptions.builder().heartbeatInterval(Duration.ofSeconds(-1)));
        assertEquals("Invalid value for option heartbeatInterval: 'PT-1S'; allowed is a duration of zero (no "
                     + "heartbeats) or above", e.getMessage());
        assertTrue(ChangeStreamOptions.builder().build().heartbeatInterval().isZero(), "off by default");
    }
}
