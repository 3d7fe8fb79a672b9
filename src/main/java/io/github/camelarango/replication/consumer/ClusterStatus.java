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

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.client.Ticks;

/**
 * What a {@code changes} consumer of a cluster tells about each DB-Server it reads and each shard it captures, as its
 * health check, JMX attributes and the dev console show it: a server's phase, ticks and lag (a tick means something
 * only on its server), the shards it leads, since when it is unreachable; a shard's collection, leader and lag (its
 * leader's: ticks are per server). Immutable.
 *
 * @param servers                 by DB-Server id
 * @param shards                  by shard name
 * @param unreachableTimeout      how long a DB-Server may stay unreachable before the health check is DOWN
 *                                (dbServerUnreachableTimeout)
 */
public record ClusterStatus(Map<String, Server> servers, Map<String, Shard> shards, Duration unreachableTimeout) {

    /**
     * One DB-Server as the consumer reads it.
     *
     * @param phase            SNAPSHOT or TAIL of its stream; empty before its first read
     * @param committedTick    the tick of its last committed position, on this server
     * @param serverLastTick   its latest write-ahead log tick as last seen
     * @param lagTicks         how many ticks its committed position is behind it
     * @param shards           the shards it leads that the consumer reads from it
     * @param unreachableSince since when its reads fail; null while it answers
     */
    public record Server(String phase, String committedTick, String serverLastTick, long lagTicks, List<String> shards,
                         Instant unreachableSince) {

        public Server {
            shards = List.copyOf(shards);
        }

        /** E.g. {@code TAIL, committed 120 of 135 (lag 15), shards s10001,s10004}, plus since when it is unreachable. */
        String describe() {
            return phase + ", committed " + committedTick + " of " + serverLastTick + " (lag " + lagTicks + "), shards "
                   + String.join(",", shards) + (unreachableSince == null ? "" : ", unreachable since " + unreachableSince);
        }
    }

    /**
     * One captured shard.
     *
     * @param collection the collection it belongs to
     * @param leader     the id of the DB-Server it is read from
     * @param lagTicks   its leader's lag in ticks
     */
    public record Shard(String collection, String leader, long lagTicks) {

        /** E.g. {@code orders on PRMR-1a2b (lag 15)}. */
        String describe() {
            return collection + " on " + leader + " (lag " + lagTicks + ")";
        }
    }

    /** Keeps sorted, unmodifiable copies of the maps. */
    public ClusterStatus {
        servers = Collections.unmodifiableSortedMap(new TreeMap<>(servers));
        shards = Collections.unmodifiableSortedMap(new TreeMap<>(shards));
    }

    /**
     * The status from the cluster stream's figures.
     *
     * @param serverMetrics    each DB-Server's stream figures, by server id
     * @param shardsByServer   the shards read from each DB-Server, by server id: shard name to collection name
     * @param unreachableSince the DB-Servers whose reads fail, with since when
     */
    public static ClusterStatus of(Map<String, ChangeStreamMetrics> serverMetrics,
                                   Map<String, Map<String, String>> shardsByServer,
                                   Map<String, Instant> unreachableSince, Duration unreachableTimeout) {
        Map<String, Server> servers = new LinkedHashMap<>();
        Map<String, Shard> shards = new LinkedHashMap<>();
        shardsByServer.forEach((id, led) -> {
            ChangeStreamMetrics metrics = serverMetrics.get(id);
            long lag = metrics == null ? 0 : metrics.lagTicks();
            servers.put(id, new Server(metrics == null || metrics.phase() == null ? "" : metrics.phase().name(),
                    Ticks.format(metrics == null ? 0 : metrics.committedTick()),
                    Ticks.format(metrics == null ? 0 : metrics.serverLastTick()), lag, List.copyOf(new TreeMap<>(led)
                    .keySet()), unreachableSince.get(id)));
            led.forEach((shard, collection) -> shards.put(shard, new Shard(collection, id, lag)));
        });
        return new ClusterStatus(servers, shards, unreachableTimeout);
    }

    /** The DB-Servers unreachable for longer than the {@link #unreachableTimeout()} at {@code now}, by id. */
    public Map<String, Instant> unreachableTooLong(Instant now) {
        Map<String, Instant> failing = new TreeMap<>();
        servers.forEach((id, server) -> {
            if (server.unreachableSince() != null
                && Duration.between(server.unreachableSince(), now).compareTo(unreachableTimeout) > 0) {
                failing.put(id, server.unreachableSince());
            }
        });
        return failing;
    }

    /** Per DB-Server id its {@link Server#describe() description}. */
    public Map<String, String> describeServers() {
        Map<String, String> described = new LinkedHashMap<>();
        servers.forEach((id, server) -> described.put(id, server.describe()));
        return described;
    }

    /** Per shard its {@link Shard#describe() description}. */
    public Map<String, String> describeShards() {
        Map<String, String> described = new LinkedHashMap<>();
        shards.forEach((name, shard) -> described.put(name, shard.describe()));
        return described;
    }
}
