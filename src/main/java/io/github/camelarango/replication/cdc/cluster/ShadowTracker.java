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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.github.camelarango.replication.client.Ticks;

/**
 * The shadow position of one shard on one of its in-sync followers: how far the follower's WAL holds nothing of the
 * shard that its leader has not delivered, so that capture can continue on that follower if it becomes the shard's
 * leader (docs/cluster-capture.md, "Shadow positions").
 *
 * <p>A follower logs each write of the shard with the leader's {@code _key} and {@code _rev}, under its own ticks,
 * so a change is named across the two servers by (key, rev) and whether it is a removal (a removal names the
 * revision it removed, which the write before it named too). The tracker matches the follower's events of the
 * shard ({@link #followerEvent}) against the leader's deliveries whose positions were committed
 * ({@link #leaderCommitted}), in either order and in any order between keys:
 * <ul>
 * <li>a follower event not delivered yet is <em>unmatched</em>; the {@link #shadowTick() shadow} stays before the
 * first one;</li>
 * <li>a delivery the follower has not logged yet is <em>ahead</em>; the follower event that comes later is
 * {@link #isDeliveredAlready delivered already}. The follower logs a synchronous write before its leader acknowledges
 * it, so a tail answer of the follower asked after the delivery has a last tick at or after the write's tick: once
 * the follower's tail has read up to that last tick, the follower can no longer log it, and the entry is dropped (a
 * duplicate delivery of the leader, which at-least-once allows, is dropped that way too).</li>
 * </ul>
 * The follower's reader reports an answer's events in order, then the answer ({@link #followerRead}), and asks for
 * the next answer only after that: the first answer reported after a delivery may have been asked before it, the
 * second cannot.
 *
 * <p>While the follower is out of sync for the shard its resynchronisation writes are no user changes, and events
 * may be missing: {@link #invalidate()} ends the tracker for good (a follower back in sync gets a new one, from a
 * tick its leader's snapshot or tail covers). Safe to call from the follower's reader and the committing thread.
 */
final class ShadowTracker {

    /**
     * A change of the shard as the follower logged it: its tick on the follower, its {@code _key} and {@code _rev},
     * and whether it removed the document.
     */
    private record FollowerEvent(long tick, String key, String rev, boolean removal) {
    }

    private record Change(String key, String rev, boolean removal) {
    }

    /** A follower event after the shadow: delivered from the leader or not yet. */
    private static final class Logged {
        private final FollowerEvent event;
        private boolean delivered;

        private Logged(FollowerEvent event, boolean delivered) {
            this.event = event;
            this.delivered = delivered;
        }
    }

    /** A delivery the follower had not logged: the answers reported since, and the last tick that bounds it. */
    private static final class Ahead {
        private int answers;
        private long bound;
    }

    /** The follower's events from the first not delivered on (and the delivered ones not read past), in its order. */
    private final Deque<Logged> logged = new ArrayDeque<>();
    private final Map<Change, Logged> loggedByChange = new HashMap<>();
    private final Map<Change, Ahead> ahead = new LinkedHashMap<>();
    private long readTick;
    private long lastEventTick;
    private boolean valid = true;

    /**
     * @param from the follower's tick the shadow starts at: every event of the shard the follower logged at or before
     *             it is in its leader's snapshot or tail (read after the leader's batch or tail position was taken)
     */
    ShadowTracker(long from) {
        this.readTick = from;
        this.lastEventTick = from;
    }

    /**
     * The follower logged a change of the shard. Reported in the follower's tick order, after the read position.
     *
     * @throws IllegalArgumentException when {@code tick} is not after the last event or read reported: the shadow
     *                                  never moves back
     */
    synchronized void followerEvent(long tick, String key, String rev, boolean removal) {
        if (!valid) {
            return;
        }
        long reported = maxTick(lastEventTick, readTick);
        if (!Ticks.isAfter(tick, reported)) {
            throw new IllegalArgumentException("Follower event at tick " + Ticks.format(tick) + " is not after tick "
                                               + Ticks.format(reported) + " already reported");
        }
        lastEventTick = tick;
        Change change = new Change(key, rev, removal);
        Logged event = new Logged(new FollowerEvent(tick, key, rev, removal), ahead.remove(change) != null);
        logged.addLast(event);
        loggedByChange.putIfAbsent(change, event);
    }

