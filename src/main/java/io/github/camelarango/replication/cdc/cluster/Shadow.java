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

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.client.Ticks;

/**
 * Where capture could continue one shard on one of its in-sync followers if that follower became the shard's leader
 * (docs/cluster-capture.md, "Shadow positions"), in one of two forms:
 * <ul>
 * <li><b>tail</b>: a {@link ShadowTracker}'s shadow tick, once proven: the tracker starts at the follower's read
 * position, which claims that the leader delivers everything the follower logged before it; that holds once the
 * leader's stream delivered up to the leader's last tick read a second later; checkpoints, proven the same
 * way, move it past follower changes the tracker could not match;</li>
 * <li><b>snapshot</b>: the follower's tick read before the leader's snapshot began: the shard dumped again on the
 * follower, then its changes after that tick (the engine's rule for a resumed snapshot: a delete in between is
 * delivered by the tail, README "Position writes") — kept until the tail form is proven, as the fallback for a
 * fail-over during the snapshot.</li>
 * </ul>
 * Thread-safe: the poll thread maintains it, the committing threads report deliveries, a save reads its position.
 */
final class Shadow {

    /**
     * How long after a proof began the leader's tick is read: a leader that failed meanwhile does not answer, so a
     * write its follower logged and it never committed is not counted as delivered.
     */
    static final Duration PROOF_DELAY = Duration.ofSeconds(1);

    private final String follower;
    private final String shard;
    private Long snapshotTick;
    private ShadowTracker tracker;
    private boolean armed;
    /**
     * A proof under way (of a new tracker's start, or a checkpoint of a proven one): every change the follower logged
     * up to {@code proofFollowerTick} counts as delivered once the leader's stream delivered up to
     * {@code proofLeaderTick}, the leader's last tick read {@link #PROOF_DELAY} after the proof began (0 until then).
     */
    private boolean proving;
    private long proofBeganNanos;
    private long proofFollowerTick;
    private long proofLeaderTick;

    private Shadow(String follower, String shard, Long snapshotTick) {
        this.follower = follower;
        this.shard = shard;
        this.snapshotTick = snapshotTick;
    }

    /** A shadow of {@code shard} on {@code follower} without a position yet (a tracker is to be established). */
    static Shadow none(String follower, String shard) {
        return new Shadow(follower, shard, null);
    }

    /** A shadow in the snapshot form, from the follower's tick read before the leader's snapshot began. */
    static Shadow snapshotForm(String follower, String shard, long tick) {
        return new Shadow(follower, shard, tick);
    }

    /** A shadow in the tail form restored from a stored position: proven when it was saved. */
    static Shadow restored(String follower, String shard, ShadowTracker tracker) {
        Shadow shadow = new Shadow(follower, shard, null);
        shadow.tracker = tracker;
        shadow.armed = true;
        return shadow;
    }

    String follower() {
        return follower;
    }

    String shard() {
        return shard;
    }

    /** Whether a tracker is running (proven or waiting for its arm tick); false when none is, or it was given up. */
    synchronized boolean isTracking() {
        return tracker != null && tracker.shadowTick().isPresent();
    }

    /** Whether the tail form is proven and its tracker running: the shadow needs nothing more. */
    synchronized boolean isProven() {
        return armed && isTracking();
    }

    /**
     * Starts the tail form: {@code newTracker}, from the follower's read position, counts once proven (see
     * {@link #leaderTickRead}).
     */
    synchronized void track(ShadowTracker newTracker) {
        tracker = newTracker;
        armed = false;
        proving = true;
        proofBeganNanos = System.nanoTime();
        proofFollowerTick = newTracker.shadowTick().orElse(0);
        proofLeaderTick = 0;
    }

    /**
     * Starts a checkpoint of a proven tracker, the backstop of its matching: everything the follower logged up to
     * {@code followerTick} (its read position now) is to count as delivered, once proven.
     */
    synchronized void checkpoint(long followerTick) {
        if (armed && !proving && isTracking()) {
            proving = true;
            proofBeganNanos = System.nanoTime();
            proofFollowerTick = followerTick;
            proofLeaderTick = 0;
        }
    }

    /** Whether a proof waits for its leader tick, due {@link #PROOF_DELAY} after it began. */
    synchronized boolean needsLeaderTick() {
        return proving && proofLeaderTick == 0 && System.nanoTime() - proofBeganNanos >= PROOF_DELAY.toNanos();
    }

    /**
     * The leader's last tick, read {@link #PROOF_DELAY} after the proof began: a follower logs a write before its
     * leader commits it, so once the leader's stream delivered up to this tick, every change the follower had logged
     * when the proof began was delivered — unless the leader committed it later than that, or never while it stayed
     * up that long.
     */
    synchronized void leaderTickRead(long leaderTick) {
        if (proving && proofLeaderTick == 0) {
            proofLeaderTick = leaderTick;
        }
    }

    /**
     * The leader's stream delivered every change up to {@code leaderTick}: a proof whose leader tick it reached
     * completes — a new tracker counts from then on, a checkpoint moves its shadow.
     *
     * @return whether a proof completed (the position to store changed)
     */
    synchronized boolean leaderDeliveredUpTo(long leaderTick) {
        if (tracker == null || !proving || proofLeaderTick == 0 || Ticks.isAfter(proofLeaderTick, leaderTick)) {
            return false;
        }
        proving = false;
        if (armed) {
            tracker.deliveredUpTo(proofFollowerTick);
        } else {
            armed = true;
            snapshotTick = null; // the tail form replaces the fallback
        }
        return true;
    }

    /** Whether a proof is under way. */
    synchronized boolean isProving() {
        return proving;
    }

    /** The leader delivered (and the route completed) the change named by {@code key}, {@code rev} and {@code removal}. */
    synchronized void leaderCommitted(String key, String rev, boolean removal) {
        if (tracker != null) {
            tracker.leaderCommitted(key, rev, removal);
        }
    }

    /**
     * The follower's change named by {@code key}, {@code rev} and {@code removal} was delivered from the leader already (dropped when
     * capture continues on the follower from this shadow's tail form).
     */
    synchronized boolean isDeliveredAlready(String key, String rev, boolean removal) {
        return tracker != null && armed && tracker.shadowTick().isPresent()
               && tracker.isDeliveredAlready(key, rev, removal);
    }

    /**
     * The follower's position capture continues from, if it became the shard's leader now: the tail form when
     * proven, else the snapshot form; empty when neither holds (a fail-over to the follower stops the stream).
     */
    synchronized Optional<ChangePosition> position() {
        if (tracker != null && armed) {
            OptionalLong tick = tracker.shadowTick();
            if (tick.isPresent()) {
                return Optional.of(ChangePosition.tail(tick.getAsLong(), 0));
            }
        }
        return snapshotTick == null ? Optional.empty()
                : Optional.of(ChangePosition.snapshot(snapshotTick, Set.of()));
    }

    @Override
    public synchronized String toString() {
        return "shadow of " + shard + " on " + follower + position().map(p -> " at " + p).orElse(" (none)");
    }
}
