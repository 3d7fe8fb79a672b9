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
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.github.camelarango.replication.client.Ticks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases of a {@link ChangeStream}: which reader runs — the snapshot, the tail — and the switches between
 * them: the first choice from the stored position and {@link SnapshotMode}, the hand-off after the snapshot, the
 * resumption of a snapshot with a new batch, and what a lost position does under the {@link PositionLostPolicy}.
 * Their steps go to the stream's queue. Not thread-safe: the stream calls it under its poll lock.
 */
final class CapturePhases {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
    /** Batch expiries in a row without a collection completed in between, after which the snapshot stops. */
    static final int MAX_EXPIRIES_OF_ONE_COLLECTION = 3;

    private final ReplicationSource source;
    private final ChangeStreamOptions options;
    private final ChangeStreamMetrics metrics;
    private final IdleWait idleWait;
    private final Clock clock;
    private final SnapshotProgressLog progressLog;
    private final PositionStamp stamp = new PositionStamp();
    private final ContinuityCheck continuity;
    private final Consumer<StreamStep> out;
    /**
     * Where calls to the server run ahead of the caller (the snapshot's dump calls, and the tail's next call with
     * tailPrefetch); null to make them when polled.
     */
    private final Executor fetcher;

    private CollectionCatalog catalog;
    private SnapshotReader snapshot;
    /** A completed snapshot whose batch still guards the WAL until the first tail call succeeded. */
    private SnapshotReader handOff;
    private ChangePosition snapshotToResume;
    private boolean snapshotToStart;
    private WalTailer tailer;
    private boolean finished;
    private boolean tailed;
    /** Whether the server must be checked again before the snapshot resumes (a batch lost, a dump call failed). */
    private boolean serverToRecheck;
    /**
     * The collections completed when the batch last expired, and how many expiries in a row saw no collection
     * completed in between (with parallel dumps the one whose call meets the lost batch first varies).
     */
    private Set<String> completedAtLastExpiry;
    private int expiriesInARow;

    CapturePhases(ReplicationSource source, ChangeStreamOptions options, ChangeStreamMetrics metrics, IdleWait idleWait,
                  Clock clock, Executor fetcher, Consumer<StreamStep> out) {
        this.fetcher = fetcher;
        this.source = source;
        this.options = options;
        this.metrics = metrics;
        this.idleWait = idleWait;
        this.clock = clock;
        this.progressLog = new SnapshotProgressLog(clock, options.progressLogInterval());
        this.catalog = new CollectionCatalog(options.filter());
        this.continuity = new ContinuityCheck(source, options, clock);
        // every position lists the collections captured then, names its server and the last change delivered
        this.out = step -> out.accept(step.position() == null ? step // a halt, a notice
                : stamp.apply(step, catalog.stamp(step.position())));
    }

    /**
     * Chooses the first reader from the stored position and the snapshot mode, on the server that answers now: every
     * position handed out from here on names it.
     *
     * @param honourStored resume from the stored position whatever the mode (after a rewind)
     */
    void start(Optional<ChangePosition> stored, boolean honourStored) {
        stamp.start(source::serverId, stored.orElse(null));
        if (honourStored && stored.isPresent()) {
            resumeFrom(stored.get());
            return;
        }
        SnapshotMode mode = options.snapshotMode();
        if (mode == SnapshotMode.ALWAYS || stored.isEmpty() && mode != SnapshotMode.NEVER) {
            LOG.info("Change stream '{}' starts with a snapshot (snapshotMode {}{})", options.streamKey(), mode,
                    stored.isEmpty() ? ", no stored position" : "");
            snapshotToStart = true;
            return;
        }
        if (stored.isEmpty()) {
            ChangePosition now = ChangePosition.tail(source.lastTick(), 0);
            LOG.info("Change stream '{}' starts tailing after the server's current tick {} (snapshotMode NEVER)",
                    options.streamKey(), Ticks.format(now.from()));
            startTail(now, false);
            out.accept(StreamStep.startingPoint(now));
            return;
        }
        resumeFrom(stored.get());
    }

    private void resumeFrom(ChangePosition position) {
        LOG.info("Change stream '{}' resumes from {}", options.streamKey(), position);
        if (position.isSnapshot()) {
            try {
                continuity.verify(position, stamp.server());
                snapshotToResume = position;
            } catch (PositionLostSignal lost) {
                onSnapshotPositionLost(lost);
            }
        } else if (options.snapshotMode() == SnapshotMode.INITIAL_ONLY) {
            finished = true;
        } else {
            try {
                continuity.verify(position, stamp.server());
                position.collections().ifPresent(catalog::restore); // the captured collections as of the position
                startTail(position, tailed);
            } catch (PositionLostSignal lost) {
                onTailPositionLost(lost);
            }
        }
    }

