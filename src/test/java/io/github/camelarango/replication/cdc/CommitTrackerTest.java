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

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.RawDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commits reach the store only when the position moves; a commit covers the events handed out before it, in hand-out
 * order; what is stored is always the last committed position.
 */
class CommitTrackerTest {

    private final List<String> saved = new ArrayList<>();
    private final CommitTracker tracker = new CommitTracker(
            PositionStore.ofStrings(key -> null, (key, json) -> saved.add(json)), "k", new ChangeStreamMetrics(),
            Duration.ZERO);

    @Test
    void theSamePositionIsStoredOnce() {
        tracker.load();
        ChangePosition beforeTransaction = ChangePosition.tail(10, 10);
        ChangePosition afterTransaction = ChangePosition.tail(20, 20);
        ChangeEvent first = handOut("t1", beforeTransaction);
        ChangeEvent second = handOut("t2", ChangePosition.tail(10, 10)); // another event inside the transaction
        ChangeEvent last = handOut("t3", afterTransaction);
        tracker.commit(first);
        tracker.commit(second);
        tracker.commit(last);

        assertEquals(List.of(beforeTransaction.toJson(), afterTransaction.toJson()), saved);
        assertEquals(afterTransaction, tracker.committed().orElseThrow());
    }

    @Test
    void snapshotPositionsAreStoredWhenACollectionCompletes() {
        tracker.load();
        ChangePosition dumping = ChangePosition.snapshot(5, Set.of());
        List<ChangeEvent> rows = List.of(handOut("r1", dumping), handOut("r2", ChangePosition.snapshot(5, Set.of())),
                handOut("r3", dumping.withCompleted("orders")),
                handOut("r4", ChangePosition.snapshot(5, Set.of("orders"))));
        rows.forEach(tracker::commit);

        assertEquals(List.of(dumping.toJson(), dumping.withCompleted("orders").toJson()), saved);
    }

    @Test
    void aCommitCoversTheEventsHandedOutBeforeIt() {
        tracker.load();
        handOut("a", ChangePosition.tail(10, 0));
        ChangeEvent b = handOut("b", ChangePosition.tail(11, 0));
        tracker.handedOut(StreamStep.positionOnly(ChangePosition.tail(15, 0)));
        tracker.commit(b);
        tracker.saveIfIdle();

        assertEquals(List.of(ChangePosition.tail(11, 0).toJson(), ChangePosition.tail(15, 0).toJson()), saved,
                "a and b delivered: the position reached after them is saved");
    }

    @Test
    void aLateCommitOfAnEarlierEventIsIgnored() {
        tracker.load();
        ChangeEvent a = handOut("a", ChangePosition.tail(10, 0));
        ChangeEvent b = handOut("b", ChangePosition.tail(11, 0));
        tracker.commit(b);

        assertFalse(tracker.commit(a), "a was covered by b's commit");
        assertEquals(List.of(ChangePosition.tail(11, 0).toJson()), saved);
        assertEquals(ChangePosition.tail(11, 0), tracker.committed().orElseThrow());
    }

    @Test
    void anEventSharingItsPositionWithACommittedOneStillHoldsBackTheIdleSave() {
        tracker.load();
        ChangePosition rows = ChangePosition.snapshot(5, Set.of());
        ChangeEvent first = handOut("k1", rows);
        handOut("k2", rows);
        tracker.handedOut(StreamStep.positionOnly(ChangePosition.tail(5, 0))); // the snapshot's end, reached
        tracker.commit(first); // only the first row was delivered
        tracker.saveIfIdle();

        assertEquals(List.of(rows.toJson()), saved, "the second row awaits its commit: the end is not saved");
    }

    @Test
    void eventsHandedOutBeforeAReloadAwaitNoCommit() {
        tracker.load();
        ChangeEvent before = handOut("x", ChangePosition.tail(10, 10));
        tracker.load(); // the store gives nothing back: the stream starts afresh
        ChangeEvent again = handOut("x", ChangePosition.tail(10, 10));

        assertFalse(tracker.commit(before), "handed out before the reload");
        tracker.commit(again);
        assertEquals(List.of(ChangePosition.tail(10, 10).toJson()), saved);
    }

