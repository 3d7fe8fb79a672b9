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
package io.github.camelarango.replication.emulator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.DocumentVersion;
import io.github.camelarango.replication.emulator.model.Server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the Agency and the Supervision of a real cluster hold and do, in one place: the servers and their health,
 * the Plan and Current of every collection's shards, and the moves of shards (fail-over, return of a failed server,
 * move, new server). Plan and Current are kept apart: a fail-over changes the Plan, then Current (facts §5).
 */
public final class ClusterState {

    private final Map<String, ClusterServer> servers = new ConcurrentHashMap<>();
    /** every server in the order it joined (health lists them so) */
    private final List<ClusterServer> members = new CopyOnWriteArrayList<>();
    private final List<ClusterServer> dbServers = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, ClusterCollection>> plan = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(10000);
    private final AtomicLong planVersion = new AtomicLong(1);
    private final String clusterId;

    public ClusterState(String clusterId) {
        this.clusterId = clusterId;
    }

    // ---------------------------------------------------------------- servers

    public synchronized void add(ClusterServer server) {
        servers.put(server.id(), server);
        members.add(server);
        if (server.isDbServer()) {
            dbServers.add(server);
            for (Database db : dbServers.get(0).server().databases()) {
                if (server.server().database(db.name()) == null) {
                    server.server().createDatabase(db.name());
                }
            }
        }
    }

    public List<ClusterServer> dbServers() {
        return List.copyOf(dbServers);
    }

    /** @return the Coordinators, in the order they joined */
    public List<ClusterServer> coordinators() {
        return members.stream().filter(s -> !s.isDbServer()).toList();
    }

    /** @return the server of that id or short name, or null */
    public ClusterServer server(String idOrShortName) {
        ClusterServer byId = servers.get(idOrShortName);
        if (byId != null) {
            return byId;
        }
        return members.stream().filter(s -> s.shortName().equals(idOrShortName)).findFirst().orElse(null);
    }

    public String nextKey() {
        return Long.toString(ids.incrementAndGet());
    }

    // ---------------------------------------------------------------- databases and collections

    /** A new database on every server but the Coordinator that was asked (its own route creates its copy). */
    public synchronized void createDatabase(String name, String askedCoordinator) {
        for (ClusterServer s : members) {
            if (!s.id().equals(askedCoordinator) && s.server().database(name) == null) {
                s.server().createDatabase(name);
            }
        }
    }

    /** Drops a database (and its Plan) on every server but the Coordinator that was asked. */
    public synchronized void dropDatabase(String name, String askedCoordinator) {
        plan.remove(name);
        for (ClusterServer s : members) {
            Database db = s.server().database(name);
            if (!s.id().equals(askedCoordinator) && db != null) {
                s.server().dropDatabase(db);
            }
        }
    }

    public ClusterCollection collection(String database, String name) {
        Map<String, ClusterCollection> collections = plan.get(database);
        return collections == null ? null : collections.get(name);
    }

    public List<ClusterCollection> collections(String database) {
        Map<String, ClusterCollection> collections = plan.get(database);
        if (collections == null) {
            return List.of();
        }
        List<ClusterCollection> list = new ArrayList<>(collections.values());
        list.sort((a, b) -> Long.compare(a.planId(), b.planId()));
        return list;
    }