    /** Extends the batch of a running or just completed snapshot when due. */
    void keepAlive() {
        if (handOff != null) {
            try {
                handOff.keepAlive();
            } catch (BatchExpiredException e) {
                releaseHandOff(); // the snapshot is complete; the tail reports a purged WAL if it comes to that
            }
        }
        if (snapshot == null) {
            return;
        }
        try {
            snapshot.keepAlive(); // other failures leave the batch and its dump positions intact: retried next poll
        } catch (BatchExpiredException e) {
            onBatchExpired(e);
        }
    }

    /**
     * One fetch from the current reader; returns whether more may be fetched at once.
     *
     * @throws PositionLostException when the position is lost under the FAIL policy
     */
    boolean fetch() {
        if (snapshotToStart || snapshotToResume != null) {
            startSnapshot();
            return true;
        }
        if (snapshot != null) {
            return fetchSnapshot();
        }
        if (tailer != null) {
            try {
                boolean more = tailer.fetch(out);
                releaseHandOff();
                return more;
            } catch (PositionLostSignal e) {
                releaseHandOff();
                onTailPositionLost(e);
                return true;
            }
        }
        return false;
    }

    private boolean fetchSnapshot() {
        try {
            snapshot.fetch(out);
        } catch (BatchExpiredException e) {
            onBatchExpired(e);
            return true;
        } catch (RuntimeException e) {
            abandonSnapshot();
            throw e;
        }
        if (snapshot.isComplete()) {
            ChangePosition tailStart = ChangePosition.tail(snapshot.snapshotTick(), 0);
            handOff = snapshot;
            snapshot = null;
            if (options.snapshotMode() == SnapshotMode.INITIAL_ONLY) {
                releaseHandOff();
                finished = true;
                return false;
            }
            startTail(tailStart, true);
        }
        return true;
    }

    private void releaseHandOff() {
        if (handOff != null) {
            handOff.close();
            handOff = null;
        }
    }

    /** A failed dump call may have lost a chunk on the server: continue later with a new batch. */
    private void abandonSnapshot() {
        metrics.snapshotResumed();
        serverToRecheck = true;
        snapshotToResume = snapshot.position();
        snapshot.close();
        snapshot = null;
    }

    private void startSnapshot() {
        ChangePosition resume = snapshotToResume;
        snapshotToStart = false;
        snapshotToResume = null;
        catalog = new CollectionCatalog(options.filter());
        if (resume != null) {
            resume.collections().ifPresent(catalog::restore);
        }
        SnapshotReader reader = new SnapshotReader(source,
                new SnapshotReader.Settings(options.batchTtl(), options.initialDumpChunkSize(),
                        options.maxDumpChunkSize(), new BadLineRule(options), options.snapshotParallelism()),
                options.filter(), catalog, metrics, progressLog, clock, resume, fetcher);
        try {
            if (resume != null && serverToRecheck) {
                recheckServer(resume);
            }
            reader.start(); // a resumed snapshot's new batch below its tick: PositionLostSignal
            sameHistory(reader);
        } catch (PositionLostSignal lost) {
            onSnapshotPositionLost(lost);
            return;
        } catch (RuntimeException e) {
            snapshotToResume = resume;
            snapshotToStart = resume == null;
            throw e;
        }
        snapshot = reader;
        metrics.phase(ChangePosition.Phase.SNAPSHOT);
        out.accept(notice(ChangeStreamNotification.Type.STARTED, "snapshotTick", Ticks.format(reader.snapshotTick()),
                "collections", String.join(",", reader.pendingCollections()), "resumed", String.valueOf(resume != null)));
        out.accept(StreamStep.startingPoint(reader.position())); // saved before the first row is handed out
    }

    /**
     * A new batch's tick below the highest last tick the stream had seen of the server (in this run, or stored with
     * the position it resumes): the server went back in its history. Otherwise the batch's tick is seen.
     */
    private void sameHistory(SnapshotReader reader) {
        if (Ticks.isAfter(stamp.serverTick(), reader.batchTick())) {
            reader.close();
            throw PositionLostSignal.serverWentBack(source.database(), reader.snapshotTick(), reader.batchTick(),
                    stamp.serverTick());
        }
        stamp.serverTickSeen(reader.batchTick());
    }

    /**
     * Before a snapshot resumes within a run (its batch was lost, or a dump call failed: the server may have
     * restarted), the server must still be the one its positions name.
     */
    private void recheckServer(ChangePosition resume) {
        serverToRecheck = false;
        String before = stamp.server();
        String now = source.serverId();
        if (!now.equals(before)) {
            throw PositionLostSignal.otherServer(resume.snapshotTick(), before, now);
        }
    }

