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
package io.github.camelarango.replication.cdc.cluster;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the follower shadow (docs/cluster-capture.md, "Shadow positions"). Each test names the
 * wrong implementation it fails on.
 */
class ShadowTrackerTest {

    /** Established at the follower's tick 10. */
    private final ShadowTracker tracker = new ShadowTracker(10);

    /** Fails on a shadow that is the read position whatever the leader delivered. */
    @Test
    void aFollowerEventHoldsTheShadowUntilTheLeaderDeliversIt() {
        tracker.followerEvent(11, "a", "r1", false);
        tracker.followerRead(11, 11);
        assertEquals(10, shadow(), "the follower logged a change the leader has not delivered");
        assertFalse(tracker.isDeliveredAlready("a", "r1", false), "it comes again after a fail-over");

        tracker.leaderCommitted("a", "r1", false);
        assertEquals(11, shadow());
    }

    /**
     * Fails on dropping a delivered change of a key after a change of the same key that comes again: the take-over
     * stream would deliver the older change last, and the sink would keep it (the newer one is never delivered again).
     */
    @Test
    void aDeliveredChangeAfterAnUndeliveredOneOfTheSameKeyComesAgain() {
        tracker.followerEvent(11, "a", "r1", false); // its delivery was not seen (before the tracker, or not completed)
        tracker.followerEvent(12, "b", "r2", false);
        tracker.followerEvent(13, "a", "r3", false);
        tracker.followerRead(13, 13);
        tracker.leaderCommitted("b", "r2", false);
        tracker.leaderCommitted("a", "r3", false);
        tracker.leaderCommitted("a", "r5", false); // ahead: the follower has not logged it yet

        assertEquals(10, shadow());
        assertTrue(tracker.isDeliveredAlready("b", "r2", false), "another key's change is dropped");
        assertFalse(tracker.isDeliveredAlready("a", "r3", false), "r1 of the same key comes again before it");
        assertFalse(tracker.isDeliveredAlready("a", "r5", false), "r1 of the same key comes again before it");
    }

    /** Fails on matching the leader's deliveries only against events the follower logged already (no ahead set). */
    @Test
    void aDeliveryAheadOfTheFollowerMatchesItsLaterEvent() {
        tracker.leaderCommitted("a", "r1", false);
        assertEquals(10, shadow());
        assertTrue(tracker.isDeliveredAlready("a", "r1", false), "dropped if the follower leads before it logs it");

        tracker.followerEvent(11, "a", "r1", false);
        tracker.followerRead(11, 11);
        assertEquals(11, shadow());
    }

    /**
     * Fails on a shadow at the follower's tick of the last delivered change (past an earlier undelivered one), and on
     * matching the first unmatched event only (the leader's order across keys is not the follower's).
     */
    @Test
    void keysMatchInAnyOrderAndTheShadowStaysBeforeTheFirstUndelivered() {
        tracker.followerEvent(11, "a", "r1", false);
        tracker.followerEvent(12, "b", "r2", false);
        tracker.followerEvent(13, "c", "r3", false);
        tracker.followerRead(13, 13);
        tracker.leaderCommitted("c", "r3", false);
        tracker.leaderCommitted("b", "r2", false);
        assertEquals(10, shadow());
        assertFalse(tracker.isDeliveredAlready("a", "r1", false), "the undelivered change comes again");
        assertTrue(tracker.isDeliveredAlready("b", "r2", false), "after the shadow: a tail from the shadow reads it again");
        assertTrue(tracker.isDeliveredAlready("c", "r3", false));

        tracker.leaderCommitted("a", "r1", false);
        assertEquals(13, shadow());
    }

    /** Fails on matching by key alone: the delivery of the second write would match the first. */
    @Test
    void twoWritesOfOneKeyAreTwoChanges() {
        tracker.followerEvent(11, "a", "r1", false);
        tracker.followerEvent(12, "a", "r2", false);
        tracker.followerRead(12, 12);
        tracker.leaderCommitted("a", "r2", false);
        assertEquals(10, shadow());
        assertFalse(tracker.isDeliveredAlready("a", "r1", false), "the undelivered change comes again");

        tracker.leaderCommitted("a", "r1", false);
        assertEquals(12, shadow());

        tracker.leaderCommitted("a", "r3", false);
        assertTrue(tracker.isDeliveredAlready("a", "r3", false));
        tracker.followerEvent(13, "a", "r4", false);
        tracker.followerRead(13, 13);
        assertEquals(12, shadow());
        assertFalse(tracker.isDeliveredAlready("a", "r4", false));
        assertFalse(tracker.isDeliveredAlready("a", "r3", false),
                "logged after r4, which comes again: it must follow it");
    }

