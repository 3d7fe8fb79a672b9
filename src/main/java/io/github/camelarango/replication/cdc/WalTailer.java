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

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.github.camelarango.replication.client.Ticks;
import io.github.camelarango.replication.client.WalMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WAL tail loop (docs/protocol.md §7.1), one {@code wal/tail} call per {@link #fetch}.
 * <p>
 * Tick rules: {@code from} only moves forward (unsigned order) and never takes a {@code lastincluded} of 0; when a
 * response shows nothing but the server scanned past {@code from}, {@code from} moves to {@code lastscanned - 1}
 * (as arangod's tailing syncer does); {@code lastscanned} is sent back. {@code frompresent=false} with
 * {@code from > 0} means the WAL after {@code from} was purged, and a server whose last tick is below {@code from} is
 * another server, and so is one whose last tick is below the highest the stream has seen of it (restored from a
 * backup): {@link #fetch} throws {@link PositionLostSignal} before anything of that response is used — unless the
 * answer shows that nothing can be missing. The wait between calls adapts ({@link IdleBackoff}) and counts from the
 * start of the previous call, so that the time the call and the delivery of its events took is part of it (an idle
 * stream asks once per {@code idleMaxWait}, whatever the round trip and the caller's pause); a {@code checkmore}
 * response is followed by the next call at once.
 * <p>
 * <b>Prefetch.</b> Given an executor, the tailer makes that next call ahead, as soon as it has handed out the steps
 * of a {@code checkmore} response, so that the call runs while the caller delivers them. The call asks exactly what
 * the next {@link #fetch} would ask ({@code from} and {@code lastscanned} after the response), and its answer is
 * checked and used by that {@link #fetch} as if it had just been made: the tick rules, the lost-position checks and
 * the registration (which tail calls do not move) are the same. One call at most is ahead, so the tailer holds one
 * unread answer besides the steps it handed out: about {@code chunkSize} bytes of markers — the server stops once
 * the body reached {@code chunkSize}, after the write batch that crossed it, or after the marker that crossed it
 * when {@code lastscanned} was sent (docs/protocol.md §7.1). An answer ahead is not assembled, so the transaction
 * buffer holds no more than without prefetch. {@link #close()} drops the call ahead once it ended.
 */
final class WalTailer {

    private static final Logger LOG = LoggerFactory.getLogger(WalTailer.class);

    private final ReplicationSource source;
    private final WalEventAssembler assembler;
    private final IdleBackoff backoff;
    private final IdleWait idleWait;
    private final ChangeStreamMetrics metrics;
    private final PositionStamp stamp;
    private final int chunkSize;
    /** Runs the call ahead; null without prefetch. */
    private final Executor prefetch;
    private String serverSideCollection;
    private final boolean includeSystem;
    private long from;
    private long lastScanned;
    /** The next call, made ahead; null when none is. */
    private PrefetchedCall<ReplicationSource.TailChunk> ahead;
    /** When the last call started ({@link System#nanoTime()}); the idle wait counts from there. */
    private long lastCallStarted;

    WalTailer(ReplicationSource source, WalEventAssembler assembler, IdleBackoff backoff, IdleWait idleWait,
              ChangeStreamMetrics metrics, PositionStamp stamp, int chunkSize, ChangeFilter filter,
              Executor prefetch) {
        this.source = source;
        this.assembler = assembler;
        this.backoff = backoff;
        this.idleWait = idleWait;
        this.metrics = metrics;
        this.stamp = stamp;
        this.chunkSize = chunkSize;
        this.prefetch = prefetch;
        this.serverSideCollection = assembler.serverSideCollection().orElse(null);
        this.includeSystem = filter.includeSystem();
        this.from = assembler.position().from();
        this.lastScanned = assembler.position().lastScanned();
        this.lastCallStarted = System.nanoTime();
    }

    /**
     * Waits as the backoff says, makes one tail call (or takes the answer of the one made ahead) and hands its steps
     * to {@code out}. Returns at once, without a call, when the wait was ended by the stream's close.
     *
     * @return true when the server said more is waiting ({@code checkmore}), so the next call should follow at once
     */
    boolean fetch(Consumer<StreamStep> out) {
        ReplicationSource.TailChunk chunk;
        if (ahead != null) {
            PrefetchedCall<ReplicationSource.TailChunk> call = ahead;
            ahead = null;
            chunk = call.take();
        } else {
            long wait = backoff.nextWaitMillis() - (System.nanoTime() - lastCallStarted) / 1_000_000L;
            if (wait > 0 && !idleWait.sleep(wait)) {
                return false;
            }
            lastCallStarted = System.nanoTime();
            chunk = tail();
        }
        metrics.serverLastTick(chunk.lastTick());
        if (chunk.lastTick() != 0 && Ticks.isAfter(from, chunk.lastTick())) {
            throw PositionLostSignal.serverBehind(source.database(), from, chunk.lastTick());
        }
        if (chunk.lastTick() != 0 && Ticks.isAfter(stamp.serverTick(), chunk.lastTick())) {
            throw PositionLostSignal.serverWentBack(source.database(), from, chunk.lastTick(), stamp.serverTick());
        }
        stamp.serverTickSeen(chunk.lastTick());
        if (!chunk.fromPresent() && from != 0 && !nothingMissing(chunk)) {
            throw PositionLostSignal.walPurged(source.database(), from, chunk.lastTick());
        }
        List<WalMarker> markers = chunk.markers();
        List<ReplicationSource.BadLine> badLines = chunk.badLines();
        for (int i = 0, bad = 0; i < markers.size() || bad < badLines.size(); ) {
            if (bad < badLines.size() && (i == markers.size() || badLines.get(bad).before() <= i)) {
                assembler.badLine(badLines.get(bad++), out);
            } else {
                assembler.accept(markers.get(i++), out);
            }
        }
        advance(chunk.lastIncluded(), chunk.lastScanned());
        assembler.endOfResponse(from, lastScanned, out);
        backoff.afterResponse(!chunk.markers().isEmpty(), chunk.checkMore());
        metrics.transactions(assembler.openTransactions(), assembler.bufferedEvents());
        if (LOG.isTraceEnabled()) {
            LOG.trace("tail: {} markers, from={}, lastScanned={}, serverLastTick={}, checkMore={}",
                    chunk.markers().size(), Ticks.format(from), Ticks.format(lastScanned),
                    Ticks.format(chunk.lastTick()), chunk.checkMore());
        }
        if (chunk.checkMore() && prefetch != null) {
            lastCallStarted = System.nanoTime();
            ahead = PrefetchedCall.start(prefetch, this::tail);
        }
        return chunk.checkMore();
    }

    /** Drops the call made ahead, if any, once it ended: no connection stays leased for it. */
    void close() {
        PrefetchedCall<ReplicationSource.TailChunk> call = ahead;
        ahead = null;
        if (call != null) {
            call.cancel();
        }
    }

    /**
     * Whether a {@code frompresent: false} answer cannot have lost anything: the server has no tick after
     * {@code from}, or its first marker is the very next tick (the purge ended exactly at {@code from}, so the
     * server no longer finds the write batch of {@code from} itself). Anything else counts as lost, conservatively —
     * also when the next tick belongs to a marker filtered out by the server.
     */
    private boolean nothingMissing(ReplicationSource.TailChunk chunk) {
        if (chunk.lastTick() == from) {
            return true; // nothing was written after from; a server whose last tick is below from is another
                         // server (restored, failed over): its ticks up to from would be skipped, so that is lost
        }
        if (!chunk.markers().isEmpty() && chunk.markers().get(0).tick() == from + 1) {
            return true;
        }
        return Ticks.isAfter(chunk.lastTick(), from) && stillHoldsEverythingAfterFrom();
    }

    /**
     * The server's own word on what its WAL holds ({@code wal/range}, asked after the tail answer, so a purge in
     * between only makes it stricter): when its oldest tick is at most {@code from + 1}, every tick after
     * {@code from} is still there. This is the case when {@code from} is the tick right before the oldest one, as
     * after a skipped loss ({@link PositionLostPolicy#SKIP} resumes there), and the first marker after it is one the
     * server filtered out.
     */
    private boolean stillHoldsEverythingAfterFrom() {
        long oldest = source.oldestTick();
        return oldest != 0 && !Ticks.isAfter(oldest, from + 1);
    }

    /**
     * One tail call. When the collection of the server-side filter is gone (dropped or renamed), the filter moves to
     * the client: the call is repeated without it, so that the drop or rename marker itself is delivered.
     */
    private ReplicationSource.TailChunk tail() {
        if (serverSideCollection != null) {
            try {
                return source.tail(new ReplicationSource.TailRequest(from, 0, lastScanned, chunkSize,
                        serverSideCollection, includeSystem));
            } catch (UnknownCollectionException e) {
                LOG.warn("{}; filtering on the client from now on", e.getMessage());
                serverSideCollection = null;
            }
        }
        return source.tail(new ReplicationSource.TailRequest(from, 0, lastScanned, chunkSize, null, includeSystem));
    }

    private void advance(long lastIncluded, long scanned) {
        if (lastIncluded != 0 && Ticks.isAfter(lastIncluded, from)) {
            from = lastIncluded;
        } else if (lastIncluded == 0 && scanned != 0 && Ticks.isAfter(scanned - 1, from)) {
            from = scanned - 1;
        }
        if (scanned != 0) {
            lastScanned = scanned;
        }
    }

    long from() {
        return from;
    }
}