    private void startTail(ChangePosition from, boolean catalogKnown) {
        if (!catalogKnown) {
            loadCatalog();
        }
        ChangeFilter filter = options.filter();
        TransactionBuffer transactions = new TransactionBuffer(options.transactionBufferSize(),
                options.maxTransactionEvents());
        WalEventAssembler assembler = new WalEventAssembler(source.database(), catalog, transactions, from, options,
                metrics);
        tailer = new WalTailer(source, assembler, new IdleBackoff(options.idleMinWait(), options.idleMaxWait()),
                idleWait, metrics, stamp, options.tailChunkSize(), filter, options.tailPrefetch() ? fetcher : null);
        tailed = true;
        metrics.phase(ChangePosition.Phase.TAIL);
    }

    /**
     * Without a snapshot in this run, the collections not known yet come from an inventory under a short-lived batch
     * (those a stored position captured keep the names they had then).
     */
    private void loadCatalog() {
        try (BatchLease lease = BatchLease.create(source, options.batchTtl(), clock)) {
            catalog.seed(source.inventory(lease.id(), options.filter().includeSystem()));
        }
    }

    /**
     * The policy in force when the position is lost: snapshotMode WHEN_NEEDED takes a snapshot whatever
     * positionLostPolicy says.
     */
    private PositionLostPolicy policyInForce() {
        return options.snapshotMode() == SnapshotMode.WHEN_NEEDED ? PositionLostPolicy.RESNAPSHOT
                : options.positionLostPolicy();
    }

    private void onTailPositionLost(PositionLostSignal lost) {
        metrics.positionLost();
        dropTailer();
        String what = lost.getMessage();
        PositionLostPolicy policy = policyInForce();
        if (policy == PositionLostPolicy.FAIL) {
            tellLost(lost, policy);
            throw failed(lost);
        }
        out.accept(lostNotice(lost));
        switch (policy) {
            case RESNAPSHOT -> {
                out.accept(notice(ChangeStreamNotification.Type.POLICY_APPLIED, "policy", policy.name()));
                LOG.warn("Position lost: {}; taking a new snapshot", what);
                stamp.start(source::serverId, null); // positions from here on belong to the server that answers now
                snapshotToStart = true;
            }
            case SKIP -> {
                stamp.start(source::serverId, null);
                long resumeAt = oldestRetainedTickOr(lost.serverLastTick) - 1;
                out.accept(notice(ChangeStreamNotification.Type.POLICY_APPLIED, "policy", policy.name(),
                        "resumeAt", Ticks.format(resumeAt)));
                LOG.warn("Position lost: {}; skipping to tick {}, before the oldest tick the server still has, and "
                        + "emitting a GAP event", what, Ticks.format(resumeAt));
                ChangeEvent gap = ChangeEvent.gap(source.database(), lost.from, resumeAt, lost.reason);
                out.accept(StreamStep.of(gap));
                startTail(gap.position(), false); // collections created in the gap are known from the inventory
            }
            default -> throw new IllegalStateException("unexpected policy " + policy);
        }
    }

    /**
     * Where a skipped loss resumes: at the oldest tick the server's WAL still holds ({@code wal/range}), so that
     * nothing the server still has is skipped; or after {@code serverLastTick} (or the server's last tick) when the
     * server does not say.
     */
    private long oldestRetainedTickOr(long serverLastTick) {
        long oldest = source.oldestTick();
        if (oldest != 0) {
            return oldest;
        }
        return (serverLastTick != 0 ? serverLastTick : source.lastTick()) + 1;
    }

    /** A snapshot position the server cannot continue: every policy but FAIL takes a new snapshot. */
    private void onSnapshotPositionLost(PositionLostSignal lost) {
        metrics.positionLost();
        PositionLostPolicy policy = policyInForce();
        if (policy == PositionLostPolicy.FAIL) {
            tell(aborted(lost.reason));
            tellLost(lost, policy);
            throw failed(lost);
        }
        out.accept(StreamStep.notice(aborted(lost.reason)));
        out.accept(lostNotice(lost));
        out.accept(notice(ChangeStreamNotification.Type.POLICY_APPLIED, "policy", PositionLostPolicy.RESNAPSHOT.name()));
        LOG.warn("Position lost: {}; taking a new snapshot", lost.getMessage());
        stamp.start(source::serverId, null); // positions from here on belong to the server that answers now
        snapshotToResume = null;
        snapshotToStart = true;
    }

    /** A notice in line with the steps, stamped by the stream's clock. */
    private StreamStep notice(ChangeStreamNotification.Type type, String... keysAndValues) {
        return StreamStep.notice(notification(type, keysAndValues));
    }

    private ChangeStreamNotification notification(ChangeStreamNotification.Type type, String... keysAndValues) {
        return ChangeStreamNotification.of(type, clock.instant(), keysAndValues);
    }

