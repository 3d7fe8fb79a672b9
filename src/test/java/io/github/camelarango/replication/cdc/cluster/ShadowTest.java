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

import java.util.Optional;
import java.util.Set;

import io.github.camelarango.replication.cdc.ChangePosition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a shadow may be continued from, and in which form (docs/cluster-capture.md, "Shadow positions"). */
class ShadowTest {

    /**
     * Fails when a tracker's shadow is used before its proof completed: the leader's tick read at a later topology read,
     * then delivered up to.
     */
    @Test
    void aTrackerCountsOnlyOnceTheLeaderDeliveredUpToATickReadLater() {
        Shadow shadow = Shadow.none("F", "s1");
        assertEquals(Optional.empty(), shadow.position(), "nothing to continue from yet");
        shadow.track(new ShadowTracker(20));
        assertTrue(shadow.isTracking());
        assertFalse(shadow.leaderDeliveredUpTo(1_000), "no leader tick read yet: nothing proves the start");
        assertEquals(Optional.empty(), shadow.position());
        assertFalse(shadow.needsLeaderTick(), "its leader tick is read only a proof delay after it began");
        shadow.leaderTickRead(100);
        assertFalse(shadow.leaderDeliveredUpTo(99), "not proven below the leader tick");
        assertEquals(Optional.empty(), shadow.position());
        assertTrue(shadow.leaderDeliveredUpTo(100));
        assertEquals(Optional.of(ChangePosition.tail(20, 0)), shadow.position());
        assertTrue(shadow.isProven());
        assertFalse(shadow.leaderDeliveredUpTo(200), "proven once");
    }

    /** Fails when the snapshot form is dropped before the tail form is proven, or kept after. */
    @Test
    void theSnapshotFormHoldsUntilTheTailFormIsProven() {
        Shadow shadow = Shadow.snapshotForm("F", "s1", 7);
        assertEquals(Optional.of(ChangePosition.snapshot(7, Set.of())), shadow.position());
        shadow.track(new ShadowTracker(30));
        shadow.leaderTickRead(50);
        assertEquals(Optional.of(ChangePosition.snapshot(7, Set.of())), shadow.position(), "the fallback");
        shadow.leaderDeliveredUpTo(50);
        assertEquals(Optional.of(ChangePosition.tail(30, 0)), shadow.position());
    }

    /**
     * Fails when a checkpoint moves the shadow before its leader tick was read and delivered up to, or not at all
     * (a follower change the tracker never matched would hold it back for good).
     */
    @Test
    void aCheckpointMovesTheShadowPastWhatTheTrackerCouldNotMatchOnceProven() {
        ShadowTracker tracker = new ShadowTracker(30);
        Shadow shadow = Shadow.restored("F", "s1", tracker);
        tracker.followerEvent(31, "k", "r1", false); // its delivery came before the tracker started
        tracker.followerRead(35, 35);
        shadow.checkpoint(35);
        assertTrue(shadow.isProving());
        assertFalse(shadow.leaderDeliveredUpTo(1_000), "no leader tick read yet");
        assertEquals(Optional.of(ChangePosition.tail(30, 0)), shadow.position());
        shadow.leaderTickRead(500);
        assertFalse(shadow.leaderDeliveredUpTo(499));
        assertEquals(Optional.of(ChangePosition.tail(30, 0)), shadow.position());
        assertTrue(shadow.leaderDeliveredUpTo(500));
        assertEquals(Optional.of(ChangePosition.tail(35, 0)), shadow.position());
        assertFalse(shadow.isProving());
    }

    /** Fails when a given-up tracker still yields a position or drops changes as delivered. */
    @Test
    void aGivenUpTrackerIsNoShadowAndDropsNothing() {
        ShadowTracker tracker = new ShadowTracker(30);
        Shadow shadow = Shadow.restored("F", "s1", tracker);
        tracker.leaderCommitted("k", "r1", false);
        assertTrue(shadow.isDeliveredAlready("k", "r1", false));
        tracker.invalidate();
        assertFalse(shadow.isTracking());
        assertEquals(Optional.empty(), shadow.position());
        assertFalse(shadow.isDeliveredAlready("k", "r1", false));
    }

    /** Fails when a delivery reported to the shadow does not reach its tracker (the shadow would stay behind). */
    @Test
    void deliveriesMoveTheShadowPastTheFollowersChanges() {
        ShadowTracker tracker = new ShadowTracker(30);
        Shadow shadow = Shadow.restored("F", "s1", tracker);
        tracker.followerEvent(31, "k", "r1", false);
        tracker.followerRead(31, 31);
        assertEquals(Optional.of(ChangePosition.tail(30, 0)), shadow.position());
        shadow.leaderCommitted("k", "r1", false);
        assertEquals(Optional.of(ChangePosition.tail(31, 0)), shadow.position());
    }
}
