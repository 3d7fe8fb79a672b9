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
package io.github.camelarango.replication.cdc.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelarango.replication.cdc.CaptureStream;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ClientReplicationSource;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.ClusterTopology;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.client.Require;
import io.github.camelarango.replication.client.SuperuserJwt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change-capture engine for one database of an ArangoDB cluster, read through its DB-Servers: one
 * {@link ChangeStream} per DB-Server that leads a shard of the captured collections, each over that server's own
 * replication API (a superuser JWT minted from the cluster's secret), capturing only the shards the server leads.
 * <p>
 * Its snapshot is a dump batch per DB-Server and a dump per shard; its tail follows each DB-Server's write-ahead log
 * from that server's own tick. Follower copies of a shard (and the writes with which a returning follower
 * resynchronises) are never delivered: a server's stream reads only the shards it leads. Events carry the collection's
 * name (never the shard's) and their {@link ChangeEvent#origin() origin}: shard and DB-Server. Order holds per shard;
 * across shards only per document key (each key lives in one shard).
 * <p>
 * The position is one JSON text under the stream key, naming every DB-Server's {@link ChangePosition}, written whole.
 * When a shard's leader changes, the stream stops with a {@link ShardLeaderChangedException} (continuity on another
 * server cannot be proven yet); an unreachable DB-Server is retried.
 * <p>
 * The contract is {@link CaptureStream}'s, as {@link ChangeStream} keeps it; {@link #poll(int)} gathers the events of
 * the servers' streams fairly, each of which reads ahead on one thread of the given executor.
 */
public final class ClusterChangeStream implements CaptureStream {

