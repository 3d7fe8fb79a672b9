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
package io.github.camelarango.replication.consumer;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.cdc.PositionLostException;
import io.github.camelarango.replication.client.Ticks;

/**
 * What a {@code changes} consumer can tell about itself at one moment, as the health check, the dev console and the
 * JMX attributes show it: where its position stands, what the engine handed out and the failure of the last poll.
 * Built from the engine's {@link ChangeStreamMetrics} and the last failure; immutable, ticks as unsigned decimal text.
 *
 * @param offsetKey                 the key of the position in the offset repository
 * @param phase                     SNAPSHOT or TAIL; empty before the first poll
 * @param committedTick             the tick of the last committed position
 * @param serverLastTick            the server's latest write-ahead log tick as last seen
 * @param lagTicks                  how many ticks the committed position is behind the server
 * @param eventsByType              changes handed out by the engine, by change type
 * @param snapshotCollections       per collection of the current or last snapshot: documents read, whether done, about
 *                                  how many ({@link #snapshotProgress()} describes them)
 * @param openTransactions          write-ahead log transactions begun but not yet committed
 * @param bufferedTransactionEvents changes held in memory for open transactions
 * @param positionLostCount         how often the position was lost (purged write-ahead log, expired batch)
 * @param unknownMarkers            write-ahead log markers the engine did not know (see unknownMarkerPolicy)
 * @param lastFailure               the failure of the last poll, null when it succeeded
 * @param cluster                   per DB-Server and shard, when the consumer reads a cluster; null otherwise (the
 *                                  ticks above are then 0: a tick means something only on its server)
 */
public record ConsumerStatus(String offsetKey, String phase, String committedTick, String serverLastTick,
                             long lagTicks, Map<String, Long> eventsByType,
                             Map<String, ChangeStreamMetrics.CollectionProgress> snapshotCollections,
                             long openTransactions, long bufferedTransactionEvents, long positionLostCount,
                             long unknownMarkers, Throwable lastFailure, ClusterStatus cluster) {

    /** What a consumer that reports its status offers. */
    public interface Source {
        ConsumerStatus consumerStatus();
    }

    /** Keeps sorted, unmodifiable copies of the maps. */
    public ConsumerStatus {
        eventsByType = Collections.unmodifiableSortedMap(new TreeMap<>(eventsByType));
        snapshotCollections = Collections.unmodifiableSortedMap(new TreeMap<>(snapshotCollections));
    }

    /** The status of a consumer that reads a single server. */
    public ConsumerStatus(String offsetKey, String phase, String committedTick, String serverLastTick, long lagTicks,
                          Map<String, Long> eventsByType,
                          Map<String, ChangeStreamMetrics.CollectionProgress> snapshotCollections,
                          long openTransactions, long bufferedTransactionEvents, long positionLostCount,
                          long unknownMarkers, Throwable lastFailure) {
        this(offsetKey, phase, committedTick, serverLastTick, lagTicks, eventsByType, snapshotCollections,
                openTransactions, bufferedTransactionEvents, positionLostCount, unknownMarkers, lastFailure, null);
    }

    /**
     * @param metrics     the engine's figures, null before the consumer started
     * @param lastFailure the failure of the last poll, null when it succeeded
     */
    public static ConsumerStatus of(String offsetKey, ChangeStreamMetrics metrics, Throwable lastFailure) {
        return of(offsetKey, metrics, lastFailure, null);
    }

    /**
     * @param metrics     the engine's figures, null before the consumer started
     * @param lastFailure the failure of the last poll, null when it succeeded
     * @param cluster     the figures per DB-Server and shard of a cluster's consumer, null for a single server's
     */
    public static ConsumerStatus of(String offsetKey, ChangeStreamMetrics metrics, Throwable lastFailure,
                                    ClusterStatus cluster) {
        if (metrics == null) {
            return new ConsumerStatus(offsetKey, "", "0", "0", 0, Map.of(), Map.of(), 0, 0, 0, 0, lastFailure,
                    cluster);
        }
        Map<String, Long> events = new HashMap<>();
        metrics.eventsByType().forEach((type, count) -> events.put(type.name(), count));
        return new ConsumerStatus(offsetKey, metrics.phase() == null ? "" : metrics.phase().name(),
                Ticks.format(metrics.committedTick()), Ticks.format(metrics.serverLastTick()), metrics.lagTicks(),
                events, metrics.snapshotProgress(), metrics.openTransactions(), metrics.bufferedTransactionEvents(),
                metrics.positionLostCount(), metrics.unknownMarkers(), lastFailure, cluster);
    }

    /** Per collection of the current or last snapshot: documents read, of about how many, or done ({@link #describe}). */
    public Map<String, String> snapshotProgress() {
        Map<String, String> progress = new LinkedHashMap<>();
        snapshotCollections.forEach((collection, p) -> progress.put(collection, describe(p)));
        return Collections.unmodifiableMap(progress);
    }

    /** {@code 120 of about 1000} while the dump runs ({@code 120} without a count), {@code 1000 done} after it. */
    public static String describe(ChangeStreamMetrics.CollectionProgress progress) {
        if (progress.completed()) {
            return progress.documentsRead() + " done";
        }
        return progress.documentsRead()
               + (progress.estimatedTotal().isPresent() ? " of about " + progress.estimatedTotal().getAsLong() : "");
    }

    /** Whether the position is lost and the consumer stopped delivering (positionLostPolicy FAIL). */
    public boolean positionLost() {
        return lastFailure instanceof PositionLostException;
    }

    /** Where the position stands: offsetKey, phase, committedTick, serverLastTick, lagTicks, positionLostCount. */
    public Map<String, Object> position() {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("offsetKey", offsetKey);
        position.put("phase", phase);
        position.put("committedTick", committedTick);
        position.put("serverLastTick", serverLastTick);
        position.put("lagTicks", lagTicks);
        position.put("positionLostCount", positionLostCount);
        return position;
    }

    /**
     * Every figure: the {@link #position()}, the events, the snapshot and transaction figures, the unknown markers, the
     * last failure; for a cluster also per DB-Server ({@code dbServers}) and per shard ({@code shards}).
     */
    public Map<String, Object> figures() {
        Map<String, Object> figures = position();
        figures.put("eventsByType", eventsByType);
        figures.put("snapshotProgress", snapshotProgress());
        figures.put("openTransactions", openTransactions);
        figures.put("bufferedTransactionEvents", bufferedTransactionEvents);
        figures.put("unknownMarkers", unknownMarkers);
        figures.put("lastFailure", lastFailure == null ? "" : lastFailure.getMessage());
        if (cluster != null) {
            figures.put("dbServers", cluster.describeServers());
            figures.put("shards", cluster.describeShards());
        }
        return figures;
    }
}