    /**
     * Creates a collection from the options of {@code POST /_api/collection}: its shards on DB-Servers in turn
     * (leader of shard i on server i, followers on the next ones), each a collection named after the shard with
     * globallyUniqueId {@code c<planId>/<shard>} on every server that holds it.
     */
    public synchronized ClusterCollection createCollection(String database, JsonNode options) {
        String name = options.path("name").asText("");
        int shards = options.path("numberOfShards").asInt(1);
        int factor = options.path("replicationFactor").asInt(1);
        if (shards < 1 || shards > 1000) {
            throw ArangoException.badParameter("invalid numberOfShards " + options.path("numberOfShards") + "; allowed: 1..1000");
        }
        List<ClusterServer> up = dbServers.stream().filter(ClusterServer::isUp).toList();
        if (factor < 1 || factor > up.size()) {
            throw new ArangoException(400, 1477, "insufficient DB-Servers: replicationFactor " + factor + ", "
                    + up.size() + " DB-Servers available");
        }
        JsonNode shardKeys = options.path("shardKeys");
        if (!shardKeys.isMissingNode() && !(shardKeys.size() == 1 && "_key".equals(shardKeys.get(0).asText()))) {
            throw ArangoException.badParameter("the emulator shards by _key only, shardKeys was " + shardKeys);
        }
        if (collection(database, name) != null) {
            throw new ArangoException(409, 1207, "duplicate name");
        }
        ClusterCollection c = new ClusterCollection(database, name, ids.incrementAndGet(), options.path("type").asInt(Collection.DOCUMENT), factor);
        for (int i = 0; i < shards; i++) {
            List<String> holders = new ArrayList<>();
            for (int r = 0; r < factor; r++) {
                holders.add(up.get((i + r) % up.size()).id());
            }
            Shard shard = new Shard("s" + ids.incrementAndGet(), c, holders);
            for (String holder : holders) {
                createShardOn(servers.get(holder), shard);
            }
            c.add(shard);
        }
        plan.computeIfAbsent(database, d -> new ConcurrentHashMap<>()).put(name, c);
        planVersion.incrementAndGet();
        return c;
    }

    private static Collection createShardOn(ClusterServer holder, Shard shard) {
        Server server = holder.server();
        ObjectNode options = Json.object();
        options.put("name", shard.name());
        options.put("type", shard.collection().type());
        options.put("globallyUniqueId", shard.cuid());
        return server.createCollection(database(server, shard), options);
    }

    public synchronized void dropCollection(ClusterCollection c) {
        plan.getOrDefault(c.database(), Map.of()).remove(c.name());
        for (Shard shard : c.shards()) {
            for (String holder : shard.plan()) {
                Collection local = shardOn(servers.get(holder), shard);
                if (local != null) {
                    servers.get(holder).server().dropCollection(local);
                }
            }
        }
        planVersion.incrementAndGet();
    }

    /** The shard's collection on a server, or null if it holds none. */
    public static Collection shardOn(ClusterServer holder, Shard shard) {
        Database db = holder.server().database(shard.collection().database());
        return db == null ? null : db.collection(shard.name());
    }

    private static Database database(Server server, Shard shard) {
        return server.database(shard.collection().database());
    }

    // ---------------------------------------------------------------- writes

    /** The shard's leader, up; else 503 (its fail-over is still to come, or no in-sync follower was left). */
    public ClusterServer leaderOf(Shard shard) {
        String leader = shard.leader();
        ClusterServer server = leader == null ? null : servers.get(leader);
        if (server == null || !server.isUp()) {
            throw new ArangoException(503, 1495, "leadership challenge is ongoing for shard " + shard.name());
        }
        return server;
    }

    /**
     * After the leader wrote these keys (the caller holds the shard lock): each in-sync follower takes the leader's
     * versions; a follower that is down leaves Current, as a leader drops a follower it cannot replicate to.
     */
    public void replicate(Shard shard, Set<String> keys, boolean multiDocument) {
        ClusterServer leader = servers.get(shard.leader());
        Collection leaderShard = shardOn(leader, shard);
        for (String followerId : shard.followers()) {
            ClusterServer follower = servers.get(followerId);
            if (!follower.isUp()) {
                shard.dropFromCurrent(followerId);
                continue;
            }
            ShardReplication.replicate(leaderShard, follower.server(), shardOn(follower, shard), keys, multiDocument);
        }
    }

    // ---------------------------------------------------------------- controls

