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
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.Ticks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dumps the selected collections under one dump batch, one chunk per {@link #fetch} (docs/protocol.md §6.2).
 * <p>
 * Chunks are bare documents ({@code useEnvelope=false}); each collection's chunk size starts at the initial size and
 * grows ×1.25 per chunk up to the maximum ({@link CollectionDump}). A collection is done when {@code checkmore} is
 * false, or — defensively — when {@code lastincluded} does not advance. Before its first chunk each collection's count
 * is asked once, best effort, as the "of about" total of the progress log and metrics. The batch is extended from the
 * poll loop and deleted when the reader is closed: the stream keeps it after the snapshot completed until the first
 * tail call succeeded, so that the WAL after the snapshot tick stays retained across the hand-off however slowly the
 * last rows are consumed.
 * <p>
 * <b>Prefetch and parallelism.</b> Given a fetcher, the reader dumps up to {@code parallelism} collections at once,
 * each with its next chunk asked for while the caller delivers the one before: the dump calls overlap the delivery,
 * and the chunks held are at most {@code parallelism} on their way plus the one being handed out, each bounded by the
 * maximum chunk size. Each fetch hands out one whole chunk, of the first collection (in the order they began) whose
 * chunk is there; so a collection's documents come in dump order, and the collections' chunks interleave. When a
 * collection completes, the next one begins. Without a fetcher the reader dumps one collection at a time, each chunk
 * asked for when it is fetched.
 * <p>
 * <b>Resuming.</b> A reader given a snapshot position (from a restart, or after its batch expired) creates a new
 * batch and dumps only the collections not yet completed; the snapshot tick stays the <em>earliest</em> of the
 * ticks of the batches used, so the tail that follows replays every change since the oldest dump. Collections
 * dumped later already contain some of those changes; replaying them again is at-least-once and converges, because
 * every upsert carries the full document and every delete its key. A partly dumped collection is dumped again
 * entirely (the server cannot resume a dump inside a new batch); a position lists a collection as completed only on
 * the row that completes it, so with several collections under way a restart repeats each of them that was not
 * completed, and none that was.
 */
final class SnapshotReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);

    /**
     * The dump settings, and what a line that cannot be read does.
     *
     * @param parallelism how many collections are dumped at once (with a fetcher; 1 without one)
     */
    record Settings(Duration batchTtl, int initialChunkSize, int maxChunkSize, BadLineRule badLines, int parallelism) {
    }

    private final ReplicationSource source;
    private final Settings settings;
    private final ChangeFilter filter;
    private final CollectionCatalog catalog;
    private final ChangeStreamMetrics metrics;
    private final SnapshotProgressLog progressLog;
    private final Clock clock;
    private final ChangePosition resumeFrom;
    private final Executor fetcher;
    /** The collections not begun yet, in inventory order. */
    private final Deque<ReplicationSource.CollectionInfo> pending = new ArrayDeque<>();
    /** The collections being dumped, in the order they began. */
    private final List<CollectionDump> active = new ArrayList<>();
    private BatchLease lease;
    private ChangePosition position;
    private long snapshotTick;
    private boolean complete;
    private boolean halted;
    private Instant startedAt;

    /**
     * @param fetcher where dump calls run ahead of the caller, {@code settings.parallelism()} at a time; null to make
     *                each call when its chunk is fetched, one collection at a time
     */
    SnapshotReader(ReplicationSource source, Settings settings, ChangeFilter filter, CollectionCatalog catalog,
                   ChangeStreamMetrics metrics, SnapshotProgressLog progressLog, Clock clock,
                   ChangePosition resumeFrom, Executor fetcher) {
        this.source = source;
        this.settings = settings;
        this.filter = filter;
        this.catalog = catalog;
        this.metrics = metrics;
        this.progressLog = progressLog;
        this.clock = clock;
        this.resumeFrom = resumeFrom;
        this.fetcher = fetcher;
    }

    /** Creates the batch and reads the inventory. */
    void start() {
        startedAt = clock.instant();
        lease = BatchLease.create(source, settings.batchTtl(), clock);
        try {
            List<ReplicationSource.CollectionInfo> inventory = source.inventory(lease.id(), filter.includeSystem());
            lease.used();
            catalog.seed(inventory);
            snapshotTick = lease.snapshotTick();
            List<String> done = List.of();
            if (resumeFrom != null) {
                if (Ticks.isAfter(resumeFrom.snapshotTick(), snapshotTick)) {
                    // a new batch of the same history is never older than an earlier one: the server went back
                    throw PositionLostSignal.serverBehind(source.database(), resumeFrom.snapshotTick(), snapshotTick);
                }
                done = List.copyOf(resumeFrom.completedCollections());
                snapshotTick = resumeFrom.snapshotTick();
            }
            metrics.snapshotStarted();
            for (ReplicationSource.CollectionInfo c : inventory) {
                if (!c.deleted() && catalog.wants(ChangeType.SNAPSHOT_READ, c.cuid(), c.name())
                        && !done.contains(c.name())) {
                    pending.add(c);
                    metrics.snapshotProgress(c.name(), 0, false, OptionalLong.empty());
                }
            }
            position = ChangePosition.snapshot(snapshotTick, resumeFrom == null ? java.util.Set.of()
                    : resumeFrom.completedCollections());
            LOG.info("Snapshot started with batch {} at tick {}: {} collection(s) to dump{}{}", lease.id(),
                    Ticks.format(lease.snapshotTick()), pending.size(), parallelism() > 1 && pending.size() > 1
                            ? ", up to " + parallelism() + " at once" : "",
                    done.isEmpty() ? "" : ", resuming after " + done + " (tail will start after tick "
                            + Ticks.format(snapshotTick) + ")");
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** The tick of this reader's own batch (the server's last tick when it was created). */
    long batchTick() {
        return lease.snapshotTick();
    }

    /** Renews the batch if due. */
    void keepAlive() {
        if (lease != null) {
            lease.keepAlive();
        }
    }

    /** Hands out the next chunk's rows to {@code out}; returns false once the snapshot is complete. */
    boolean fetch(Consumer<StreamStep> out) {
        if (complete || halted) {
            return false;
        }
        begin();
        if (active.isEmpty()) {
            finish(out);
            return false;
        }
        CollectionDump dump = next();
        CollectionDump.Chunk chunk = dump.take();
        if (!chunk.last()) {
            dump.ask(); // on its way while these rows are delivered
        }
        if (!emitRows(dump, chunk.answer(), chunk.last(), out)) {
            halted = true; // a bad line stopped the stream: the batch stays until the stream is rewound or closed
            return false;
        }
        active.remove(dump);
        if (!chunk.last()) {
            active.add(dump); // the other collections' chunks come first
            return true;
        }
        out.accept(StreamStep.notice(ChangeStreamNotification.of(ChangeStreamNotification.Type.COLLECTION_COMPLETED,
                clock.instant(), "collection", dump.name(), "count", Long.toString(dump.read()))));
        if (active.isEmpty() && pending.isEmpty()) {
            finish(out);
            return false;
        }
        return true;
    }

    private int parallelism() {
        return fetcher == null ? 1 : settings.parallelism();
    }

    /** Begins the next collections, up to the parallelism: each asks its count, then its first chunk. */
    private void begin() {
        while (active.size() < parallelism() && !pending.isEmpty()) {
            ReplicationSource.CollectionInfo collection = pending.poll();
            CollectionDump dump = new CollectionDump(source, lease, collection, settings.initialChunkSize(),
                    settings.maxChunkSize(), fetcher);
            dump.estimatedTotal(estimateCount(collection.name()));
            metrics.snapshotProgress(collection.name(), 0, false, dump.estimatedTotal());
            active.add(dump);
            dump.ask();
        }
    }

    /** The first collection, in the order they began, whose chunk is there; waits for one when none is. */
    private CollectionDump next() {
        if (fetcher != null) {
            for (int round = 0; round < 2; round++) {
                for (CollectionDump dump : active) {
                    if (dump.answered()) {
                        return dump;
                    }
                }
                CompletableFuture.anyOf(active.stream().map(CollectionDump::pending)
                        .toArray(CompletableFuture[]::new)).join();
            }
        }
        return active.get(0);
    }

    /**
     * Hands out the chunk's rows, and its bad lines in their places as the {@link BadLinePolicy} says; the last step
     * carries the position after the chunk.
     *
     * @return false when a bad line halted the stream (nothing after it was handed out)
     */
    private boolean emitRows(CollectionDump dump, ReplicationSource.DumpChunk chunk, boolean collectionDone,
                             Consumer<StreamStep> out) {
        ReplicationSource.CollectionInfo collection = dump.collection();
        long readInCollection = dump.read();
        ChangePosition after = position;
        if (collectionDone) {
            after = pending.isEmpty() && active.size() == 1 ? ChangePosition.tail(snapshotTick, 0)
                    : position.withCompleted(collection.name());
        }
        String database = source.database();
        List<RawDocument> documents = chunk.documents();
        List<ReplicationSource.BadLine> badLines = chunk.badLines();
        int lastBadBefore = badLines.isEmpty() ? -1 : badLines.get(badLines.size() - 1).before();
        boolean afterCarried = false;
        for (int i = 0, bad = 0; i <= documents.size(); i++) {
            for (; bad < badLines.size() && badLines.get(bad).before() <= i; bad++) {
                if (settings.badLines().inDump(badLines.get(bad), database, collection.name(), snapshotTick,
                        readInCollection + i, position, out)) {
                    return false;
                }
            }
            if (i < documents.size()) {
                afterCarried = i == documents.size() - 1 && lastBadBefore <= i;
                out.accept(StreamStep.of(ChangeEvent.snapshotRead(snapshotTick, database, collection.name(),
                        collection.cuid(), documents.get(i), afterCarried ? after : position)));
            }
        }
        if (!afterCarried && !after.equals(position)) {
            out.accept(StreamStep.positionOnly(after));
        }
        position = after;
        readInCollection = dump.counted(documents.size());
        metrics.snapshotProgress(collection.name(), readInCollection, collectionDone, dump.estimatedTotal());
        progressLog.read(collection.name(), documents.size(), readInCollection, dump.estimatedTotal());
        return true;
    }

    /** The collection's current count, for progress only: a failure leaves the total unknown. */
    private OptionalLong estimateCount(String collection) {
        try {
            return OptionalLong.of(source.collectionCount(collection));
        } catch (RuntimeException e) {
            LOG.debug("Document count of collection '{}' unavailable, snapshot progress shows no total: {}",
                    collection, e.toString());
            return OptionalLong.empty();
        }
    }

    private void finish(Consumer<StreamStep> out) {
        complete = true;
        ChangePosition tail = ChangePosition.tail(snapshotTick, 0);
        if (!tail.equals(position)) {
            out.accept(StreamStep.positionOnly(tail));
            position = tail;
        }
        out.accept(StreamStep.notice(ChangeStreamNotification.of(ChangeStreamNotification.Type.COMPLETED, clock.instant(),
                "snapshotTick", Ticks.format(snapshotTick))));
        LOG.info("Snapshot complete: {} documents in {} s; tailing the WAL after tick {}",
                progressLog.documentsTotal(), Duration.between(startedAt, clock.instant()).toSeconds(),
                Ticks.format(snapshotTick));
    }

    boolean isComplete() {
        return complete;
    }

    /** The collections this reader still has to dump: those under way, then those not begun, in order. */
    List<String> pendingCollections() {
        List<String> names = new ArrayList<>(active.stream().map(CollectionDump::name).toList());
        pending.forEach(c -> names.add(c.name()));
        return names;
    }

    /** The collections being dumped, in the order they began (those a lost batch interrupts). */
    List<String> collectionsUnderWay() {
        return active.stream().map(CollectionDump::name).toList();
    }

    /** The tick the tail starts after (the earliest snapshot tick). */
    long snapshotTick() {
        return snapshotTick;
    }

    /** The position after everything emitted so far. */
    ChangePosition position() {
        return position;
    }

    /**
     * Drops the chunks asked for (a call under way is waited for, so that its connection is released), then deletes
     * the batch.
     */
    @Override
    public void close() {
        active.forEach(CollectionDump::cancel);
        active.clear();
        if (lease != null) {
            lease.close();
        }
    }
}
