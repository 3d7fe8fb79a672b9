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
package io.github.camelarango.replication.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who holds what in an ArangoDB cluster, as a Coordinator tells it at one moment: the DB-Servers (from
 * {@code /_admin/cluster/health}), and for each collection of the database its plan id and shards (from
 * {@code clusterInventory}: shards belong to a collection through the Plan, never through a document's {@code _id})
 * with each shard's leader and in-sync followers <b>as Current has them</b> (from {@code shardDistribution}): who leads
 * a shard now. Immutable; read again to see a change.
 */
public final class ClusterTopology {

    /**
     * A DB-Server.
     *
     * @param id        its id, e.g. {@code PRMR-…}: what positions and {@code DBserver=} name
     * @param shortName e.g. {@code DBServer0001}, null when the cluster did not tell
     * @param endpoint  the URL to call it at ({@code tcp://} read as {@code http://}, {@code ssl://} as
     *                  {@code https://}); null when the cluster did not tell
     * @param status    {@code GOOD}, {@code BAD} or {@code FAILED}
     */
    public record DbServer(String id, String shortName, URI endpoint, String status) {

        /** Whether the cluster sees it as serving. */
        public boolean isGood() {
            return "GOOD".equals(status);
        }

        /** The id with the short name, for messages: {@code PRMR-… (DBServer0001)}. */
        public String describe() {
            return shortName == null ? id : id + " (" + shortName + ")";
        }
    }

    /**
     * A shard of a collection.
     *
     * @param name       e.g. {@code s10002}: the shard's collection on its DB-Servers
     * @param collection the name of the collection it belongs to (by the Plan)
     * @param leader     the id of the DB-Server that leads it in Current; null when none does
     * @param followers  the ids of its in-sync followers in Current
     * @param planLeader the id of the leader the Plan names (ahead of Current during a fail-over or move); null when
     *                   none
     */
    public record Shard(String name, String collection, String leader, List<String> followers, String planLeader) {

        /** Copies the list. */
        public Shard {
            followers = List.copyOf(followers);
        }
    }

    /**
     * A collection of the cluster.
     *
     * @param name   its name
     * @param planId its plan id (the number in its shards' {@code cuid}s {@code c<planId>/<shard>})
     * @param system whether it is a system collection
     * @param shards its shards in the Plan's order
     */
    public record ShardedCollection(String name, String planId, boolean system, List<Shard> shards) {

        /** Copies the list. */
        public ShardedCollection {
            shards = List.copyOf(shards);
        }
    }

    private final Map<String, DbServer> dbServers;
    private final Map<String, ShardedCollection> collections;
    private final Map<String, Shard> shards;

    ClusterTopology(Map<String, DbServer> dbServers, Map<String, ShardedCollection> collections) {
        this.dbServers = Map.copyOf(dbServers);
        this.collections = Map.copyOf(collections);
        Map<String, Shard> byName = new LinkedHashMap<>();
        collections.values().forEach(c -> c.shards().forEach(s -> byName.put(s.name(), s)));
        this.shards = Map.copyOf(byName);
    }

    /**
     * Reads the topology through a Coordinator: health, the database's cluster inventory and its shard distribution
     * (three calls).
     *
     * @param coordinator   a client to a Coordinator, on the database to read
     * @param includeSystem whether system collections are read
     */
    public static ClusterTopology read(ArangoReplicationClient coordinator, boolean includeSystem) {
        ClusterHealth health = coordinator.clusterHealth();
        ClusterInventory inventory = coordinator.clusterInventory(includeSystem);
        ShardDistribution distribution = coordinator.shardDistribution();
        return of(health, inventory, distribution);
    }

    /** The topology the three answers describe. */
    public static ClusterTopology of(ClusterHealth health, ClusterInventory inventory, ShardDistribution distribution) {
        Map<String, DbServer> servers = new LinkedHashMap<>();
        health.servers().values().stream().filter(ClusterHealth.Member::isDbServer).forEach(m -> servers.put(m.id(),
                new DbServer(m.id(), m.shortName(), httpEndpoint(m.endpoint()), m.status())));
        Map<String, ShardedCollection> collections = new LinkedHashMap<>();
        for (InventoryCollection c : inventory.collections()) {
            JsonNode planned = c.parameters() == null ? null : c.parameters().get("shards");
            if (c.name() == null || c.deleted() || planned == null || !planned.isObject()) {
                continue;
            }
            Map<String, ShardDistribution.Servers> current = distribution.current().getOrDefault(c.name(), Map.of());
            List<Shard> shards = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = planned.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> shard = it.next();
                ShardDistribution.Servers now = current.get(shard.getKey());
                String planLeader = shard.getValue().size() == 0 ? null
                        : serverId(health, shard.getValue().get(0).asText());
                shards.add(new Shard(shard.getKey(), c.name(), now == null ? null : serverId(health, now.leader()),
                        now == null ? List.of() : now.followers().stream().map(f -> serverId(health, f)).toList(),
                        planLeader));
            }
            collections.put(c.name(), new ShardedCollection(c.name(), c.id(), c.system(), shards));
        }
        return new ClusterTopology(servers, collections);
    }

    /** The DB-Servers by id. */
    public Map<String, DbServer> dbServers() {
        return dbServers;
    }

    /** The DB-Server with this id. */
    public Optional<DbServer> dbServer(String id) {
        return Optional.ofNullable(dbServers.get(id));
    }

    /** The collections by name. */
    public Map<String, ShardedCollection> collections() {
        return collections;
    }

    /** The shard of this name, of any collection. */
    public Optional<Shard> shard(String name) {
        return Optional.ofNullable(shards.get(name));
    }

    /** The shards of {@code collectionNames} that the DB-Server {@code serverId} leads now, in the Plan's order. */
    public List<Shard> shardsLedBy(String serverId, Collection<String> collectionNames) {
        List<Shard> led = new ArrayList<>();
        for (String name : collectionNames) {
            ShardedCollection c = collections.get(name);
            if (c != null) {
                c.shards().stream().filter(s -> Objects.equals(serverId, s.leader())).forEach(led::add);
            }
        }
        return led;
    }

    /** A server named by id or by short name, as its id; the name itself when the health answer does not know it. */
    private static String serverId(ClusterHealth health, String name) {
        if (name == null || health.servers().containsKey(name)) {
            return name;
        }
        return health.servers().values().stream().filter(m -> name.equals(m.shortName())).map(ClusterHealth.Member::id)
                .findFirst().orElse(name);
    }

    /** {@code tcp://host:port} as {@code http://host:port}, {@code ssl://} as {@code https://}. */
    static URI httpEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        String text = endpoint.startsWith("tcp://") ? "http://" + endpoint.substring(6)
                : endpoint.startsWith("ssl://") ? "https://" + endpoint.substring(6) : endpoint;
        return URI.create(text);
    }

    @Override
    public String toString() {
        return "ClusterTopology[dbServers=" + dbServers.keySet() + ", collections=" + collections.keySet() + "]";
    }
}
