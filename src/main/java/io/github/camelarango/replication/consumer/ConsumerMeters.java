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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.cdc.ChangeType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Micrometer meters of one {@code changes} consumer, read from its {@link ConsumerStatus} whenever the registry
 * publishes them; tagged with {@code camelContext} and {@code routeId}. Only loaded when Micrometer is on the class
 * path ({@link ConsumerMetersBinding} checks): Micrometer is an optional dependency of the component.
 * <p>
 * Ticks are published as doubles, exact up to 2<sup>53</sup>; the lag is computed on the exact ticks first.
 */
public final class ConsumerMeters implements MeterBinder, ConsumerMetersBinding.Meters {

    /** Gauge: the tick of the last committed position. */
    public static final String COMMITTED_TICK = "arango.replication.committed.tick";
    /** Gauge: the server's latest write-ahead log tick as last seen. */
    public static final String SERVER_LAST_TICK = "arango.replication.server.last.tick";
    /** Gauge: how many ticks the committed position is behind the server. */
    public static final String LAG_TICKS = "arango.replication.lag.ticks";
    /** Counter, tag {@code type} (a change type): changes handed out by the engine. */
    public static final String EVENTS = "arango.replication.events";
    /** Gauge: documents read by the current or last snapshot, all collections together. */
    public static final String SNAPSHOT_DOCUMENTS_READ = "arango.replication.snapshot.documents.read";
    /** Gauge: the collections of the current or last snapshot. */
    public static final String SNAPSHOT_COLLECTIONS = "arango.replication.snapshot.collections";
    /** Gauge: the collections of the current or last snapshot whose dump is complete. */
    public static final String SNAPSHOT_COLLECTIONS_COMPLETED = "arango.replication.snapshot.collections.completed";
    /** Counter: how often the position was lost (purged write-ahead log, expired batch). */
    public static final String POSITION_LOST = "arango.replication.position.lost";
    /** Gauge, tag {@code dbServer}, on a cluster: the tick of the DB-Server's last committed position. */
    public static final String DB_SERVER_COMMITTED_TICK = "arango.replication.dbserver.committed.tick";
    /** Gauge, tag {@code dbServer}, on a cluster: the DB-Server's latest write-ahead log tick as last seen. */
    public static final String DB_SERVER_LAST_TICK = "arango.replication.dbserver.last.tick";
    /** Gauge, tag {@code dbServer}, on a cluster: how many ticks the DB-Server's committed position is behind it. */
    public static final String DB_SERVER_LAG_TICKS = "arango.replication.dbserver.lag.ticks";
    /** Gauge, tag {@code dbServer}, on a cluster: 1 while the DB-Server's shards are snapshotted, 0 in the tail. */
    public static final String DB_SERVER_SNAPSHOT = "arango.replication.dbserver.snapshot";
    /** Gauge, tag {@code dbServer}, on a cluster: 1 while the DB-Server's reads fail, 0 while it answers. */
    public static final String DB_SERVER_UNREACHABLE = "arango.replication.dbserver.unreachable";
    /** Gauge, tags {@code shard}, {@code collection}, {@code dbServer}, on a cluster: the lag of the shard's leader. */
    public static final String SHARD_LAG_TICKS = "arango.replication.shard.lag.ticks";

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerMeters.class);

    private final ConsumerStatus.Source consumer;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;
    /** The gauges of each DB-Server and shard of a cluster, once bound and until closed. */
    private ClusterMeters cluster;

    /**
     * @param consumer    the consumer whose status the meters read
     * @param camelContext the name of its CamelContext
     * @param routeId     its route
     */
    public ConsumerMeters(ConsumerStatus.Source consumer, String camelContext, String routeId) {
        this.consumer = consumer;
        this.tags = Tags.of("camelContext", camelContext, "routeId", routeId);
    }

    /**
     * Binds the meters of a consumer to the {@link MeterRegistry} of the CamelContext's registry: the only one, or the
     * only {@link CompositeMeterRegistry} among several (as Spring Boot's primary registry); none without one.
     *
     * @return what removes the meters again
     */
    static ConsumerMetersBinding.Meters bindToRegistryOf(CamelContext camelContext, String routeId, ConsumerStatus.Source consumer) {
        Set<MeterRegistry> registries = camelContext.getRegistry().findByType(MeterRegistry.class);
        List<MeterRegistry> candidates = registries.size() <= 1 ? List.copyOf(registries)
                : registries.stream().filter(CompositeMeterRegistry.class::isInstance).toList();
        if (candidates.size() != 1) {
            if (!registries.isEmpty()) {
                LOG.warn("Route '{}' publishes no meters: {} MeterRegistry beans and not one CompositeMeterRegistry "
                         + "among them", routeId, registries.size());
            }
            return ConsumerMetersBinding.Meters.NONE;
        }
        ConsumerMeters meters = new ConsumerMeters(consumer, camelContext.getName(), routeId);
        meters.bindTo(candidates.get(0));
        return meters;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        this.cluster = new ClusterMeters(meterRegistry, consumer, tags);
        gauge(COMMITTED_TICK, "Tick of the last committed position", s -> Double.parseDouble(s.committedTick()));
        gauge(SERVER_LAST_TICK, "Latest write-ahead log tick of the server as last seen",
                s -> Double.parseDouble(s.serverLastTick()));
        gauge(LAG_TICKS, "How many ticks the committed position is behind the server", ConsumerStatus::lagTicks);
        for (ChangeType type : ChangeType.values()) {
            meters.add(FunctionCounter.builder(EVENTS, consumer,
                            c -> c.consumerStatus().eventsByType().getOrDefault(type.name(), 0L))
                    .description("Changes handed out by the engine, by change type")
                    .tags(tags).tag("type", type.name()).register(meterRegistry));
        }
        gauge(SNAPSHOT_DOCUMENTS_READ, "Documents read by the current or last snapshot",
                s -> s.snapshotCollections().values().stream()
                        .mapToLong(ChangeStreamMetrics.CollectionProgress::documentsRead).sum());
        gauge(SNAPSHOT_COLLECTIONS, "Collections of the current or last snapshot",
                s -> s.snapshotCollections().size());
        gauge(SNAPSHOT_COLLECTIONS_COMPLETED, "Collections of the current or last snapshot whose dump is complete",
                s -> s.snapshotCollections().values().stream()
                        .filter(ChangeStreamMetrics.CollectionProgress::completed).count());
        meters.add(FunctionCounter.builder(POSITION_LOST, consumer, c -> c.consumerStatus().positionLostCount())
                .description("How often the position was lost (purged write-ahead log, expired batch)")
                .tags(tags).register(meterRegistry));
    }

    private void gauge(String name, String description, ToDoubleFunction<ConsumerStatus> value) {
        meters.add(Gauge.builder(name, consumer, c -> value.applyAsDouble(c.consumerStatus()))
                .description(description).tags(tags).register(registry));
    }

    /** Follows the cluster's DB-Servers and shards until closed (a last poll after the stop registers nothing). */
    @Override
    public synchronized void followCluster(Map<String, Map<String, String>> shardsByServer) {
        if (cluster != null) {
            cluster.follow(shardsByServer);
        }
    }

    /** Removes the meters from the registry, those of a cluster's DB-Servers and shards included. */
    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        meters.forEach(registry::remove);
        meters.clear();
    }
}