    /**
     * Fails on keeping a delivery the follower never logs for ever (the set grows without bound), and on bounding it
     * by the answer that was under way when it was delivered (asked before the follower logged the write: its last
     * tick may be before the write's).
     */
    @Test
    void aDeliveryTheFollowerNeverLogsIsDroppedOnceItsTailReadPastAnAnswerAskedAfterIt() {
        tracker.leaderCommitted("gone", "r1", false);
        tracker.followerRead(20, 50); // asked before the delivery: its last tick bounds nothing
        tracker.followerRead(55, 70); // asked after it: the follower logged the write at or before 70
        assertTrue(tracker.isDeliveredAlready("gone", "r1", false), "the follower may still log it up to tick 70");
        tracker.followerRead(69, 70);
        assertTrue(tracker.isDeliveredAlready("gone", "r1", false));
        tracker.followerRead(70, 80);
        assertFalse(tracker.isDeliveredAlready("gone", "r1", false), "read past 70: the follower can no longer log it");
        assertEquals(70, shadow());
    }

    /** Fails on bounding a delivery by the last tick of the first answer reported after it. */
    @Test
    void aWriteLoggedAfterTheAnswerUnderWayStillMatches() {
        tracker.leaderCommitted("a", "r1", false);
        tracker.followerRead(20, 50);
        tracker.followerEvent(60, "a", "r1", false);
        tracker.followerRead(60, 70);
        assertEquals(60, shadow());
    }

    /** Fails on a tracker that goes on recording the follower's writes, or answering a shadow, while out of sync. */
    @Test
    void anInvalidatedShadowIgnoresResyncWritesAndAnswersNothing() {
        tracker.followerEvent(11, "a", "r1", false);
        tracker.followerRead(11, 11);
        tracker.invalidate();
        tracker.followerEvent(12, "resync", "r9", false); // the follower's resynchronisation: no user change
        tracker.followerRead(12, 12);
        tracker.leaderCommitted("a", "r1", false);

        assertEquals(OptionalLong.empty(), tracker.shadowTick());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> tracker.isDeliveredAlready("resync", "r9", false));
        assertEquals("No shadow: the follower went out of sync for the shard", refused.getMessage());
    }

    /**
     * Fails on a shadow just before the first unmatched event without the read position as its bound: an event
     * reported before the answer that covers it moves such a shadow to 19, and its delivery back to 10.
     */
    @Test
    void theShadowNeverMovesBack() {
        tracker.followerEvent(20, "a", "r1", false);
        assertEquals(10, shadow(), "the answer with tick 20 is not read to its end");
        tracker.leaderCommitted("a", "r1", false);
        assertEquals(10, shadow());
        assertTrue(tracker.isDeliveredAlready("a", "r1", false), "not read yet: a tail from the shadow reads it again");
        tracker.followerEvent(25, "b", "r2", false);
        tracker.followerRead(30, 30);
        assertEquals(24, shadow());
        tracker.leaderCommitted("b", "r2", false);
        assertEquals(30, shadow());
        assertFalse(tracker.isDeliveredAlready("a", "r1", false), "at or before the shadow");
    }

    /** Fails on accepting reports out of the follower's order, which would move the shadow back. */
    @Test
    void reportsOutOfTheFollowersOrderAreRefused() {
        tracker.followerRead(30, 30);
        IllegalArgumentException event = assertThrows(IllegalArgumentException.class,
                () -> tracker.followerEvent(25, "a", "r1", false));
        assertEquals("Follower event at tick 25 is not after tick 30 already reported", event.getMessage());
        tracker.followerEvent(31, "b", "r2", false);
        IllegalArgumentException read = assertThrows(IllegalArgumentException.class,
                () -> tracker.followerRead(29, 40));
        assertEquals("Follower read to tick 29 is before tick 31 already reported", read.getMessage());
        assertEquals(30, shadow());
    }

    private long shadow() {
        return tracker.shadowTick().orElseThrow();
    }

    /**
     * Fails when a change is named by (key, rev) alone: a removal names the revision it removed, which the write before
     * it named too, so the removal would count as delivered with that write and be dropped after a fail-over.
     */
    @Test
    void aRemovalIsNotTheWriteWhoseRevisionItNames() {
        tracker.followerEvent(11, "a", "r1", false);
        tracker.leaderCommitted("a", "r1", false);
        tracker.followerEvent(12, "a", "r1", true);
        tracker.followerRead(12, 12);
        assertEquals(11, shadow(), "the removal is not delivered yet");
        assertFalse(tracker.isDeliveredAlready("a", "r1", true), "the removal must come after a fail-over");

        tracker.leaderCommitted("a", "r1", true);
        assertEquals(12, shadow(), "both delivered");
    }

    /**
     * Fails when a checkpoint does not move the shadow past a follower change whose delivery the tracker never saw (it
     * came before the tracker started), or moves it past a change logged after the checkpoint's follower tick.
     */
    @Test
    void aCheckpointMovesTheShadowPastChangesTheTrackerCouldNotMatch() {
        tracker.followerEvent(11, "a", "r1", false); // delivered before the tracker started: never matched
        tracker.followerEvent(12, "b", "r1", false);
        tracker.followerEvent(14, "c", "r1", false);
        tracker.followerRead(14, 14);
        assertEquals(10, shadow());

        tracker.deliveredUpTo(12);
        assertEquals(13, shadow(), "up to the checkpoint, not past c");
        assertFalse(tracker.isDeliveredAlready("c", "r1", false), "c's change comes again");
        tracker.leaderCommitted("c", "r1", false);
        assertEquals(14, shadow());
    }
}