    /** How often the topology is read again to notice a leader change, by default (topologyRefreshInterval). */
    public static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(2);
    /** How often, at most, a failing DB-Server has the topology read again. */
    private static final Duration FAILURE_REFRESH = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterChangeStream.class);

    private final ArangoReplicationClient coordinator;
    private final SuperuserJwt jwt;
    private final ChangeStreamOptions options;
    private final ClusterPositions positions;
    private final ScheduledExecutorService timer;
    private final ExecutorService fetchers;
    private final ChangeStreamMetrics metrics = new ChangeStreamMetrics();
    private final Object pollLock = new Object();
    /** Told by the servers' readers when events or a failure arrived. */
    private final Object arrivals = new Object();
    private long arrived;
    /** The servers' streams, fixed at the start (a change of leaders stops the stream). */
    private final List<ServerStream> servers = new ArrayList<>();
    /** The same by server id, published whole once the stream started (read by JMX and health threads). */
    private volatile Map<String, ServerStream> byId = Map.of();
    /** The events handed out and not acknowledged yet, across servers, in hand-out order. */
    private final Deque<ChangeEvent> awaited = new ArrayDeque<>();
    private boolean started;
    private long nextRefreshNanos;
    private long lastRefreshNanos;
    /** Whether the last topology read failed (warned once per outage). */
    private boolean topologyUnreadable;
    private int nextServer;
    /** The heartbeat handed out last, and the server it is of. */
    private ChangePosition beat;
    private ServerStream beatServer;
    private volatile boolean closed;
    /** A change of the cluster the stream cannot follow (a new leader, a new shard): kept until a restart. */
    private volatile ChangeStreamException stopped;
    /** A server stream's halt, until {@link #rewind()}. */
    private volatile ChangeStreamException halt;

    /**
     * A stream over the cluster that {@code coordinator} belongs to, resuming from the position stored under
     * {@code options.streamKey()}; {@code options.filter()} names collections (not shards). Nothing is sent before
     * the first {@link #poll}. The caller owns the client, the timer and the executor: the stream closes none of them.
     *
     * @param coordinator a client to a Coordinator of the cluster, on the database to capture, for its topology; its
     *                    configuration (timeouts, TLS, registration ids) is that of the clients to the DB-Servers
     * @param jwt         mints the superuser tokens the DB-Servers require
     * @param store       where the cluster's position is kept
     * @param timer       runs each server stream's keep-alive (dump batch, registration)
     * @param fetchers    runs each DB-Server's reads ahead of the caller, one task per DB-Server at a time: give it
     *                    at least as many threads as the cluster has DB-Servers (a cached pool suits)
     */
    public ClusterChangeStream(ArangoReplicationClient coordinator, SuperuserJwt jwt, ChangeStreamOptions options,
                               ClusterPositionStore store, ScheduledExecutorService timer, ExecutorService fetchers) {
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.jwt = Objects.requireNonNull(jwt, "jwt");
        this.options = Objects.requireNonNull(options, "options");
        this.positions = new ClusterPositions(Objects.requireNonNull(store, "store"), options.streamKey());
        this.timer = Objects.requireNonNull(timer, "timer");
        this.fetchers = Objects.requireNonNull(fetchers, "fetchers");
    }

    /**
     * Returns the next events of the DB-Servers, at most {@code maxEvents}, taken from each server in turn; possibly
     * none. Waits up to {@code idleMaxWait} when none is there.
     *
     * @throws ShardLeaderChangedException when a shard's leader is not the server the stream reads it from (again on
     *                                     every poll, also after a {@link #rewind()})
     * @throws ChangeStreamException       when a server's stream halted (as {@link ChangeStream#poll} does), or the
     *                                     captured collections got shards the stream does not read
     * @throws RuntimeException            a DB-Server's failed read, when no other server had an event (thrown once;
     *                                     the server is read again after a pause)
     * @throws IllegalStateException       after {@link #close()}
     */
    @Override
    public List<ChangeEvent> poll(int maxEvents) {
        Require.positive("maxEvents", maxEvents);
        synchronized (pollLock) {
            if (closed) {
                throw new IllegalStateException("change stream '" + options.streamKey() + "' is closed");
            }
            if (!started) {
                start();
            }
            checkTopology();
            noteHalt();
            ChangeStreamException failure = failure().orElse(null);
            if (failure != null) {
                throw failure;
            }
            servers.forEach(server -> server.pumpOn(fetchers, maxEvents));
            long seen = arrivedCount();
            List<ChangeEvent> out = new ArrayList<>(Math.min(maxEvents, 1024));
            gather(out, maxEvents);
            if (out.isEmpty()) {
                awaitArrival(seen, options.idleMaxWait());
                gather(out, maxEvents);
            }
            synchronized (awaited) {
                awaited.addAll(out);
            }
            metrics.setToSumOf(servers.stream().map(s -> s.inner().metrics()).toList());
            List<RuntimeException> failed = new ArrayList<>();
            servers.forEach(server -> server.unreportedFailure().ifPresent(failed::add));
            if (out.isEmpty()) {
                noteHalt();
                if (halt != null) {
                    throw halt;
                }
                if (!failed.isEmpty()) {
                    throw failed.get(0);
                }
            }
            return out;
        }
    }

    /**
     * Keeps the halt of a server's stream whose events before it were all taken: from then on the stream halts as a
     * single server's does, even while other servers have events (they would hide it, and health would stay UP).
     */
    private void noteHalt() {
        if (halt == null) {
            servers.stream().map(ServerStream::halted).flatMap(Optional::stream).findFirst().ifPresent(h -> halt = h);
        }
    }

    /** Takes the servers' buffered events one at a time from each in turn, up to {@code max}. */
    private void gather(List<ChangeEvent> out, int max) {
        int count = servers.size();
        boolean more = true;
        while (more && out.size() < max) {
            more = false;
            for (int i = 0; i < count && out.size() < max; i++) {
                more |= servers.get((nextServer + i) % count).take(out, 1) > 0;
            }
        }
        nextServer = count == 0 ? 0 : (nextServer + 1) % count;
    }

    /**
     * Reads the topology, the stored position and opens one stream per DB-Server that leads a captured shard; stops
     * (for good) when the stored position belongs to other leaders.
     */
    private void start() {
        ClusterTopology topology = ClusterTopology.read(coordinator, options.filter().includeSystem());
        Map<String, ClusterTopology.Shard> captured = captured(topology);
        Map<String, ClusterPositions.Entry> stored = positions.load();
        stopped = stored.isEmpty() ? null : continuityOf(topology, captured, stored);
        if (stopped != null) {
            started = true;
            return;
        }
        requireLeaders(captured);
        Map<String, Map<String, String>> led = new TreeMap<>();
        captured.values().forEach(shard -> led.computeIfAbsent(shard.leader(), id -> new TreeMap<>())
                .put(shard.name(), shard.collection()));
        try {
            led.forEach((serverId, shards) -> open(topology.dbServer(serverId).orElseThrow(
                    () -> new ChangeStreamException("DB-Server " + serverId + " leads shards " + shards.keySet()
                            + " but is not in the cluster's health answer")), shards));
        } catch (RuntimeException e) {
            servers.forEach(ServerStream::close);
            servers.clear();
            throw e;
        }
        Map<String, ServerStream> opened = new LinkedHashMap<>();
        servers.forEach(server -> opened.put(server.serverId(), server));
        byId = Collections.unmodifiableMap(opened);
        started = true;
        refreshed();
        LOG.info("Capturing changes of database '{}' as '{}' from {} DB-Server(s): {}",
                coordinator.configuration().database(), options.streamKey(), servers.size(), led);
    }

    private void open(ClusterTopology.DbServer server, Map<String, String> shards) {
        if (server.endpoint() == null) {
            throw new ChangeStreamException("DB-Server " + server.describe() + " has no endpoint in the cluster's "
                                            + "health answer; its shards cannot be read");
        }
        ArangoClientConfiguration configuration = coordinator.configuration()
                .toBuilder(server.endpoint().toString()).jwt(null).superuserJwt(jwt)
                .authentication(ArangoClientConfiguration.Authentication.JWT).build();
        HttpArangoReplicationClient client = new HttpArangoReplicationClient(configuration);
        String key = options.streamKey() + "@" + server.id();
        ChangeStream inner;
        try {
            inner = new ChangeStream(new ClientReplicationSource(client, key),
                    options.forCollections(key, shards.keySet()), positions.of(server.id(), server.shortName(), shards),
                    timer);
        } catch (RuntimeException e) { // the client is not a ServerStream's yet: close it here
            client.close();
            throw e;
        }
        servers.add(new ServerStream(options.streamKey(), server.id(), server.shortName(), shards, client, inner,
                this::arrived));
    }

    /** The shards of the collections the filter accepts, by name. */
    private Map<String, ClusterTopology.Shard> captured(ClusterTopology topology) {
        Map<String, ClusterTopology.Shard> shards = new TreeMap<>();
        topology.collections().values().stream()
                .filter(c -> options.filter().acceptsCollection(c.name()))
                .forEach(c -> c.shards().forEach(s -> shards.put(s.name(), s)));
        return shards;
    }

    /**
     * Whether the stored positions can be continued: every stored shard still captured is led by the server whose
     * position covers it, and every captured shard is covered. Null when they can, else why not.
     */
    private ChangeStreamException continuityOf(ClusterTopology topology, Map<String, ClusterTopology.Shard> captured,
                                               Map<String, ClusterPositions.Entry> stored) {
        Map<String, String> covered = new TreeMap<>();
        for (Map.Entry<String, ClusterPositions.Entry> server : stored.entrySet()) {
            for (String shard : server.getValue().shards().keySet()) {
                covered.put(shard, server.getKey());
                ClusterTopology.Shard now = captured.get(shard);
                if (now != null && !server.getKey().equals(now.leader())) {
                    return leaderChanged(topology, now, server.getKey(), server.getValue().shortName());
                }
            }
        }
        for (ClusterTopology.Shard shard : captured.values()) {
            if (!covered.containsKey(shard.name())) {
                return notCovered(shard);
            }
        }
        return null;
    }

    /**
     * Refuses to start while a captured shard has no leader in Current (a DB-Server failed and no in-sync follower took
     * over yet): its changes could not be read. The next poll tries again.
     */
    private void requireLeaders(Map<String, ClusterTopology.Shard> captured) {
        captured.values().stream().filter(s -> s.leader() == null).findFirst().ifPresent(s -> {
            throw new ChangeStreamException("Change stream '" + options.streamKey() + "' cannot start: shard '"
                    + s.name() + "' of collection '" + s.collection() + "' has no leader in the cluster now (a "
                    + "DB-Server failed and no in-sync follower took over); it starts once the shard has one.");
        });
    }

    /**
     * Reads the topology again when due (every topologyRefreshInterval, sooner while a DB-Server fails) and stops
     * the stream when a shard it reads has another leader now, or a captured collection a shard it does not read.
     * A topology that cannot be read is tried again later.
     */
    private void checkTopology() {
        if (stopped != null) {
            return;
        }
        long now = System.nanoTime();
        boolean failing = servers.stream().anyMatch(s -> s.unreachableSince().isPresent());
        if (now - nextRefreshNanos < 0 && !(failing && now - lastRefreshNanos >= FAILURE_REFRESH.toNanos())) {
            return;
        }
        ClusterTopology topology;
        try {
            topology = ClusterTopology.read(coordinator, options.filter().includeSystem());
        } catch (RuntimeException e) {
            // the DB-Servers' logs stay the source of the changes; what goes unseen meanwhile is a leader change
            if (!topologyUnreadable) {
                LOG.warn("Change stream '{}' cannot read the cluster's topology through the Coordinator; a change of a "
                         + "shard's leader is not noticed until it can again (it tries every {} s): {}",
                        options.streamKey(), options.topologyRefreshInterval().toMillis() / 1000.0, e.toString());
            }
            topologyUnreadable = true;
            refreshed();
            return;
        }
        if (topologyUnreadable) {
            LOG.info("Change stream '{}' reads the cluster's topology again", options.streamKey());
            topologyUnreadable = false;
        }
        refreshed();
        Map<String, ClusterTopology.Shard> captured = captured(topology);
        for (ServerStream server : servers) {
            for (String shard : server.collections().keySet()) {
                ClusterTopology.Shard current = captured.get(shard);
                if (current != null && !server.serverId().equals(current.leader())) {
                    stop(leaderChanged(topology, current, server.serverId(), server.shortName()));
                    return;
                }
            }
        }
        captured.keySet().removeIf(shard -> servers.stream().anyMatch(s -> s.collections().containsKey(shard)));
        captured.values().stream().findFirst().ifPresent(shard -> stop(notCovered(shard)));
    }

    /**
     * Stops for good: no server is read any more, so nothing after this is delivered and no server saves a position
     * of its own; the events handed out before stay acknowledgeable.
     */
    private void stop(ChangeStreamException why) {
        stopped = why;
        servers.forEach(ServerStream::stopReading);
    }

    private void refreshed() {
        lastRefreshNanos = System.nanoTime();
        nextRefreshNanos = lastRefreshNanos + options.topologyRefreshInterval().toNanos();
    }

    private ShardLeaderChangedException leaderChanged(ClusterTopology topology, ClusterTopology.Shard shard,
                                                      String oldId, String oldShortName) {
        String oldLeader = oldShortName == null ? oldId : oldId + " (" + oldShortName + ")";
        String newLeader = shard.leader() == null ? null
                : topology.dbServer(shard.leader()).map(ClusterTopology.DbServer::describe).orElse(shard.leader());
        return new ShardLeaderChangedException(options.streamKey(), shard.name(), shard.collection(), oldLeader,
                newLeader);
    }

    private ChangeStreamException notCovered(ClusterTopology.Shard shard) {
        return new ChangeStreamException("Change stream '" + options.streamKey() + "' stopped: shard '" + shard.name()
                + "' of collection '" + shard.collection() + "' is captured but not read by the stream (a collection "
                + "created, or selected, after the stream's snapshot); its changes cannot be delivered without a "
                + "snapshot of it. To recover, take a new snapshot: delete the position stored under key '"
                + options.streamKey() + "' (or use a new offsetKey) and start the stream again.");
    }

    /**
     * Records that {@code event} and every event handed out before it, of any server, were delivered, and saves the
     * position each of their servers reached.
     */
    @Override
    public void commit(ChangeEvent event) {
        release(event).forEach((server, last) -> server.acknowledge(last, true));
    }

    /**
     * Records, as {@link #commit} does, that {@code event} and every event handed out before it, of any server, were
     * delivered; {@link #saveDelivered()} saves their positions.
     */
    @Override
    public void acknowledge(ChangeEvent event) {
        release(event).forEach((server, last) -> server.acknowledge(last, false));
    }

    /**
     * Takes {@code event} and those handed out before it off the awaited ones: the last of each server, by server;
     * none when {@code event} awaits nothing (acknowledged already, or handed out before a rewind).
     */
    private Map<ServerStream, ChangeEvent> release(ChangeEvent event) {
        Objects.requireNonNull(event, "event");
        Map<ServerStream, ChangeEvent> last = new LinkedHashMap<>();
        synchronized (awaited) {
            if (awaited.stream().noneMatch(e -> e == event)) {
                LOG.debug("Change stream '{}' ignores the commit of {}: it awaits no commit", options.streamKey(),
                        event);
                return last;
            }
            ChangeEvent released;
            do {
                released = awaited.poll();
                ServerStream server = byId.get(released.origin().serverId());
                if (server != null) {
                    last.put(server, released);
                }
            } while (released != event);
        }
        return last;
    }

    @Override
    public boolean saveDelivered() {
        boolean saved = false;
        for (ServerStream server : servers) {
            saved |= server.inner().saveDelivered();
        }
        return saved;
    }

    /**
     * The due heartbeat of one DB-Server's stream (each in turn), when nothing of it awaits delivery: its
     * {@link ChangePosition} names that server.
     */
    @Override
    public Optional<ChangePosition> heartbeat() {
        if (options.heartbeatInterval().isZero()) {
            return Optional.empty();
        }
        synchronized (pollLock) {
            int count = servers.size();
            for (int i = 0; i < count; i++) {
                ServerStream server = servers.get((nextServer + i) % count);
                Optional<ChangePosition> position = server.heartbeat();
                if (position.isPresent()) {
                    beat = position.get();
                    beatServer = server;
                    return position;
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public void commitHeartbeat(ChangePosition position) {
        ServerStream server;
        synchronized (pollLock) {
            server = position == beat ? beatServer : null;
        }
        if (server != null) {
            server.inner().commitHeartbeat(position);
        }
    }

    /**
     * Forgets every event handed out but not committed, of every server, and clears a server stream's halt. A
     * {@link ShardLeaderChangedException} stays: only a new stream (a restart) reads the topology anew.
     */
    @Override
    public void rewind() {
        synchronized (pollLock) {
            synchronized (awaited) {
                awaited.clear();
            }
            servers.forEach(ServerStream::rewind);
            halt = null;
        }
    }

    @Override
    public Optional<ChangeStreamException> failure() {
        return Optional.ofNullable(stopped != null ? stopped : halt);
    }

    @Override
    public boolean isFinished() {
        synchronized (pollLock) {
            return started && stopped == null && options.snapshotMode() == SnapshotMode.INITIAL_ONLY
                   && servers.stream().allMatch(ServerStream::isFinished);
        }
    }

    /**
     * The figures of all servers together (updated by every poll); ticks mean nothing across servers, see
     * {@link #serverMetrics()}.
     */
    @Override
    public ChangeStreamMetrics metrics() {
        return metrics;
    }

    /** Each DB-Server's live figures (ticks, lag, phase), by server id; empty before the first poll. */
    public Map<String, ChangeStreamMetrics> serverMetrics() {
        Map<String, ChangeStreamMetrics> figures = new LinkedHashMap<>();
        byId.forEach((id, server) -> figures.put(id, server.inner().metrics()));
        return figures;
    }

    /** The shards the stream reads, by server id: shard name to collection name. */
    public Map<String, Map<String, String>> shardsByServer() {
        Map<String, Map<String, String>> shards = new LinkedHashMap<>();
        byId.forEach((id, server) -> shards.put(id, server.collections()));
        return shards;
    }

    /** The DB-Servers whose reads fail, with since when; empty while every one answers. */
    public Map<String, Instant> unreachableSince() {
        Map<String, Instant> failing = new LinkedHashMap<>();
        byId.forEach((id, server) -> server.unreachableSince().ifPresent(since -> failing.put(id, since)));
        return failing;
    }

    /** The JSON text of the whole cluster position: every DB-Server's shards and position. */
    @Override
    public Optional<String> committedPositionJson() {
        return positions.committed();
    }

    /** Stops every server's stream (and its reader), and closes the clients to the DB-Servers. */
    @Override
    public void close() {
        closed = true;
        arrived();
        synchronized (pollLock) {
            servers.forEach(ServerStream::close);
        }
    }

    private void arrived() {
        synchronized (arrivals) {
            arrived++;
            arrivals.notifyAll();
        }
    }

    private long arrivedCount() {
        synchronized (arrivals) {
            return arrived;
        }
    }

    private void awaitArrival(long seen, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (arrivals) {
            long left;
            while (arrived == seen && !closed && (left = deadline - System.nanoTime()) > 0) {
                try {
                    arrivals.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