    /** A DB-Server fails: health BAD, and it leaves Current of the shards it follows. */
    public void fail(ClusterServer server) {
        server.status(ClusterServer.Status.BAD);
        for (Shard shard : allShards()) {
            if (!server.id().equals(shard.leader()) && shard.current().contains(server.id())) {
                withLock(shard, () -> shard.dropFromCurrent(server.id()));
            }
        }
    }

    /**
     * The Supervision's fail-over after the grace time: health FAILED; each shard it led gets the first in-sync
     * follower as leader (Plan first: new leader, other followers, the failed server last, to resync when it comes
     * back; then Current without the failed server). A shard without an in-sync follower keeps no usable leader.
     */
    public void failover(ClusterServer server) {
        if (server.status() != ClusterServer.Status.BAD) {
            return;
        }
        server.status(ClusterServer.Status.FAILED);
        for (Shard shard : allShards()) {
            if (server.id().equals(shard.leader()) && !shard.followers().isEmpty()) {
                withLock(shard, () -> {
                    List<String> newPlan = new ArrayList<>(shard.plan());
                    newPlan.remove(server.id());
                    newPlan.remove(shard.followers().get(0));
                    newPlan.add(0, shard.followers().get(0));
                    newPlan.add(server.id());
                    shard.plan(newPlan);
                    shard.dropFromCurrent(server.id());
                });
            }
        }
        planVersion.incrementAndGet();
    }

    /**
     * A failed DB-Server comes back: health GOOD; every shard the Plan gives it and Current does not is resynchronised
     * from its leader (bulk removes and inserts in its own WAL) and it joins Current as a follower.
     *
     * @return documents written or removed by the resynchronisation
     */
    public int recover(ClusterServer server) {
        server.status(ClusterServer.Status.GOOD);
        int written = 0;
        for (Shard shard : allShards()) {
            if (shard.plan().contains(server.id()) && !shard.current().contains(server.id()) && shard.leader() != null) {
                written += withLock(shard, () -> joinAsFollower(shard, server));
            }
        }
        return written;
    }

    private int joinAsFollower(Shard shard, ClusterServer server) {
        ClusterServer leader = servers.get(shard.leader());
        Collection mine = shardOn(server, shard);
        if (mine == null) {
            mine = createShardOn(server, shard);
        }
        int written = ShardReplication.resync(shardOn(leader, shard), server.server(), mine);
        List<String> current = new ArrayList<>(shard.current());
        current.add(server.id());
        shard.current(current);
        return written;
    }

    /**
     * Moves a shard from one DB-Server to another (ArangoDB's MoveShard): the target gets a copy (a resync), takes the
     * source's place in Plan and Current (leader if the source led), and the source drops its copy.
     */
    public void moveShard(Shard shard, ClusterServer from, ClusterServer to) {
        withLock(shard, () -> {
            if (!shard.plan().contains(from.id())) {
                throw new IllegalArgumentException(from.id() + " does not hold shard " + shard.name());
            }
            if (shard.plan().contains(to.id())) {
                throw new IllegalArgumentException(to.id() + " already holds shard " + shard.name());
            }
            if (!to.isUp() || shard.leader() == null) {
                throw new IllegalStateException("cannot move shard " + shard.name() + ": target down or no leader");
            }
            int written = joinAsFollower(shard, to);
            shard.plan(replace(shard.plan(), from.id(), to.id()));
            List<String> current = new ArrayList<>(shard.current());
            current.remove(to.id());
            shard.current(replace(current, from.id(), to.id()));
            Collection old = shardOn(from, shard);
            if (old != null) {
                from.server().dropCollection(old);
            }
            return written;
        });
        planVersion.incrementAndGet();
    }

    private static List<String> replace(List<String> list, String old, String replacement) {
        List<String> next = new ArrayList<>(list);
        int at = next.indexOf(old);
        if (at < 0) {
            next.add(replacement);
        } else {
            next.set(at, replacement);
        }
        return next;
    }

