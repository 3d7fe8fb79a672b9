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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream's notifications: told to its listener in line with the events (between the deliveries of the events
 * around them), again after a listener that did not hear one, and before the failure of a lost position.
 */
class ChangeStreamNotificationTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();
    /** What happened, in order: "event <key>" for each delivered event, "<TYPE> <data>" for each notification. */
    private final List<String> log = new ArrayList<>();
    private final List<ChangeStreamNotification> heard = new ArrayList<>();

    private void seed(int documents, String collection) {
        source.createCollection(collection);
        for (int i = 0; i < documents; i++) {
            source.upsert(collection, collection + i);
        }
    }

    private ChangeStream stream(ChangeStreamOptions.Builder options, ChangeStreamListener listener) {
        return new ChangeStream(source, options.listener(listener).build(), store);
    }

    private boolean record(ChangeStreamNotification notification) {
        heard.add(notification);
        log.add(notification.type() + " " + notification.additionalData());
        return true;
    }

    /** Polls, delivers (logs) and commits each batch until the stream caught up with the source. */
    private void deliverUntilCaughtUp(ChangeStream stream) {
        FakeStreams.catchUp(stream, source, events -> events.forEach(e -> log.add("event " + e.key())));
    }

    @Test
    void aSnapshotOfTwoCollectionsTellsItsLifeBetweenItsRows() {
        seed(3, "a");
        seed(2, "b");
        try (ChangeStream stream = stream(FakeStreams.options(), this::record)) {
            deliverUntilCaughtUp(stream);
        }
        String tick = heard.get(0).additionalData().get("snapshotTick");
        assertEquals(List.of(
                "STARTED {snapshotTick=" + tick + ", collections=a,b, resumed=false}",
                "event a0", "event a1", "event a2",
                "COLLECTION_COMPLETED {collection=a, count=3}",
                "event b0", "event b1",
                "COLLECTION_COMPLETED {collection=b, count=2}",
                "COMPLETED {snapshotTick=" + tick + "}"), log);
        assertEquals(Long.toUnsignedString(source.lastTick()), tick);
        assertTrue(heard.stream().allMatch(n -> n.aggregateType().equals(ChangeStreamNotification.SNAPSHOT)));
    }

    @Test
    void aNotificationTheListenerDidNotHearHoldsTheStreamUntilTheNextPollTellsItAgain() {
        seed(2, "a");
        AtomicBoolean refusedOnce = new AtomicBoolean();
        ChangeStreamListener listener = n -> {
            if (n.type() == ChangeStreamNotification.Type.COLLECTION_COMPLETED && refusedOnce.compareAndSet(false, true)) {
                log.add("refused " + n.type());
                return false;
            }
            return record(n);
        };
        try (ChangeStream stream = stream(FakeStreams.options(), listener)) {
            deliverUntilCaughtUp(stream); // ends with the poll that was refused: the rows' position is already the tail
            assertEquals("refused COLLECTION_COMPLETED", log.get(log.size() - 1));
            source.upsert("a", "later");
            deliverUntilCaughtUp(stream);
        }
        String tick = heard.get(0).additionalData().get("snapshotTick");
        assertEquals(List.of(
                "STARTED {snapshotTick=" + tick + ", collections=a, resumed=false}",
                "event a0", "event a1",
                "refused COLLECTION_COMPLETED",
                "COLLECTION_COMPLETED {collection=a, count=2}",
                "COMPLETED {snapshotTick=" + tick + "}",
                "event later"), log, "the change after the snapshot waits until the notifications before it were heard");
    }

    @Test
    void aPurgedWalUnderSkipTellsTheLossAndThePolicyBeforeTheGap() {
        seed(2, "a");
        try (ChangeStream stream = stream(FakeStreams.options(), ChangeStreamListener.NONE)) {
            deliverUntilCaughtUp(stream);
        }
        long lostAt = store.load("test").orElseThrow().from();
        log.clear();
        source.upsert("a", "lost");
        source.purgeUpTo(source.lastTick());
        try (ChangeStream restarted = stream(FakeStreams.options().positionLostPolicy(PositionLostPolicy.SKIP),
                this::record)) {
            List<ChangeEvent> events = restarted.poll(10);
            events.forEach(e -> log.add("event " + e.type()));
        }
        assertEquals(3, log.size(), log.toString());
        assertEquals("POLICY_APPLIED", log.get(1).split(" ")[0]);
        assertEquals("event GAP", log.get(2));
        ChangeStreamNotification lost = heard.get(0);
        assertEquals(ChangeStreamNotification.Type.LOST, lost.type());
        assertEquals(ChangeStreamNotification.POSITION, lost.aggregateType());
        assertEquals("WAL purged past the stream's position", lost.additionalData().get("reason"));
        assertEquals(Long.toUnsignedString(lostAt), lost.additionalData().get("from"));
        assertTrue(lost.additionalData().get("message").contains("no longer holds tick"), lost.toString());
        assertEquals(Map.of("policy", "SKIP", "resumeAt", Long.toUnsignedString(source.lastTick())),
                heard.get(1).additionalData());
    }

    @Test
    void aLossFoundAtTheStartIsToldBeforeThePolicyAndTheNewSnapshot() {
        seed(2, "a");
        try (ChangeStream stream = stream(FakeStreams.options(), ChangeStreamListener.NONE)) {
            deliverUntilCaughtUp(stream);
        }
        source.replaceServer("4712");
        seed(1, "b");
        try (ChangeStream restarted = stream(FakeStreams.options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT),
                this::record)) {
            deliverUntilCaughtUp(restarted);
        }
        assertEquals(List.of(ChangeStreamNotification.Type.LOST, ChangeStreamNotification.Type.POLICY_APPLIED,
                ChangeStreamNotification.Type.STARTED, ChangeStreamNotification.Type.COLLECTION_COMPLETED,
                ChangeStreamNotification.Type.COMPLETED), heard.stream().map(ChangeStreamNotification::type).toList(),
                log.toString());
        assertTrue(log.contains("event b0"), log.toString());
    }

    @Test
    void aPurgedWalUnderFailTellsTheLossBeforeTheFailure() {
        seed(1, "a");
        try (ChangeStream stream = stream(FakeStreams.options(), ChangeStreamListener.NONE)) {
            deliverUntilCaughtUp(stream);
        }
        source.upsert("a", "lost");
        source.purgeUpTo(source.lastTick());
        try (ChangeStream restarted = stream(FakeStreams.options(), this::record)) {
            assertThrows(PositionLostException.class, () -> restarted.poll(10));
            assertThrows(PositionLostException.class, () -> restarted.poll(10));
        }
        assertEquals(List.of(ChangeStreamNotification.Type.LOST, ChangeStreamNotification.Type.POLICY_APPLIED),
                heard.stream().map(ChangeStreamNotification::type).toList(), "told once, before the failure");
        assertEquals(Map.of("policy", "FAIL"), heard.get(1).additionalData());
    }
}