    /**
     * The leader's delivery of the change of the shard named by {@code key}, {@code rev} and {@code removal} was
     * committed.
     */
    synchronized void leaderCommitted(String key, String rev, boolean removal) {
        if (!valid) {
            return;
        }
        Change change = new Change(key, rev, removal);
        Logged event = loggedByChange.get(change);
        if (event != null) {
            event.delivered = true;
            forgetReadPast();
        } else {
            ahead.putIfAbsent(change, new Ahead());
        }
    }

    /**
     * The follower's tail answered: every event of the shard up to {@code readTick} was reported.
     *
     * @param readTick the answer's last included or scanned tick (the read position)
     * @param lastTick the answer's last tick: the follower's latest tick when it answered
     * @throws IllegalArgumentException when {@code readTick} is before an event or a read reported
     */
    synchronized void followerRead(long readTick, long lastTick) {
        if (!valid) {
            return;
        }
        long reported = maxTick(lastEventTick, this.readTick);
        if (Ticks.isAfter(reported, readTick)) {
            throw new IllegalArgumentException("Follower read to tick " + Ticks.format(readTick) + " is before tick "
                                               + Ticks.format(reported) + " already reported");
        }
        this.readTick = readTick;
        for (Iterator<Ahead> it = ahead.values().iterator(); it.hasNext();) {
            Ahead entry = it.next();
            if (++entry.answers == 2) {
                entry.bound = lastTick;
            }
            if (entry.answers >= 2 && !Ticks.isAfter(entry.bound, readTick)) {
                it.remove();
            }
        }
        forgetReadPast();
    }

    /**
     * The shadow: the follower's tick before its first event of the shard not delivered from the leader, or the read
     * position when every event read was delivered. Every event of the shard the follower logged at or before it was
     * delivered; it never moves back. Empty once {@link #invalidate() invalidated}.
     */
    synchronized OptionalLong shadowTick() {
        if (!valid) {
            return OptionalLong.empty();
        }
        Logged first = logged.peekFirst();
        return OptionalLong.of(first != null && !first.delivered && !Ticks.isAfter(first.event.tick(), readTick)
                ? first.event.tick() - 1 : readTick);
    }

    /**
     * Whether the leader already delivered the follower's change named by {@code key}, {@code rev} and {@code removal} logged after
     * the {@link #shadowTick() shadow} or not read yet: such a change is dropped when capture continues on the
     * follower. False when an earlier change of the same key comes again (not delivered): dropping the later one would
     * leave the key at the older change.
     *
     * @throws IllegalStateException once {@link #invalidate() invalidated}
     */
    synchronized boolean isDeliveredAlready(String key, String rev, boolean removal) {
        requireValid();
        Change change = new Change(key, rev, removal);
        Logged event = loggedByChange.get(change);
        if (event != null ? !event.delivered : !ahead.containsKey(change)) {
            return false;
        }
        for (Logged earlier : logged) { // a change of the key that comes again: the later ones must follow it
            if (earlier == event) {
                return true;
            }
            if (!earlier.delivered && earlier.event.key().equals(key)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every change of the shard the follower logged up to {@code followerTick} was delivered, as a checkpoint proved
     * (the leader's stream delivered up to the leader's tick read after the follower had read up to
     * {@code followerTick}); a change the tracker could not match (its delivery came before the tracker started, or
     * was dropped after a fail-over) no longer holds the shadow back.
     */
    synchronized void deliveredUpTo(long followerTick) {
        if (!valid) {
            return;
        }
        for (Logged event : logged) {
            if (Ticks.isAfter(event.event.tick(), followerTick)) {
                break;
            }
            event.delivered = true;
        }
        forgetReadPast();
    }

    /**
     * The follower is out of sync for the shard: its writes are resynchronisation, not user changes, and the shadow
     * means nothing any more. Final: every later report is ignored.
     */
    synchronized void invalidate() {
        valid = false;
        logged.clear();
        loggedByChange.clear();
        ahead.clear();
    }

    /** Drops the delivered events at or before the shadow: the tail of the follower from the shadow does not see them. */
    private void forgetReadPast() {
        for (Logged first = logged.peekFirst();
             first != null && first.delivered && !Ticks.isAfter(first.event.tick(), readTick);
             first = logged.peekFirst()) {
            logged.removeFirst();
            loggedByChange.remove(new Change(first.event.key(), first.event.rev(), first.event.removal()), first);
        }
    }

    private void requireValid() {
        if (!valid) {
            throw new IllegalStateException("No shadow: the follower went out of sync for the shard");
        }
    }

    private static long maxTick(long a, long b) {
        return Ticks.isAfter(a, b) ? a : b;
    }
}
