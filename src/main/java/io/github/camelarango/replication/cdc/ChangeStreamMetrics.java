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

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelarango.replication.client.Ticks;

/**
 * Live figures of a {@link ChangeStream}, safe to read from any thread (JMX, health checks, dev console).
 * Ticks are unsigned 64-bit values; the {@code …String} accessors give their decimal text.
 */
public final class ChangeStreamMetrics {

    /**
     * Snapshot progress of one collection: documents read so far, whether its dump is complete, and about how many
     * documents it has.
     *
     * @param estimatedTotal the collection's document count asked when its dump began — the current count, not the
     *                       snapshot's, so the dump may read more or fewer; empty before its dump began or when the
     *                       server did not tell
     */
    public record CollectionProgress(long documentsRead, boolean completed, OptionalLong estimatedTotal) {

        /** Validates the components. */
        public CollectionProgress {
            Objects.requireNonNull(estimatedTotal, "estimatedTotal");
        }

        /** Progress without a known total. */
        public CollectionProgress(long documentsRead, boolean completed) {
            this(documentsRead, completed, OptionalLong.empty());
        }
    }

    private final AtomicReference<ChangePosition.Phase> phase = new AtomicReference<>();
    private final AtomicLong committedTick = new AtomicLong();
    private final AtomicLong serverLastTick = new AtomicLong();
    private final AtomicLong positionLostCount = new AtomicLong();
    private final AtomicLong snapshotResumes = new AtomicLong();
    private final AtomicLong unknownMarkers = new AtomicLong();
    private final AtomicLong openTransactions = new AtomicLong();
    private final AtomicLong bufferedTransactionEvents = new AtomicLong();
    private final Map<ChangeType, LongAdder> eventsByType = new ConcurrentHashMap<>();
    private final Map<String, CollectionProgress> snapshotProgress = new ConcurrentHashMap<>();

    /** The phase the stream is in, null before it started. */
    public ChangePosition.Phase phase() {
        return phase.get();
    }

    /** The tick of the last committed position (in the snapshot phase: the snapshot tick). */
    public long committedTick() {
        return committedTick.get();
    }

    /** The server's latest WAL tick as last seen. */
    public long serverLastTick() {
        return serverLastTick.get();
    }

    /** How many ticks the committed position is behind the server (0 when level or unknown). */
    public long lagTicks() {
        long server = serverLastTick.get();
        long committed = committedTick.get();
        return Ticks.isAfter(server, committed) ? server - committed : 0;
    }

    /** How often the position was lost (purged WAL, expired batch), whatever the policy did about it. */
    public long positionLostCount() {
        return positionLostCount.get();
    }

    /**
     * How often a running snapshot went on with a new batch (its batch expired, or a dump call failed), dumping again
     * the collection it was in.
     */
    public long snapshotResumes() {
        return snapshotResumes.get();
    }

    /**
     * Write-ahead log markers of captured collections (or of none) that the engine does not know, whatever the
     * {@link UnknownMarkerPolicy} did with them.
     */
    public long unknownMarkers() {
        return unknownMarkers.get();
    }

    /** WAL transactions begun but not yet committed or aborted, as of the last tail answer. */
    public long openTransactions() {
        return openTransactions.get();
    }

    /** Events held for open transactions (bounded by {@code transactionBufferSize}: a larger transaction streams through), as of the last tail answer. */
    public long bufferedTransactionEvents() {
        return bufferedTransactionEvents.get();
    }

    /** Events handed out, by type. */
    public Map<ChangeType, Long> eventsByType() {
        Map<ChangeType, Long> copy = new EnumMap<>(ChangeType.class);
        eventsByType.forEach((type, count) -> copy.put(type, count.sum()));
        return copy;
    }

    /** Events handed out in total. */
    public long eventsTotal() {
        return eventsByType.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Snapshot progress per collection of the current or last snapshot (every selected collection is listed). */
    public Map<String, CollectionProgress> snapshotProgress() {
        return new LinkedHashMap<>(snapshotProgress);
    }

    /**
     * Sets these figures to those of {@code parts} together, for a stream made of others (a cluster's, one per
     * DB-Server): the phase is SNAPSHOT while a part is in it, counts are summed and the snapshot progress is merged.
     * Ticks mean nothing across servers: the committed and the server's last tick stay 0 (so does the lag); the parts
     * have them.
     */
    public void setToSumOf(Collection<ChangeStreamMetrics> parts) {
        phase.set(parts.stream().map(ChangeStreamMetrics::phase).filter(Objects::nonNull)
                .reduce((a, b) -> a == ChangePosition.Phase.SNAPSHOT ? a : b).orElse(null));
        positionLostCount.set(parts.stream().mapToLong(ChangeStreamMetrics::positionLostCount).sum());
        snapshotResumes.set(parts.stream().mapToLong(ChangeStreamMetrics::snapshotResumes).sum());
        unknownMarkers.set(parts.stream().mapToLong(ChangeStreamMetrics::unknownMarkers).sum());
        openTransactions.set(parts.stream().mapToLong(ChangeStreamMetrics::openTransactions).sum());
        bufferedTransactionEvents.set(parts.stream().mapToLong(ChangeStreamMetrics::bufferedTransactionEvents).sum());
        Map<ChangeType, Long> events = new EnumMap<>(ChangeType.class);
        parts.forEach(part -> part.eventsByType().forEach((type, count) -> events.merge(type, count, Long::sum)));
        events.forEach((type, count) -> {
            LongAdder adder = eventsByType.computeIfAbsent(type, t -> new LongAdder());
            adder.add(count - adder.sum());
        });
        Map<String, CollectionProgress> progress = new LinkedHashMap<>();
        parts.forEach(part -> progress.putAll(part.snapshotProgress()));
        snapshotProgress.keySet().retainAll(progress.keySet());
        snapshotProgress.putAll(progress);
    }

    void phase(ChangePosition.Phase newPhase) {
        phase.set(newPhase);
    }

    void committed(ChangePosition position) {
        committedTick.set(position.from());
    }

    void serverLastTick(long tick) {
        serverLastTick.set(tick);
    }

    void positionLost() {
        positionLostCount.incrementAndGet();
    }

    void snapshotResumed() {
        snapshotResumes.incrementAndGet();
    }

    void unknownMarker() {
        unknownMarkers.incrementAndGet();
    }

    void transactions(int open, int bufferedEvents) {
        openTransactions.set(open);
        bufferedTransactionEvents.set(bufferedEvents);
    }

    void delivered(ChangeType type) {
        eventsByType.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    void snapshotStarted() {
        snapshotProgress.clear();
    }

    void snapshotProgress(String collection, long documentsRead, boolean completed, OptionalLong estimatedTotal) {
        snapshotProgress.put(collection, new CollectionProgress(documentsRead, completed, estimatedTotal));
    }

    @Override
    public String toString() {
        return "ChangeStreamMetrics[phase=" + phase.get() + ", committedTick=" + Ticks.format(committedTick())
                + ", serverLastTick=" + Ticks.format(serverLastTick()) + ", lagTicks="
                + Ticks.format(lagTicks()) + ", events=" + eventsByType() + ", positionLost="
                + positionLostCount() + ", unknownMarkers=" + unknownMarkers() + "]";
    }
}
