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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The Micrometer gauges of each DB-Server and shard a {@code changes} consumer of a cluster reads, tagged
 * {@code dbServer} (and {@code shard}, {@code collection}) beside the consumer's tags, read from its
 * {@link ClusterStatus} whenever the registry publishes them. They follow the DB-Servers and shards the consumer's
 * stream reads ({@link #follow}): published once the stream knows them, removed when it no longer reads them or
 * closes, so that no gauge of a stopped stream, or of a server it left, stays registered.
 */
final class ClusterMeters {

    private final MeterRegistry registry;
    private final ConsumerStatus.Source consumer;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    /** The shards by DB-Server id whose gauges are registered. */
    private Map<String, Map<String, String>> followed = Map.of();

    ClusterMeters(MeterRegistry registry, ConsumerStatus.Source consumer, Tags tags) {
        this.registry = registry;
        this.consumer = consumer;
        this.tags = tags;
    }

    /**
     * Registers the gauges of these DB-Servers and shards and removes those of any other; nothing when they are the
     * ones registered already.
     *
     * @param shardsByServer the shards the stream reads, by DB-Server id: shard name to collection name (empty: the
     *                       stream reads no cluster, or closed)
     */
    synchronized void follow(Map<String, Map<String, String>> shardsByServer) {
        if (shardsByServer.equals(followed)) {
            return;
        }
        close();
        Map<String, Map<String, String>> registered = new LinkedHashMap<>();
        shardsByServer.forEach((id, shards) -> {
            Tags server = tags.and("dbServer", id);
            serverGauge(ConsumerMeters.DB_SERVER_COMMITTED_TICK, "Tick of the DB-Server's last committed position, on "
                    + "that server", server, id, s -> Double.parseDouble(s.committedTick()));
            serverGauge(ConsumerMeters.DB_SERVER_LAST_TICK, "Latest write-ahead log tick of the DB-Server as last seen",
                    server, id, s -> Double.parseDouble(s.serverLastTick()));
            serverGauge(ConsumerMeters.DB_SERVER_LAG_TICKS, "How many ticks the DB-Server's committed position is "
                    + "behind it", server, id, ClusterStatus.Server::lagTicks);
            serverGauge(ConsumerMeters.DB_SERVER_SNAPSHOT, "1 while the DB-Server's shards are snapshotted, 0 once "
                    + "its write-ahead log is tailed", server, id, s -> "SNAPSHOT".equals(s.phase()) ? 1 : 0);
            serverGauge(ConsumerMeters.DB_SERVER_UNREACHABLE, "1 while the DB-Server's reads fail, 0 while it answers",
                    server, id, s -> s.unreachableSince() == null ? 0 : 1);
            shards.forEach((shard, collection) -> meters.add(Gauge.builder(ConsumerMeters.SHARD_LAG_TICKS, consumer,
                            c -> shardLag(c, shard))
                    .description("How many ticks the shard's leader's committed position is behind it")
                    .tags(server).tag("shard", shard).tag("collection", collection).register(registry)));
            registered.put(id, Map.copyOf(shards));
        });
        followed = registered;
    }

    /** Removes every gauge. */
    synchronized void close() {
        meters.forEach(registry::remove);
        meters.clear();
        followed = Map.of();
    }

    private void serverGauge(String name, String description, Tags server, String id,
                             ToDoubleFunction<ClusterStatus.Server> value) {
        meters.add(Gauge.builder(name, consumer, c -> {
            ClusterStatus cluster = c.consumerStatus().cluster();
            ClusterStatus.Server status = cluster == null ? null : cluster.servers().get(id);
            return status == null ? Double.NaN : value.applyAsDouble(status);
        }).description(description).tags(server).register(registry));
    }

    private static double shardLag(ConsumerStatus.Source consumer, String shard) {
        ClusterStatus cluster = consumer.consumerStatus().cluster();
        ClusterStatus.Shard status = cluster == null ? null : cluster.shards().get(shard);
        return status == null ? Double.NaN : status.lagTicks();
    }
}