    @Test
    void aPositionMarkedLostIsNotOverwrittenByALateCommit() {
        tracker.load();
        ChangeEvent a = handOut("a", ChangePosition.tail(10, 0));
        tracker.commit(a);
        ChangeEvent b = handOut("b", ChangePosition.tail(11, 0)); // delivered, not committed yet (commitInterval)
        tracker.markLost("the server purged its write-ahead log");

        assertFalse(tracker.commit(b), "the commit of b would store a position without the mark");
        assertEquals(List.of(ChangePosition.tail(10, 0).toJson(),
                ChangePosition.tail(10, 0).markedLost("the server purged its write-ahead log").toJson()), saved);
        assertTrue(tracker.committed().orElseThrow().lost().isPresent());
    }

    @Test
    void anAcknowledgedEventIsSavedOnlyBySaveDeliveredAndHoldsBackTheIdleSave() {
        tracker.load();
        handOut("a", ChangePosition.tail(10, 0));
        ChangeEvent b = handOut("b", ChangePosition.tail(11, 0));
        assertTrue(tracker.acknowledge(b));
        tracker.handedOut(StreamStep.positionOnly(ChangePosition.tail(15, 0)));
        tracker.saveIfIdle();
        assertEquals(List.of(), saved, "nothing is saved before the caller saves what it acknowledged");
        assertTrue(tracker.idlePosition().isEmpty(), "no heartbeat before that save either");

        assertTrue(tracker.saveDelivered());
        assertFalse(tracker.saveDelivered(), "saved once");
        tracker.saveIfIdle();
        assertEquals(List.of(ChangePosition.tail(11, 0).toJson(), ChangePosition.tail(15, 0).toJson()), saved);
        assertFalse(tracker.commit(b), "acknowledged: it awaits no commit any more");
    }

    @Test
    void acknowledgedEventsAreNotHeldInMemory() throws InterruptedException {
        tracker.load();
        ChangeEvent event = handOut("a", ChangePosition.tail(10, 0));
        WeakReference<ChangeEvent> held = new WeakReference<>(event);
        tracker.acknowledge(event);
        event = null;
        for (int i = 0; i < 50 && held.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(held.get(), "the tracker keeps the position to save, not the event with its document");
        assertTrue(tracker.saveDelivered());
        assertEquals(List.of(ChangePosition.tail(10, 0).toJson()), saved);
    }

    @Test
    void aLostPositionForgetsWhatWasAcknowledged() {
        tracker.load();
        tracker.commit(handOut("a", ChangePosition.tail(10, 0)));
        tracker.acknowledge(handOut("b", ChangePosition.tail(11, 0)));
        tracker.markLost("purged");

        assertFalse(tracker.saveDelivered(), "b's position would be stored without the mark");
        assertTrue(tracker.committed().orElseThrow().lost().isPresent());
    }

    private ChangeEvent handOut(String key, ChangePosition position) {
        ChangeEvent event = ChangeEvent.upsert(1, "db", "c", "h1/1", null,
                RawDocument.of(Json.mapper().createObjectNode().put("_key", key)), position);
        tracker.handedOut(StreamStep.of(event));
        return event;
    }

    @Test
    void withAnIdleSaveIntervalAnIdlePositionWaitsForItButAStartingPointDoesNot() {
        CommitTracker throttled = new CommitTracker(PositionStore.ofStrings(key -> null, (key, json) -> saved.add(json)),
                "k", new ChangeStreamMetrics(), Duration.ofHours(1));
        throttled.load();
        throttled.handedOut(StreamStep.positionOnly(ChangePosition.tail(10, 0)));
        throttled.saveIfIdle(); // the first save: nothing was saved before it
        throttled.handedOut(StreamStep.positionOnly(ChangePosition.tail(12, 0)));
        throttled.saveIfIdle(); // within the hour: waits
        throttled.handedOut(StreamStep.positionOnly(ChangePosition.tail(15, 0)));
        throttled.saveIfIdle();
        assertEquals(List.of(ChangePosition.tail(10, 0).toJson()), saved, "one idle save per interval");

        throttled.saveReached(); // a starting point is saved at once
        assertEquals(List.of(ChangePosition.tail(10, 0).toJson(), ChangePosition.tail(15, 0).toJson()), saved);
    }
}
