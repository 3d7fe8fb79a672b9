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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change-capture engine for one database: a consistent snapshot through a dump batch, then the write-ahead log,
 * delivered as {@link ChangeEvent}s — synchronous and pull-based, so that a polling consumer drives it.
 * <p>
 * <b>Use.</b> Call {@link #poll(int)} repeatedly; deliver each event; after an event's delivery completed, call
 * {@link #commit(ChangeEvent)} with it (committing the last event of a poll is enough: a commit covers every event
 * handed out before it). A restart with the same {@link PositionStore} and stream key resumes after the last committed position:
 * at-least-once, with redeliveries only of events that were handed out but not committed. When a delivery failed,
 * call {@link #rewind()} to have every uncommitted event delivered again. {@link #close()} releases the dump batch.
 * A caller that saves less often {@link #acknowledge acknowledges} each delivered event instead and calls
 * {@link #saveDelivered()} when it wants the position saved (once per poll, per interval, before a rewind).
 * <p>
 * <b>Bounded memory.</b> One poll fetches at most a few chunks and returns at most {@code maxEvents} events; what is
 * left of a chunk waits in the stream (one dump or tail chunk, bounded by the chunk size options, plus the events of
 * open transactions, bounded by {@code transactionBufferSize}: a larger transaction is streamed through). Nothing is
 * fetched while the caller does not poll, so a slow caller slows the fetching — but for one tail response fetched
 * ahead with {@code tailPrefetch} and an executor, about {@code tailChunkSize} bytes.
 * <p>
 * <b>Keep-alive.</b> The dump batch of a snapshot must be used or extended within {@code batchTtl}, and the stream's
 * registration at the server (which keeps the WAL from the committed position on, docs/protocol.md §4.6) must be
 * renewed. Given a timer ({@link #ChangeStream(ReplicationSource, ChangeStreamOptions, PositionStore,
 * ScheduledExecutorService)}), the stream does both on it, however slowly the caller delivers; without one, only
 * from {@link #poll}, so the caller must then poll at least once per third of {@code batchTtl} during a snapshot.
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
 * <b>Heartbeats.</b> With a {@code heartbeatInterval}, the stream saves such a position only through a heartbeat
 * instead: while it hands out no event, {@link #heartbeat()} gives the position it reached once per interval (in the
 * tail phase up to what the server reports as scanned, so it moves while other databases are written), and
 * {@link #commitHeartbeat(ChangePosition)} saves it after the caller delivered it, and moves the registration there.
 * <p>
 * {@code poll}, {@code rewind} and {@code close} may be called from different threads ({@code commit} too, from
 * exchange completions); {@code poll} calls are serialised.
 */
public final class ChangeStream implements CaptureStream {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
    private static final int MAX_FETCHES_PER_POLL = 16;
    private static final long MIN_KEEP_ALIVE_PERIOD_MILLIS = 100;

    private final ChangeStreamOptions options;
    private final ChangeStreamMetrics metrics = new ChangeStreamMetrics();
    private final IdleWait idleWait = new IdleWait();
    private final Deque<StreamStep> queue = new ArrayDeque<>();
    private final Object pollLock = new Object();
    private final CommitTracker commits;
    private final CapturePhases phases;
    /** The stream's registration at the server; null in snapshotMode INITIAL_ONLY, which tails no WAL. */
    private final WalRegistration registration;
    /** The keep-alive on the caller's timer; null without one. */
    private final ScheduledFuture<?> keepAliveTask;
    private final Clock clock;

    private boolean started;
    private boolean released;
    /** The snapshot resumes already answered with a registration. */
    private long snapshotResumesSeen;
    /** Whether the next poll registers at once: the last one failed, the server may have forgotten the stream. */
    private boolean registrationToRenew;
    private volatile boolean closed;
    private volatile ChangeStreamException failure;
    private boolean rewound;
    /** When the stream last handed out an event or a heartbeat; null before the first poll. */
    private Instant lastBeat;

    /**
     * A stream over the client's database, resuming from the position stored under {@code options.streamKey()}.
     * Nothing is sent to the server before the first {@link #poll}. The stream does not close the client.
     */
    public ChangeStream(ArangoReplicationClient client, ChangeStreamOptions options, PositionStore store) {
        this(new ClientReplicationSource(client, options.streamKey()), options, store);
    }

    /**
     * A stream reading {@code source}, resuming from the position stored under {@code options.streamKey()}, whose
     * keep-alive runs from {@link #poll} only. Nothing is sent to the server before the first {@link #poll}.
     */
    public ChangeStream(ReplicationSource source, ChangeStreamOptions options, PositionStore store) {
        this(source, options, store, Clock.systemUTC(), null);
    }

    /**
     * A stream reading {@code source}, resuming from the position stored under {@code options.streamKey()}, that keeps
     * its dump batch and its registration at the server alive on {@code timer}, however slowly its events are
     * delivered. Nothing is sent to the server before the first {@link #poll}. {@link #close()} cancels the stream's
     * task; the caller owns the timer and shuts it down.
     */
    public ChangeStream(ReplicationSource source, ChangeStreamOptions options, PositionStore store,
                        ScheduledExecutorService timer) {
        this(source, options, store, Clock.systemUTC(), Objects.requireNonNull(timer, "timer"), null);
    }

    /**
     * A stream as {@link #ChangeStream(ReplicationSource, ChangeStreamOptions, PositionStore,
     * ScheduledExecutorService)} whose snapshot fetches ahead on {@code fetcher}: the next dump chunk of each
     * collection under way is asked for while the caller delivers the one before, and up to
     * {@link ChangeStreamOptions#snapshotParallelism()} collections are dumped at once, so the fetcher needs that many
     * threads to run them all at the same time. {@link #close()} waits for a dump call under way and drops its chunk;
     * the caller owns the fetcher and shuts it down after the stream was closed. With
     * {@link ChangeStreamOptions#tailPrefetch()} the tail makes its next {@code wal/tail} call on the fetcher too,
     * while the caller delivers the events of the previous one (one call ahead at most, dropped by {@link #rewind()}
     * and {@link #close()}, which wait for it to end).
     */
    public ChangeStream(ReplicationSource source, ChangeStreamOptions options, PositionStore store,
                        ScheduledExecutorService timer, Executor fetcher) {
        this(source, options, store, Clock.systemUTC(), Objects.requireNonNull(timer, "timer"),
                Objects.requireNonNull(fetcher, "fetcher"));
    }

    ChangeStream(ReplicationSource source, ChangeStreamOptions options, PositionStore store, Clock clock,
                 ScheduledExecutorService timer) {
        this(source, options, store, clock, timer, null);
    }

    ChangeStream(ReplicationSource source, ChangeStreamOptions options, PositionStore store, Clock clock,
                 ScheduledExecutorService timer, Executor fetcher) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
        this.commits = new CommitTracker(Objects.requireNonNull(store, "store"), options.streamKey(), metrics,
                options.idleSaveInterval());
        this.phases = new CapturePhases(Objects.requireNonNull(source, "source"), options, metrics, idleWait, clock,
                fetcher, queue::add);
        this.registration = options.snapshotMode() == SnapshotMode.INITIAL_ONLY ? null
                : new WalRegistration(source, options.registrationInterval(), clock, options.streamKey());
        long period = keepAlivePeriodMillis(options);
        this.keepAliveTask = timer == null ? null
                : timer.scheduleWithFixedDelay(this::keepAliveOnTimer, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Returns the next events, at most {@code maxEvents}, in order; possibly none (idle WAL, filtered changes).
     *
     * @throws PositionLostException    when the position is lost and the policy is FAIL (again on every poll)
     * @throws SnapshotStalledException when the snapshot's batch expired again and again during the dump of one
     *                                  collection (again on every poll)
     * @throws ChangeStreamException    when the stream stopped at a change it must not pass under its options
     *                                  (an unknown marker under {@link UnknownMarkerPolicy#FAIL}, a renamed
     *                                  collection under {@link CollectionRenamePolicy#FAIL}, a bad line under
     *                                  {@link BadLinePolicy#FAIL}), after the events before it were returned (again
     *                                  on every poll)
     * @throws IllegalStateException    after {@link #close()}
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
                commits.markLost(e.reason());
                throw e;
            } catch (SnapshotStalledException e) {
                failure = e;
                throw e;
            } catch (RuntimeException e) {
                // a poll may make several server calls: the events of the earlier ones were handed to the queue and
                // the readers moved past them, but the caller gets none of them; start again from the committed
                // position so they are delivered by a later poll
                forgetUncommitted();
                registrationToRenew = true; // the server may have restarted and forgotten the registration
                throw e;
            }
            if (events.isEmpty() && failure != null) {
                throw failure; // a halt was reached: the events before it went out with the previous poll
            }
            return events;
        }
    }

    /**
     * Records that {@code event} and every event this stream handed out before it were delivered, and saves the
     * event's {@link ChangeEvent#position() position} in the {@link PositionStore}. Call it only once the delivery of
     * the event and of every earlier one completed without failure.
     * <p>
     * The rule is the order in which {@link #poll} handed the events out, not their positions (the events of a WAL
     * transaction share one position, as do the rows of a dump chunk). A caller that delivers asynchronously must
     * therefore commit in hand-out order: commit an event only when it and all events before it completed (commit
     * the last one of such a run). A commit of an event that no longer awaits one — committed already, directly or
     * through a later event, or handed out before a {@link #rewind()} — is ignored, so the stored position never
     * moves back.
     */
    public void commit(ChangeEvent event) {
        if (!commits.commit(Objects.requireNonNull(event, "event"))) {
            LOG.debug("Change stream '{}' ignores the commit of {}: it awaits no commit", options.streamKey(), event);
        }
    }

    /**
     * Records, as {@link #commit} does, that {@code event} and every event handed out before it were delivered, but
     * leaves the save of its position to {@link #saveDelivered()}: for a caller that saves once per poll or per
     * interval. The stream keeps nothing of those events, and saves no position of its own (an idle stream's, a
     * heartbeat's) before that save. Ignored, as a commit is, for an event that no longer awaits one.
     */
    public void acknowledge(ChangeEvent event) {
        if (!commits.acknowledge(Objects.requireNonNull(event, "event"))) {
            LOG.debug("Change stream '{}' ignores the acknowledgement of {}: it awaits no commit", options.streamKey(),
                    event);
        }
    }

    /**
     * Saves the position of the last {@link #acknowledge acknowledged} event in the {@link PositionStore}, unless it
     * was saved already (or forgotten by a {@link #rewind()}, a failed poll or a lost position: the events after the
     * committed position are delivered again then).
     *
     * @return whether a position was saved
     */
    public boolean saveDelivered() {
        return commits.saveDelivered();
    }

    /**
     * The position of a heartbeat, when one is due: the stream has a {@code heartbeatInterval}, handed out no event
     * and no heartbeat for that long, and every event handed out was committed. Deliver it (or not), then
     * {@link #commitHeartbeat(ChangePosition) commit} it; the position may be the one committed already (the stream
     * is alive but the server scanned nothing new).
     */
    public Optional<ChangePosition> heartbeat() {
        if (options.heartbeatInterval().isZero()) {
            return Optional.empty();
        }
        synchronized (pollLock) {
            Instant now = clock.instant();
            if (closed || failure != null || lastBeat == null
                    || Duration.between(lastBeat, now).compareTo(options.heartbeatInterval()) < 0) {
                return Optional.empty();
            }
            Optional<ChangePosition> position = commits.idlePosition();
            if (position.isPresent()) {
                lastBeat = now;
            }
            return position;
        }
    }

    /**
     * Saves the position of a delivered {@link #heartbeat()} and moves the stream's registration at the server there
     * (at most every {@code registrationInterval}); ignored when the stream handed out an event since the heartbeat.
     */
    public void commitHeartbeat(ChangePosition position) {
        if (commits.saveHeartbeat(Objects.requireNonNull(position, "position"))) {
            synchronized (pollLock) {
                if (!closed) {
                    keepRegistration();
                }
            }
        }
    }

    /**
     * Forgets every event handed out but not committed, and continues from the committed position, so those events
     * are delivered again. During a snapshot this resumes the snapshot with a new batch. A tail response fetched
     * ahead is dropped (once its call ended).
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
     * The failure that stopped this stream (a lost position under the FAIL policy, a stalled snapshot, an unknown
     * marker, a renamed collection or a bad line under their FAIL policies), which every {@link #poll} throws again
     * until {@link #rewind()}; empty while the stream is healthy.
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

    @Override
    public Optional<String> committedPositionJson() {
        return committedPosition().map(ChangePosition::toJson);
    }

    /**
     * Stops the stream: ends a wait in {@link #poll}, stops the keep-alive and deletes a held dump batch. The stream's
     * registration at the server is left at the committed position, where the server keeps it until its client TTL
     * runs out so that a restart finds the WAL from there on; with {@code unregisterOnStop} it is removed.
     */
    @Override
    public void close() {
        closed = true;
        idleWait.wake();
        if (keepAliveTask != null) {
            keepAliveTask.cancel(false);
        }
        synchronized (pollLock) {
            if (released) {
                return;
            }
            released = true;
            phases.reset();
            if (registration != null) {
                registration.close(protectedTick(), options.unregisterOnStop());
            }
        }
    }

    /**
     * Keeps the dump batch and the registration alive when due: the timer's task, whatever the caller's pace. A
     * batch found expired under positionLostPolicy FAIL becomes the stream's {@link #failure()}, thrown by the next
     * poll; other failures are logged and retried at the next run.
     */
    void keepAlive() {
        synchronized (pollLock) {
            if (closed || failure != null) {
                return;
            }
            try {
                phases.keepAlive();
            } catch (PositionLostException | SnapshotStalledException e) {
                failure = e;
                return;
            } catch (RuntimeException e) {
                LOG.debug("Change stream '{}' could not extend its dump batch; it tries again: {}", options.streamKey(),
                        e.toString());
            }
            keepRegistration();
        }
    }

    /** The timer's task: {@link #keepAlive()}, which an {@link Error} must not cancel for good. */
    private void keepAliveOnTimer() {
        try {
            keepAlive();
        } catch (Error e) {
            LOG.error("Change stream '{}' keep-alive failed; it runs again at its next turn", options.streamKey(), e);
        }
    }

    private void keepRegistration() {
        if (registration == null) {
            return;
        }
        long resumes = metrics.snapshotResumes();
        if (resumes != snapshotResumesSeen) { // the snapshot went on with a new batch: the server may have restarted
            snapshotResumesSeen = resumes;
            registration.renew();
        }
        registration.keepAt(protectedTick());
    }

    /**
     * The tick a restart would resume after: the running (or just completed) snapshot's earliest tick, else the
     * committed position's; 0 when there is none yet.
     */
    private long protectedTick() {
        OptionalLong snapshot = phases.snapshotTick();
        return snapshot.isPresent() ? snapshot.getAsLong()
                : commits.committed().map(ChangePosition::from).orElse(0L);
    }

    private static long keepAlivePeriodMillis(ChangeStreamOptions options) {
        long period = Math.min(options.registrationInterval().toMillis(), options.batchTtl().toMillis() / 6);
        return Math.max(MIN_KEEP_ALIVE_PERIOD_MILLIS, period);
    }

    private List<ChangeEvent> fetchAndDrain(int maxEvents) {
        if (!started) {
            Optional<ChangePosition> stored = commits.load();
            // before the start creates any batch (the continuity check, the catalog's inventory): with a configured
            // syncerId a batch moves the stream's registration to the server's current tick, and moves it back only
            // to a tick registered before
            keepRegistration();
            phases.start(stored, rewound);
            rewound = false;
            started = true;
            lastBeat = clock.instant();
        }
        if (registrationToRenew && registration != null) {
            registration.renew();
        }
        registrationToRenew = false;
        List<ChangeEvent> out = new ArrayList<>(Math.min(maxEvents, 1024));
        phases.keepAlive();
        boolean more = true;
        for (int fetches = 0; ; fetches++) {
            boolean drained = drain(out, maxEvents);
            if (!drained || out.size() >= maxEvents || phases.isFinished() || closed || !more || failure != null
                    || fetches == MAX_FETCHES_PER_POLL) {
                break;
            }
            keepRegistration(); // a snapshot resuming after a lost batch registers again before its new batch
            more = phases.fetch();
        }
        if (!out.isEmpty()) {
            lastBeat = clock.instant();
        } else if (options.heartbeatInterval().isZero()) {
            commits.saveIfIdle();
        }
        keepRegistration();
        return out;
    }

    /**
     * Hands out the queued steps up to {@code maxEvents} events, or up to a halt, which becomes the failure. A notice
     * is told to the listener when no event of this poll comes before it; otherwise it waits for the next poll, so
     * that the caller delivers the events before it first.
     *
     * @return false when it stopped at a notice: one that waits, or one the listener did not hear (it stays at the
     *         head of the queue and is told again by the next poll)
     */
    private boolean drain(List<ChangeEvent> out, int maxEvents) {
        StreamStep next;
        while (out.size() < maxEvents && (next = queue.peek()) != null) {
            if (next.isNotice() && !out.isEmpty()) {
                return false;
            }
            if (next.isNotice() && !options.listener().onNotification(next.notice())) {
                LOG.debug("Change stream '{}' holds at {}: its listener did not hear it", options.streamKey(),
                        next.notice());
                return false;
            }
            queue.poll();
            if (next.isHalt()) {
                failure = next.halt();
                return true;
            } else if (!next.isNotice()) {
                commits.handedOut(next);
                if (next.start()) {
                    // a starting point the stream chose without an event (a new snapshot's tick, snapshotMode NEVER's
                    // current tick): a rewind or a restart before the first commit resumes from it rather than from a
                    // newer tick, which would skip the changes in between
                    commits.saveReached();
                }
                if (next.isEvent()) {
                    out.add(next.event());
                    metrics.delivered(next.event().type());
                }
            }
        }
        return true;
    }
}