    private StreamStep lostNotice(PositionLostSignal lost) {
        return StreamStep.notice(lostNotification(lost));
    }

    private ChangeStreamNotification lostNotification(PositionLostSignal lost) {
        return notification(ChangeStreamNotification.Type.LOST, "reason", lost.reason, "from", Ticks.format(lost.from),
                "message", lost.getMessage());
    }

    private ChangeStreamNotification aborted(String reason) {
        return notification(ChangeStreamNotification.Type.ABORTED, "reason", reason);
    }

    /**
     * Tells a notification of a failure that stops the stream at once: no step is handed out after it, so it cannot
     * wait in the queue. The listener's answer changes nothing (the stream stops either way).
     */
    private void tell(ChangeStreamNotification notification) {
        options.listener().onNotification(notification);
    }

    private void tellLost(PositionLostSignal lost, PositionLostPolicy policy) {
        tell(lostNotification(lost));
        tell(notification(ChangeStreamNotification.Type.POLICY_APPLIED, "policy", policy.name()));
    }

    private PositionLostException failed(PositionLostSignal lost) {
        PositionLostException failure = PositionLostException.positionLost(options.streamKey(), lost.getMessage());
        LOG.error(failure.getMessage());
        return failure;
    }

    /**
     * The snapshot's batch is gone (the keep-alive extends it, so the server lost it: a restart, or a batchTtl too
     * short for a stream without a timer). Nothing is lost: the stream's registration keeps the WAL from the earliest
     * snapshot tick. So the snapshot resumes with a new batch, under every policy, on the same server and history
     * (checked when it resumes), dumping again the collections it was in (docs/protocol.md §6.2 D7) — unless the batch
     * was lost {@value #MAX_EXPIRIES_OF_ONE_COLLECTION} times in a row without a collection completed in between: then
     * it stops rather than dump the same collections over and over. (Counted by completions, not by the collection
     * whose call met the lost batch: with parallel dumps that one varies from one resume to the next.)
     */
    private void onBatchExpired(BatchExpiredException e) {
        ChangePosition resume = snapshot.position();
        List<String> underWay = snapshot.collectionsUnderWay();
        snapshot.close();
        snapshot = null;
        snapshotToResume = resume;
        expiriesInARow = resume.completedCollections().equals(completedAtLastExpiry) ? expiriesInARow + 1 : 1;
        completedAtLastExpiry = resume.completedCollections();
        if (expiriesInARow >= MAX_EXPIRIES_OF_ONE_COLLECTION) {
            String dump = underWay.size() == 1 ? "the dump of collection '" + underWay.get(0) + "' was"
                    : "the dumps of collections " + underWay + " were";
            SnapshotStalledException stalled = new SnapshotStalledException("Change stream '" + options.streamKey()
                    + "' stops its snapshot: " + dump + " cut " + expiriesInARow + " times in a row, without a "
                    + "collection completed, because its batch expired (last: " + e.getMessage() + "), and every "
                    + "resume dumps an interrupted collection again from its start. The server loses the batch before "
                    + "the collection is dumped: look for server restarts, raise batchTtl (now " + options.batchTtl()
                    + "), then restart the consumer; the snapshot resumes after the collections already completed.");
            LOG.error(stalled.getMessage());
            tell(aborted("the batch expired " + expiriesInARow + " times in a row without a collection completed ("
                    + String.join(", ", underWay) + " under way)"));
            throw stalled;
        }
        metrics.snapshotResumed();
        serverToRecheck = true;
        LOG.warn("{}; resuming the snapshot with a new batch from {}", e.getMessage(), resume);
    }

    /**
     * The earliest snapshot tick of the running snapshot, of one waiting to resume with a new batch, or of the
     * completed one until the tail holds the WAL after it; empty when there is none.
     */
    OptionalLong snapshotTick() {
        SnapshotReader reader = snapshot != null ? snapshot : handOff;
        if (reader != null) {
            return OptionalLong.of(reader.snapshotTick());
        }
        return snapshotToResume == null ? OptionalLong.empty() : OptionalLong.of(snapshotToResume.snapshotTick());
    }

    /** Closes the readers (deleting a held batch) so that {@link #start} can begin again. */
    void reset() {
        snapshotToResume = null;
        snapshotToStart = false;
        finished = false;
        releaseHandOff();
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
        dropTailer();
    }

    /** Ends the tail, dropping a call it made ahead: the next tail starts from where it is told. */
    private void dropTailer() {
        if (tailer != null) {
            tailer.close();
            tailer = null;
        }
    }

    /** True once an INITIAL_ONLY snapshot completed (or such a stream found its snapshot done). */
    boolean isFinished() {
        return finished;
    }
}