    private List<Shard> allShards() {
        List<Shard> shards = new ArrayList<>();
        plan.values().forEach(collections -> collections.values().forEach(c -> shards.addAll(c.shards())));
        return shards;
    }

    private interface Locked<T> {
        T run();
    }

    private static <T> T withLock(Shard shard, Locked<T> action) {
        shard.lock().lock();
        try {
            return action.run();
        } finally {
            shard.lock().unlock();
        }
    }

    private static void withLock(Shard shard, Runnable action) {
        withLock(shard, () -> {
            action.run();
            return null;
        });
    }

    // ---------------------------------------------------------------- ground truth

    /** The documents of a collection across its shards, as their leaders hold them: {@code _key} to {@code _rev}. */
    public Map<String, String> documents(String database, String name) {
        ClusterCollection c = collection(database, name);
        if (c == null) {
            throw new IllegalArgumentException("no cluster collection '" + name + "' in database '" + database + "'");
        }
        Map<String, String> result = new TreeMap<>();
        for (Shard shard : c.shards()) {
            Collection local = shardOn(servers.get(shard.leader() != null ? shard.leader() : shard.plan().get(0)), shard);
            for (DocumentVersion v : local.store().currentVersions()) {
                result.put(v.key(), v.revText());
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- topology answers

    /** {@code GET /_admin/cluster/health}. */
    public ObjectNode health() {
        ObjectNode body = Json.object();
        ObjectNode health = body.putObject("Health");
        for (ClusterServer s : members) {
            ObjectNode entry = health.putObject(s.id());
            entry.put("Endpoint", s.endpoint());
            entry.put("Role", s.isDbServer() ? "DBServer" : "Coordinator");
            entry.put("ShortName", s.shortName());
            entry.put("Status", s.status().name());
            entry.put("CanBeDeleted", s.status() == ClusterServer.Status.FAILED);
            entry.put("Engine", "rocksdb");
            entry.put("SyncStatus", s.isUp() ? "SERVING" : "UNKNOWN");
        }
        body.put("ClusterId", clusterId);
        body.put("error", false);
        body.put("code", 200);
        return body;
    }

    /** {@code GET /_db/<db>/_admin/cluster/shardDistribution}: Plan and Current by short names. */
    public ObjectNode shardDistribution(String database) {
        ObjectNode body = Json.object();
        ObjectNode results = body.putObject("results");
        for (ClusterCollection c : collections(database)) {
            ObjectNode entry = results.putObject(c.name());
            ObjectNode planned = entry.putObject("Plan");
            ObjectNode current = entry.putObject("Current");
            for (Shard shard : c.shards()) {
                servers(planned.putObject(shard.name()), shard.plan());
                servers(current.putObject(shard.name()), shard.current());
            }
        }
        body.put("error", false);
        body.put("code", 200);
        return body;
    }

    private void servers(ObjectNode node, List<String> ids) {
        node.put("leader", ids.isEmpty() ? "" : shortName(ids.get(0)));
        ArrayNode followers = node.putArray("followers");
        ids.stream().skip(1).forEach(id -> followers.add(shortName(id)));
    }

    private String shortName(String id) {
        ClusterServer s = servers.get(id);
        return s == null ? id : s.shortName();
    }

    /**
     * {@code shards} of {@code GET /_api/collection/<c>/shards?details=true}: server ids, leader first, from the Plan
     * (whether ArangoDB answers Plan or Current is not confirmed, facts §2: the Plan is the answer that can run ahead
     * of Current during a fail-over, the harder case for a client).
     */
    public ObjectNode shardServers(ClusterCollection c) {
        ObjectNode shards = Json.object();
        for (Shard shard : c.shards()) {
            ArrayNode list = shards.putArray(shard.name());
            shard.plan().forEach(list::add);
        }
        return shards;
    }

    public long planVersion() {
        return planVersion.get();
    }
}
