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
import java.util.Deque;
import java.util.Optional;

/**
 * Keeps a stream's positions apart: the one last committed (and saved), the events handed out that await their
 * commit, and the position the stream reached.
 * <p>
 * <b>The commit rule, by hand-out order.</b> The events handed out wait for their commit in the order they were
 * handed out. Committing an event means that it and every event handed out before it were delivered: the events up to it stop
 * awaiting their commit and its position is saved. A commit of an event that no longer awaits one (committed
 * already, or handed out before a {@link #load() reload}) is ignored, so a late or repeated commit never moves the
 * saved position back. Events are told apart by identity, not by position: the events of a WAL transaction, and the
 * rows of a dump chunk, share one position, and committing one of them says nothing about the others.
 * <p>
 * It saves a position reached without events itself ({@link #saveIfIdle()}), or when a heartbeat carrying it was
 * delivered ({@link #saveHeartbeat}), but only when every event handed out was committed, so that an automatic save never overtakes an undelivered event. Thread-safe: the poller and the
 * committers (exchange completions) may be different threads.
 */
final class CommitTracker {

    private final PositionStore store;
    private final String key;
    private final ChangeStreamMetrics metrics;
    /** The events handed out that await their commit, in hand-out order. */
    private final Deque<ChangeEvent> awaited = new ArrayDeque<>();
    private ChangePosition committed;
    private ChangePosition reached;
    /** The position of the last event acknowledged as delivered but not saved yet; null when there is none. */
    private ChangePosition delivered;
    private final long idleSaveIntervalNanos;
    /** When (System.nanoTime) the last save was; meaningful once {@link #savedOnce}. */
    private long lastSaveNanos;
    private boolean savedOnce;

    /** @param idleSaveInterval the least time from a save to an idle one ({@link #saveIfIdle()}) */
    CommitTracker(PositionStore store, String key, ChangeStreamMetrics metrics, Duration idleSaveInterval) {
        this.store = store;
        this.key = key;
        this.metrics = metrics;
        this.idleSaveIntervalNanos = idleSaveInterval.toNanos();
    }

    /** Loads the stored position and forgets everything handed out. */
    synchronized Optional<ChangePosition> load() {
        Optional<ChangePosition> stored = store.load(key);
        committed = stored.orElse(null);
        reached = committed;
        delivered = null;
        awaited.clear();
        stored.ifPresent(metrics::committed);
        return stored;
    }

    /** A step was taken from the queue: the stream reached its position; an event now awaits its commit. */
    synchronized void handedOut(StreamStep step) {
        reached = step.position();
        if (step.isEvent()) {
            awaited.add(step.event());
        }
    }

    /**
     * Records that {@code event} and every event handed out before it were delivered, and saves its position —
     * unless it is the position already saved: the events inside a WAL transaction carry the position before it, and
     * the rows of a dump chunk the same snapshot position, so most commits would store the same text again (one file
     * write per change with a file store).
     *
     * @return false when the event did not await a commit (committed already, or handed out before a reload): nothing
     *         changed
     */
    synchronized boolean commit(ChangeEvent event) {
        if (!release(event)) {
            return false;
        }
        save(event.position());
        return true;
    }

    /**
     * Records that {@code event} and every event handed out before it were delivered, without saving its position
     * yet: {@link #saveDelivered()} does. The events stop awaiting their commit (nothing holds them any more), but
     * the stream saves no position of its own ({@link #saveIfIdle()}, a heartbeat) until it did.
     *
     * @return false when the event did not await a commit: nothing changed
     */
    synchronized boolean acknowledge(ChangeEvent event) {
        if (!release(event)) {
            return false;
        }
        delivered = event.position();
        return true;
    }

    /**
     * Saves the position of the last {@link #acknowledge acknowledged} event, if one was not saved yet.
     *
     * @return whether there was one to save
     */
    synchronized boolean saveDelivered() {
        if (delivered == null) {
            return false;
        }
        save(delivered);
        return true;
    }

    /** Stops awaiting the commit of {@code event} and of those handed out before it; false if it awaited none. */
    private boolean release(ChangeEvent event) {
        if (awaited.stream().noneMatch(a -> a == event)) {
            return false;
        }
        ChangeEvent released;
        do {
            released = awaited.poll();
        } while (released != event);
        return true;
    }

    /**
     * Saves the reached position when it moved and no handed-out event awaits its commit, unless an acknowledged
     * position waits for the caller's own save ({@link #saveDelivered()}, once per poll or interval), or the last save
     * was less than the idle save interval ago (a later idle poll saves it).
     */
    synchronized void saveIfIdle() {
        if (delivered == null
            && (!savedOnce || System.nanoTime() - lastSaveNanos >= idleSaveIntervalNanos)) {
            saveReached();
        }
    }

    /**
     * Saves the reached position when it moved and no handed-out event awaits its commit, whatever was acknowledged
     * before it (the save covers it): for a starting point, which must be saved before the events after it go out.
     */
    synchronized void saveReached() {
        if (awaited.isEmpty() && reached != null && !reached.equals(committed)) {
            save(reached);
        }
    }

    /** The reached position when no handed-out event awaits its commit, the position a heartbeat carries. */
    synchronized Optional<ChangePosition> idlePosition() {
        return awaited.isEmpty() && delivered == null ? Optional.ofNullable(reached) : Optional.empty();
    }

    /**
     * Saves the position of a delivered heartbeat, unless the stream handed out something since it was taken (the
     * reached position moved then, and a later commit or heartbeat saves it).
     *
     * @return false when nothing was saved
     */
    synchronized boolean saveHeartbeat(ChangePosition position) {
        if (!awaited.isEmpty() || delivered != null || !position.equals(reached)) {
            return false;
        }
        save(position);
        return true;
    }

    private void save(ChangePosition position) {
        if (!position.equals(committed)) {
            store.save(key, position);
            committed = position;
            lastSaveNanos = System.nanoTime();
            savedOnce = true;
        }
        delivered = null; // every save covers what was acknowledged before it
        metrics.committed(position);
    }

    /**
     * The committed position was found lost: it is saved marked so, and a restart reports it lost again even when the
     * server no longer shows why (its ticks passed the ones that did). The events handed out or acknowledged before
     * are forgotten: a late save of one (a caller that saves once per poll or interval) would store its position
     * without the mark.
     */
    synchronized void markLost(String reason) {
        awaited.clear();
        delivered = null;
        if (committed != null && committed.lost().isEmpty()) {
            save(committed.markedLost(reason));
        }
    }

    synchronized Optional<ChangePosition> committed() {
        return Optional.ofNullable(committed);
    }
}
