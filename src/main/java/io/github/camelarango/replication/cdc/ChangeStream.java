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
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.Require;

/**
 * The change-capture engine for one database: a consistent snapshot through a dump batch, then the write-ahead log,
 * delivered as {@link ChangeEvent}s — synchronous and pull-based, so that a polling consumer drives it.
 * <p>
 * <b>Use.</b> Call {@link #poll(int)} repeatedly; deliver each event; after an event's delivery completed, call
 * {@link #commit(ChangePosition)} with its {@link ChangeEvent#position()} (committing the last event of a poll is
 * enough). A restart with the same {@link PositionStore} and stream key resumes after the last committed position:
 * at-least-once, with redeliveries only of events that were handed out but not committed. When a delivery failed,
 * call {@link #rewind()} to have every uncommitted event delivered again. {@link #close()} releases the dump batch.
 * <p>
 * <b>Bounded memory.</b> One poll fetches at most a few chunks and returns at most {@code maxEvents} events; what is
 * left of a chunk waits in the stream (one dump or tail chunk, bounded by the chunk size options, plus the events of
 * open transactions, bounded by {@code transactionBufferSize}: a larger transaction is streamed through). Nothing is fetched while the caller does not poll, so
 * a slow caller slows the fetching. A caller must poll at least once per third of {@code batchTtl} during a snapshot,
 * or the batch expires (handled as a lost position).
 * <p>
 * <b>Waiting.</b> When the WAL has nothing new, {@code poll} waits before asking again — between
 * {@code idleMinWait} and {@code idleMaxWait}, adaptively — and then returns what it found (possibly nothing).
 * {@link #close()} ends such a wait at once.
 * <p>
 * <b>Snapshot and hand-off.</b> The snapshot dumps every selected collection under one batch and then tails the WAL
 * after the batch's {@code lastTick}: no gap, no duplicate. A restart during a snapshot resumes it with a new batch,
 * dumping again only the collections not completed, and tails after the earliest snapshot tick (see
 * {@link SnapshotMode} for when a snapshot is taken, and {@link PositionLostPolicy} for a lost position).
 * <p>
 * <b>Position commits.</b> Positions handed out never lie inside an open WAL transaction. When a poll produces no
 * event but the position moved (filtered markers, empty collections, idle tail) and every handed-out event was
 * committed, the stream saves the new position itself, so an idle or filtered stream does not fall behind.
 * <p>
 * {@code poll}, {@code rewind} and {@code close} may be called from different threads ({@code commit} too, from
 * exchange completions); {@code poll} calls are serialised.
 */
public final class ChangeStream implements AutoCloseable {

    private static final int MAX_FETCHES_PER_POLL = 16;

    private final ChangeStreamOptions options;
    private final ChangeStreamMetrics metrics = new ChangeStreamMetrics();
    private final IdleWait idleWait = new IdleWait();
    private final Deque<StreamStep> queue = new ArrayDeque<>();
    private final Object pollLock = new Object();
    private final CommitTracker commits;
    private final CapturePhases phases;

    private boolean started;
    private volatile boolean closed;
    private volatile ChangeStreamException failure;
    private boolean rewound;

    /**
     * A stream over the client's database, resuming from the position stored under {@code options.streamKey()}.
     * Nothing is sent to the server before the first {@link #poll}. The stream does not close the client.
     */
    public ChangeStream(ArangoReplicationClient client, ChangeStreamOptions options, PositionStore store) {
        this(new ClientReplicationSource(client, options.streamKey()), options, store);
    }

    /**
     * A stream reading {@code source}, resuming from the position stored under {@code options.streamKey()}.
     * Nothing is sent to the server before the first {@link #poll}.
     */
    public ChangeStream(ReplicationSource source, ChangeStreamOptions options, PositionStore store) {
        this(source, options, store, Clock.systemUTC());
    }

    ChangeStream(ReplicationSource source, ChangeStreamOptions options, PositionStore store, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.commits = new CommitTracker(Objects.requireNonNull(store, "store"), options.streamKey(), metrics);
        this.phases = new CapturePhases(Objects.requireNonNull(source, "source"), options, metrics, idleWait, clock,
                queue::add);
    }

