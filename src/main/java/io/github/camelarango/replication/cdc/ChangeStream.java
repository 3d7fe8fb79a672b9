package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change-capture engine for one database: a consistent snapshot through a dump batch, then the write-ahead log,
 * delivered as {@link ChangeEvent}s — synchronous and pull-based, so that a polling consumer drives it.
 * <p>
 * <b>Use.</b> Call {@link #poll(int)} repeatedly; deliver each event; after an event's delivery completed, call
 * {@link #commit(ChangePosition)} with its {@link ChangeEvent#position()} (committing the last event of a poll is
 * enough). A restart with the same {@link PositionStore} and stream key resumes after the last committed position:
 * at-least-once, with redeliveries only of events that were handed out but not committed. When a delivery failed,
 * call {@link #rewind()} to have every uncommitted event delivered again. {@link #close()} releases the dump batch
 * and the client registration.
 * <p>
 * <b>Bounded memory.</b> One poll fetches at most a few chunks and returns at most {@code maxEvents} events; what is
 * left of a chunk waits in the stream (one dump or tail chunk, bounded by the chunk size options, plus the events of
 * open transactions, bounded by {@code maxTransactionEvents}). Nothing is fetched while the caller does not poll, so
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

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
    private static final int MAX_FETCHES_PER_POLL = 16;

    private final ReplicationSource source;
    private final ChangeStreamOptions options;
    private final PositionStore store;
    private final Clock clock;
    private final ChangeStreamMetrics metrics = new ChangeStreamMetrics();
    private final Pauser pauser = new Pauser();
    private final Deque<Emission> queue = new ArrayDeque<>();
    private final Object pollLock = new Object();
    private final Object commitLock = new Object();
    private final SnapshotProgressLog progressLog;

    private CollectionCatalog catalog = new CollectionCatalog();
    private SnapshotReader snapshot;
    private ChangePosition snapshotToResume;
    private boolean snapshotToStart;
    private WalTailer tailer;
    private boolean started;
    private boolean finished;
    private boolean tailed;
    private volatile boolean closed;
    private RuntimeException failure;
    private ChangePosition latest;
    /** The position of the last event handed out, until it is committed; null when nothing awaits a commit. */
    private ChangePosition lastHandedOut;
    private ChangePosition committed;

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
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = clock;
        this.progressLog = new SnapshotProgressLog(clock, options.progressLogInterval());
    }

    /**
     * Returns the next events, at most {@code maxEvents}, in order; possibly none (idle WAL, filtered changes).
     *
     * @throws PositionLostException        when the position is lost and the policy is FAIL (again on every poll)
     * @throws TransactionTooLargeException when a transaction exceeds {@code maxTransactionEvents}
     * @throws IllegalStateException        after {@link #close()}
     */
    public List<ChangeEvent> poll(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents is " + maxEvents + "; it must be at least 1");
        }
        synchronized (pollLock) {
            if (closed) {
                throw new IllegalStateException("change stream '" + options.streamKey() + "' is closed");
            }
            if (failure != null) {
                throw failure;
            }
            if (!started) {
                start();
                started = true;
            }
            List<ChangeEvent> out = new ArrayList<>(Math.min(maxEvents, 1024));
            keepSnapshotAlive();
            boolean more = true;
            for (int fetches = 0; ; fetches++) {
                drain(out, maxEvents);
                if (out.size() >= maxEvents || finished || closed || !more || fetches == MAX_FETCHES_PER_POLL) {
                    break;
                }
                more = fetchOnce();
            }
            saveIfIdle();
            return out;
        }
    }

    /**
     * Records that every event up to the one carrying {@code position} was delivered, and saves the position in the
     * {@link PositionStore}. Call it only after the event's delivery completed without failure.
     */
    public void commit(ChangePosition position) {
        Objects.requireNonNull(position, "position");
        synchronized (commitLock) {
            store.save(options.streamKey(), position);
            committed = position;
            if (position.equals(lastHandedOut)) {
                lastHandedOut = null;
            }
            metrics.committed(position);
        }
    }

    /**
     * Forgets every event handed out but not committed, and continues from the committed position, so those events
     * are delivered again. During a snapshot this resumes the snapshot with a new batch.
     */
    public void rewind() {
        synchronized (pollLock) {
            queue.clear();
            closeReaders();
            failure = null;
            finished = false;
            snapshotToResume = null;
            snapshotToStart = false;
            synchronized (commitLock) {
                lastHandedOut = null;
                latest = committed;
            }
            started = false;
        }
    }

    /** True once an {@link SnapshotMode#INITIAL_ONLY} snapshot was fully handed out: nothing more will come. */
    public boolean isFinished() {
        synchronized (pollLock) {
            return finished && queue.isEmpty();
        }
    }

    /** Live figures of this stream. */
    public ChangeStreamMetrics metrics() {
        return metrics;
    }

    /** The last committed (or, when idle, automatically saved) position. */
    public Optional<ChangePosition> committedPosition() {
        synchronized (commitLock) {
            return Optional.ofNullable(committed);
        }
    }

    /** Stops the stream: ends a wait in {@link #poll}, deletes the dump batch and unregisters from the server. */
    @Override
    public void close() {
        closed = true;
        pauser.wake();
        synchronized (pollLock) {
            closeReaders();
            if (tailed) {
                tailed = false;
                try {
                    source.unregister();
                } catch (RuntimeException e) {
                    LOG.warn("Could not unregister change stream '{}' from the server: {}", options.streamKey(),
                            e.getMessage());
                }
            }
        }
    }

    private void start() {
        Optional<ChangePosition> stored = store.load(options.streamKey());
        synchronized (commitLock) {
            committed = stored.orElse(null);
            latest = committed;
        }
        stored.ifPresent(metrics::committed);
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
                    options.streamKey(), Long.toUnsignedString(now.from()));
            queue.add(Emission.advance(now));
            startTail(now, false);
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
            startTail(position, tailed);
        }
    }

    private void keepSnapshotAlive() {
        if (snapshot == null) {
            return;
        }
        try {
            snapshot.keepAlive();
        } catch (BatchExpiredException e) {
            onBatchExpired(e);
        } catch (RuntimeException e) {
            abandonSnapshot();
            throw e;
        }
    }

    /** One fetch from the current reader; returns whether more may be fetched at once. */
    private boolean fetchOnce() {
        if (snapshotToStart || snapshotToResume != null) {
            startSnapshot();
            return true;
        }
        if (snapshot != null) {
            return fetchSnapshot();
        }
        if (tailer != null) {
            try {
                return tailer.fetch(queue::add);
            } catch (WalTailer.PositionLost e) {
                onTailPositionLost(e);
                return true;
            }
        }
        return false;
    }

    private boolean fetchSnapshot() {
        try {
            snapshot.fetch(queue::add);
        } catch (BatchExpiredException e) {
            onBatchExpired(e);
            return true;
        } catch (RuntimeException e) {
            abandonSnapshot();
            throw e;
        }
        if (snapshot.isComplete()) {
            ChangePosition tailStart = ChangePosition.tail(snapshot.snapshotTick(), 0);
            snapshot = null;
            if (options.snapshotMode() == SnapshotMode.INITIAL_ONLY) {
                finished = true;
                return false;
            }
            startTail(tailStart, true);
        }
        return true;
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
        catalog = new CollectionCatalog();
        SnapshotReader reader = new SnapshotReader(source,
                new SnapshotReader.Settings(options.batchTtl(), options.initialDumpChunkSize(),
                        options.maxDumpChunkSize()),
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
        WalEventAssembler assembler = new WalEventAssembler(source.database(), catalog, filter,
                new TransactionBuffer(options.maxTransactionEvents()), from);
        tailer = new WalTailer(source, assembler, new IdleBackoff(options.idleMinWait(), options.idleMaxWait()),
                pauser, metrics, options.tailChunkSize(), filter);
        tailed = true;
        metrics.phase(ChangePosition.Phase.TAIL);
    }

    /** Without a snapshot in this run, names of collections come from an inventory under a short-lived batch. */
    private void loadCatalog() {
        catalog = new CollectionCatalog();
        try (BatchLease lease = BatchLease.create(source, options.batchTtl(), clock)) {
            catalog.seed(source.inventory(lease.id(), options.filter().includeSystem()));
        }
    }

    private void onTailPositionLost(WalTailer.PositionLost lost) {
        metrics.positionLost();
        tailer = null;
        String what = "the WAL of database '" + source.database() + "' no longer holds tick "
                + Long.toUnsignedString(lost.from) + " (x-arango-replication-frompresent: false; the server's last tick is "
                + Long.toUnsignedString(lost.serverLastTick) + "): changes after it were purged before change stream '"
                + options.streamKey() + "' read them";
        if (options.snapshotMode() == SnapshotMode.WHEN_NEEDED
                || options.positionLostPolicy() == PositionLostPolicy.RESNAPSHOT) {
            LOG.warn("Position lost: {}; taking a new snapshot", what);
            snapshotToStart = true;
            return;
        }
        if (options.positionLostPolicy() == PositionLostPolicy.SKIP) {
            long resumeAt = lost.serverLastTick != 0 ? lost.serverLastTick : source.lastTick();
            LOG.warn("Position lost: {}; skipping to tick {} and emitting a GAP event", what,
                    Long.toUnsignedString(resumeAt));
            ChangePosition resumed = ChangePosition.tail(resumeAt, 0);
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("lostAfterTick", Long.toUnsignedString(lost.from));
            data.put("resumedAfterTick", Long.toUnsignedString(resumeAt));
            data.put("reason", "WAL purged past the stream's position");
            queue.add(Emission.of(new ChangeEvent(resumeAt, ChangeType.GAP, 0, source.database(), null, null, null,
                    null, null, false, data, resumed)));
            startTail(resumed, true);
            return;
        }
        failure = new PositionLostException("Change stream '" + options.streamKey() + "' lost its position: " + what
                + ". It stops rather than skip changes silently (positionLostPolicy FAIL). To recover, choose one: "
                + "positionLostPolicy=RESNAPSHOT (take a new snapshot), positionLostPolicy=SKIP (continue from the "
                + "current tick after a GAP event), snapshotMode=WHEN_NEEDED, or delete the position stored under key '"
                + options.streamKey() + "' to start afresh. To avoid it, keep the stream running or retain the WAL "
                + "longer on the server.");
        LOG.error(failure.getMessage());
        throw failure;
    }

    private void onBatchExpired(BatchExpiredException e) {
        metrics.positionLost();
        ChangePosition resume = snapshot.position();
        snapshot.close();
        snapshot = null;
        if (options.positionLostPolicy() == PositionLostPolicy.FAIL && options.snapshotMode() != SnapshotMode.WHEN_NEEDED) {
            failure = new PositionLostException("Change stream '" + options.streamKey() + "' lost its snapshot: "
                    + e.getMessage() + " while dumping (the batch must be used or extended within batchTtl="
                    + options.batchTtl() + "; poll more often or raise batchTtl). It stops (positionLostPolicy FAIL). "
                    + "A restart resumes the snapshot with a new batch, dumping again the collections not completed; "
                    + "positionLostPolicy=RESNAPSHOT or SKIP does the same without stopping.");
            LOG.error(failure.getMessage());
            throw failure;
        }
        LOG.warn("{}; resuming the snapshot with a new batch from {}", e.getMessage(), resume);
        snapshotToResume = resume;
    }

    private void drain(List<ChangeEvent> out, int maxEvents) {
        Emission next;
        while (out.size() < maxEvents && (next = queue.poll()) != null) {
            synchronized (commitLock) {
                latest = next.position();
                if (next.isEvent()) {
                    lastHandedOut = next.position();
                }
            }
            if (next.isEvent()) {
                out.add(next.event());
                metrics.delivered(next.event().type());
            }
        }
    }

    /** Saves a position reached without events, when no handed-out event awaits its commit. */
    private void saveIfIdle() {
        synchronized (commitLock) {
            boolean awaitingCommit = lastHandedOut != null;
            if (!awaitingCommit && latest != null && !latest.equals(committed)) {
                commit(latest);
            }
        }
    }

    private void closeReaders() {
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
        tailer = null;
    }
}
