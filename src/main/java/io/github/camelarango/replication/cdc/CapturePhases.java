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
import java.util.Optional;
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

    private final ReplicationSource source;
    private final ChangeStreamOptions options;
    private final ChangeStreamMetrics metrics;
    private final IdleWait idleWait;
    private final Clock clock;
    private final SnapshotProgressLog progressLog;
    private final Consumer<StreamStep> out;

    private CollectionCatalog catalog;
    private SnapshotReader snapshot;
    /** A completed snapshot whose batch still guards the WAL until the first tail call succeeded. */
    private SnapshotReader handOff;
    private ChangePosition snapshotToResume;
    private boolean snapshotToStart;
    private WalTailer tailer;
    private boolean finished;
    private boolean tailed;

    CapturePhases(ReplicationSource source, ChangeStreamOptions options, ChangeStreamMetrics metrics, IdleWait idleWait,
                  Clock clock, Consumer<StreamStep> out) {
        this.source = source;
        this.options = options;
        this.metrics = metrics;
        this.idleWait = idleWait;
        this.clock = clock;
        this.progressLog = new SnapshotProgressLog(clock, options.progressLogInterval());
        this.catalog = new CollectionCatalog(options.filter());
        this.out = step -> out.accept(catalog.stamp(step)); // every position lists the collections captured then
    }

    /**
     * Chooses the first reader from the stored position and the snapshot mode.
     *
     * @param honourStored resume from the stored position whatever the mode (after a rewind)
     */
    void start(Optional<ChangePosition> stored, boolean honourStored) {
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
            out.accept(StreamStep.positionOnly(now));
            return;
        }
        resumeFrom(stored.get());
    }

    private void resumeFrom(ChangePosition position) {
        LOG.info("Change stream '{}' resumes from {}", options.streamKey(), position);
        if (position.isSnapshot()) {
            snapshotToResume = position;
        } else if (options.snapshotMode() == SnapshotMode.INITIAL_ONLY) {
            finished = true;
        } else {
            position.collections().ifPresent(catalog::restore); // the captured collections as of the position
            startTail(position, tailed);
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
            } catch (WalTailer.PositionLostSignal e) {
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
                        options.maxDumpChunkSize(), new BadLineRule(options)),
                options.filter(), catalog, metrics, progressLog, clock, resume);
        try {
            reader.start();
        } catch (RuntimeException e) {
            snapshotToResume = resume;
            snapshotToStart = resume == null;
            throw e;
        }
        snapshot = reader;
        metrics.phase(ChangePosition.Phase.SNAPSHOT);
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
                idleWait, metrics, options.tailChunkSize(), filter);
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

    private void onTailPositionLost(WalTailer.PositionLostSignal lost) {
        metrics.positionLost();
        tailer = null;
        String what = lost.describe(source.database(), options.streamKey());
        switch (policyInForce()) {
            case RESNAPSHOT -> {
                LOG.warn("Position lost: {}; taking a new snapshot", what);
                snapshotToStart = true;
            }
            case SKIP -> {
                long resumeAt = oldestRetainedTickOr(lost.serverLastTick) - 1;
                LOG.warn("Position lost: {}; skipping to tick {}, before the oldest tick the server still has, and "
                        + "emitting a GAP event", what, Ticks.format(resumeAt));
                ChangeEvent gap = ChangeEvent.gap(source.database(), lost.from, resumeAt);
                out.accept(StreamStep.of(gap));
                startTail(gap.position(), false); // collections created in the gap are known from the inventory
            }
            case FAIL -> {
                PositionLostException failure = PositionLostException.walPurged(options.streamKey(), what);
                LOG.error(failure.getMessage());
                throw failure;
            }
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

    /** The snapshot's batch expired: nothing is lost yet, so every policy but FAIL resumes with a new batch. */
    private void onBatchExpired(BatchExpiredException e) {
        metrics.positionLost();
        ChangePosition resume = snapshot.position();
        snapshot.close();
        snapshot = null;
        if (policyInForce() == PositionLostPolicy.FAIL) {
            PositionLostException failure = PositionLostException.batchExpired(options, e);
            LOG.error(failure.getMessage());
            throw failure;
        }
        LOG.warn("{}; resuming the snapshot with a new batch from {}", e.getMessage(), resume);
        snapshotToResume = resume;
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
        tailer = null;
    }

    /** True once an INITIAL_ONLY snapshot completed (or such a stream found its snapshot done). */
    boolean isFinished() {
        return finished;
    }
}