    /**
     * Returns the next events, at most {@code maxEvents}, in order; possibly none (idle WAL, filtered changes).
     *
     * @throws PositionLostException when the position is lost and the policy is FAIL (again on every poll)
     * @throws ChangeStreamException when the stream stopped at a change it must not pass under its options
     *                               (an unknown marker under {@link UnknownMarkerPolicy#FAIL}, a renamed collection
     *                               under {@link CollectionRenamePolicy#FAIL}, a bad line under
     *                               {@link BadLinePolicy#FAIL}), after the events before it were returned (again on
     *                               every poll)
     * @throws IllegalStateException after {@link #close()}
     */
    public List<ChangeEvent> poll(int maxEvents) {
        Require.positive("maxEvents", maxEvents);
        synchronized (pollLock) {
            if (closed) {
                throw new IllegalStateException("change stream '" + options.streamKey() + "' is closed");
            }
            if (failure != null) {
                throw failure;
            }
            List<ChangeEvent> events;
            try {
                events = fetchAndDrain(maxEvents);
            } catch (PositionLostException e) {
                failure = e;
                throw e;
            } catch (RuntimeException e) {
                // a poll may make several server calls: the events of the earlier ones were handed to the queue and
                // the readers moved past them, but the caller gets none of them; start again from the committed
                // position so they are delivered by a later poll
                forgetUncommitted();
                throw e;
            }
            if (events.isEmpty() && failure != null) {
                throw failure; // a halt was reached: the events before it went out with the previous poll
            }
            return events;
        }
    }

    /**
     * Records that every event up to the one carrying {@code position} was delivered, and saves the position in the
     * {@link PositionStore}. Call it only after the event's delivery completed without failure.
     */
    public void commit(ChangePosition position) {
        commits.commit(Objects.requireNonNull(position, "position"));
    }

    /**
     * Forgets every event handed out but not committed, and continues from the committed position, so those events
     * are delivered again. During a snapshot this resumes the snapshot with a new batch.
     */
    public void rewind() {
        synchronized (pollLock) {
            forgetUncommitted();
            failure = null;
        }
    }

    private void forgetUncommitted() {
        queue.clear();
        phases.reset();
        rewound = true;
        started = false;
    }

    /**
     * The failure that stopped this stream (a lost position under the FAIL policy, an unknown marker, a renamed
     * collection or a bad line under their FAIL policies), which every {@link #poll} throws
     * again until {@link #rewind()}; empty while the stream is healthy.
     * Transient failures (network, server errors) are thrown by {@code poll} once and are not kept: the next poll
     * retries.
     */
    public Optional<ChangeStreamException> failure() {
        return Optional.ofNullable(failure);
    }

    /** True once an {@link SnapshotMode#INITIAL_ONLY} snapshot was fully handed out: nothing more will come. */
    public boolean isFinished() {
        synchronized (pollLock) {
            return phases.isFinished() && queue.isEmpty();
        }
    }

    /** Live figures of this stream. */
    public ChangeStreamMetrics metrics() {
        return metrics;
    }

    /** The last committed (or, when idle, automatically saved) position. */
    public Optional<ChangePosition> committedPosition() {
        return commits.committed();
    }

    /**
     * Stops the stream: ends a wait in {@link #poll} and deletes a held dump batch. The server keeps the stream's
     * replication client registration until its client TTL runs out.
     */
    @Override
    public void close() {
        closed = true;
        idleWait.wake();
        synchronized (pollLock) {
            phases.reset();
        }
    }

    private List<ChangeEvent> fetchAndDrain(int maxEvents) {
        if (!started) {
            phases.start(commits.load(), rewound);
            rewound = false;
            started = true;
            saveStartingPoint();
        }
        List<ChangeEvent> out = new ArrayList<>(Math.min(maxEvents, 1024));
        phases.keepAlive();
        boolean more = true;
        for (int fetches = 0; ; fetches++) {
            drain(out, maxEvents);
            if (out.size() >= maxEvents || phases.isFinished() || closed || !more || failure != null
                    || fetches == MAX_FETCHES_PER_POLL) {
                break;
            }
            more = phases.fetch();
        }
        commits.saveIfIdle();
        return out;
    }

    /**
     * Saves at once a starting point the stream chose without an event (snapshotMode NEVER without a stored position:
     * the server's current tick), so that a rewind or a restart before the first commit resumes from it rather than
     * from a newer server tick, which would skip the changes in between.
     */
    private void saveStartingPoint() {
        StreamStep head = queue.peek();
        if (head != null && !head.isEvent() && !head.isHalt()) {
            commits.handedOut(queue.poll());
            commits.saveIfIdle();
        }
    }

    /** Hands out the queued steps up to {@code maxEvents} events, or up to a halt, which becomes the failure. */
    private void drain(List<ChangeEvent> out, int maxEvents) {
        StreamStep next;
        while (out.size() < maxEvents && (next = queue.poll()) != null) {
            if (next.isHalt()) {
                failure = next.halt();
                return;
            }
            commits.handedOut(next);
            if (next.isEvent()) {
                out.add(next.event());
                metrics.delivered(next.event().type());
            }
        }
    }
}
