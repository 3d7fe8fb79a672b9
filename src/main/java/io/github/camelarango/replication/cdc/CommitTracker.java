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

import java.util.Optional;

/**
 * Keeps a stream's positions apart: the one last committed (and saved), the one of the last event handed out, and
 * the one the stream reached. It saves a position reached without events itself, but only when no handed-out event
 * awaits its commit, so that an automatic save never overtakes an undelivered event. Thread-safe: the poller and
 * the committers (exchange completions) may be different threads.
 */
final class CommitTracker {

    private final PositionStore store;
    private final String key;
    private final ChangeStreamMetrics metrics;
    private ChangePosition committed;
    private ChangePosition reached;
    /** The position of the last event handed out, until it is committed; null when nothing awaits a commit. */
    private ChangePosition awaited;

    CommitTracker(PositionStore store, String key, ChangeStreamMetrics metrics) {
        this.store = store;
        this.key = key;
        this.metrics = metrics;
    }

    /** Loads the stored position and forgets everything handed out. */
    synchronized Optional<ChangePosition> load() {
        Optional<ChangePosition> stored = store.load(key);
        committed = stored.orElse(null);
        reached = committed;
        awaited = null;
        stored.ifPresent(metrics::committed);
        return stored;
    }

    /** A step was taken from the queue: the stream reached its position; an event now awaits its commit. */
    synchronized void handedOut(StreamStep step) {
        reached = step.position();
        if (step.isEvent()) {
            awaited = step.position();
        }
    }

    /**
     * Saves a delivered event's position, unless it is the position already committed: the events inside a WAL
     * transaction carry the position before it, and the documents of a collection's dump the same snapshot position,
     * so most commits would store the same text again (one file append per change with Camel's file store).
     */
    synchronized void commit(ChangePosition position) {
        if (!position.equals(committed)) {
            store.save(key, position);
            committed = position;
        }
        if (position.equals(awaited)) {
            awaited = null;
        }
        metrics.committed(position);
    }

    /** Saves the reached position when it moved and no handed-out event awaits its commit. */
    synchronized void saveIfIdle() {
        if (awaited == null && reached != null && !reached.equals(committed)) {
            commit(reached);
        }
    }

    synchronized Optional<ChangePosition> committed() {
        return Optional.ofNullable(committed);
    }
}
