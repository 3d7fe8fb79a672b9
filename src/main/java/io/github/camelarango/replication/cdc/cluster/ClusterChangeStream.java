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
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelarango.replication.cdc.CaptureStream;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.ClientReplicationSource;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.ClusterTopology;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.client.Require;
import io.github.camelarango.replication.client.SuperuserJwt;
import io.github.camelarango.replication.client.Ticks;
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
 * The position is one JSON text under the stream key, naming every DB-Server's {@link ChangePosition} and each in-sync
 * follower's {@link Shadow shadow} position, written whole. The stream also reads the shards each DB-Server follows
 * ({@link FollowerReader}, never delivered) to keep those shadows. When a shard's leader changes to a follower with a
 * shadow, capture of that shard continues there (a stream of its own, {@code <serverId>/<shard>}); without one the
 * stream stops with a {@link ShardLeaderChangedException}. An unreachable DB-Server is retried.
 * <p>
 * The contract is {@link CaptureStream}'s, as {@link ChangeStream} keeps it; {@link #poll(int)} gathers the events of
 * the servers' streams fairly, which read ahead of it. Each DB-Server is read by one thread of the given executor at
 * most: its streams and its follower reader take turns ({@link ServerReadLoop}).
 */
public final class ClusterChangeStream implements CaptureStream {

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
    /** An event handed out, with the stream it came from. */
    private record Taken(ChangeEvent event, ServerStream stream) {
    }

    /** The servers' streams: one per DB-Server that led a shard at the start, one per shard taken over since. */
    private final List<ServerStream> servers = new CopyOnWriteArrayList<>();
    /** The same by stream id, published whole on every change (read by JMX and health threads). */
    private volatile Map<String, ServerStream> byId = Map.of();
    /** The stream that reads each shard now, by shard name, published with {@link #byId}. */
    private volatile Map<String, ServerStream> byShard = Map.of();
    /** Each DB-Server's read loop, by server id: its streams and its follower reader read in turn on it. */
    private final Map<String, ServerReadLoop> loops = new ConcurrentHashMap<>();
    /** The readers of the shards each DB-Server follows, by server id (poll thread only). */
    private final Map<String, FollowerReader> readers = new TreeMap<>();
    /** Shard name to follower id to the follower's shadow of the shard (read by committing and saving threads). */
    private final Map<String, Map<String, Shadow>> shadows = new ConcurrentHashMap<>();
    /** Whether a shadow may still need a tracker, its proof or the end of a checkpoint (poll thread only). */
    private boolean shadowsPending = true;
    /** Whether the shadows' checkpoints are due (at every topology read; poll thread only). */
    private boolean checkpointsDue;
    /** The events handed out and not acknowledged yet, across servers, in hand-out order. */
    private final Deque<Taken> awaited = new ArrayDeque<>();
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
     * @param timer       runs each server stream's keep-alive (dump batch, registration) and ends the pause of a
     *                    DB-Server's reads after a failed one
     * @param fetchers    runs each DB-Server's reads ahead of the caller: one task per DB-Server at a time, for all
     *                    that read it ({@link ServerReadLoop}); give it at least as many threads as the cluster has
     *                    DB-Servers (a cached pool suits)
     */
    public ClusterChangeStream(ArangoReplicationClient coordinator, SuperuserJwt jwt, ChangeStreamOptions options,
                               ClusterPositionStore store, ScheduledExecutorService timer, ExecutorService fetchers) {
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.jwt = Objects.requireNonNull(jwt, "jwt");
        this.options = Objects.requireNonNull(options, "options");
        this.positions = new ClusterPositions(Objects.requireNonNull(store, "store"), options.streamKey());
        this.positions.shadowsFrom(this::shadowPositions);
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
            if (stopped == null) {
                proveShadows();
            }
            noteHalt();
            ChangeStreamException failure = failure().orElse(null);
            if (failure != null) {
                throw failure;
            }
            servers.forEach(server -> server.readAhead(maxEvents));
            readers.values().forEach(FollowerReader::start);
            long seen = arrivedCount();
            List<Taken> taken = new ArrayList<>(Math.min(maxEvents, 1024));
            gather(taken, maxEvents);
            if (taken.isEmpty()) {
                awaitArrival(seen, options.idleMaxWait());
                gather(taken, maxEvents);
            }
            List<ChangeEvent> out = new ArrayList<>(taken.size());
            taken.forEach(t -> out.add(t.event()));
            synchronized (awaited) {
                awaited.addAll(taken);
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
    private void gather(List<Taken> out, int max) {
        int count = servers.size();
        List<ChangeEvent> one = new ArrayList<>(1);
        boolean more = true;
        while (more && out.size() < max) {
            more = false;
            for (int i = 0; i < count && out.size() < max; i++) {
                ServerStream server = servers.get((nextServer + i) % count);
                if (server.take(one, 1) > 0) {
                    out.add(new Taken(one.remove(0), server));
                    more = true;
                }
            }
        }
        nextServer = count == 0 ? 0 : (nextServer + 1) % count;
    }

    /**
     * Reads the topology and the stored position, opens one stream per DB-Server that leads a captured shard (and one
     * per shard taken over after a fail-over), and a reader of the shards each DB-Server follows; stops (for good)
     * when the stored position belongs to other leaders and no shadow continues it.
     */
    private void start() {
        ClusterTopology topology = ClusterTopology.read(coordinator, options.filter().includeSystem());
        Map<String, ClusterTopology.Shard> captured = captured(topology);
        Map<String, ClusterPositions.Entry> stored = positions.load();
        Map<String, Map<String, ChangePosition>> storedShadows = positions.shadows();
        Map<String, ClusterPositions.Entry> plan = new TreeMap<>();
        Map<String, String> takenOverFrom = new TreeMap<>();
        stopped = stored.isEmpty() ? planFresh(captured, plan)
                : planContinued(topology, captured, stored, storedShadows, plan, takenOverFrom);
        if (stopped != null) {
            started = true;
            return;
        }
        requireLeaders(captured);
        try {
            openReaders(topology, captured, plan, storedShadows);
            takenOverFrom.forEach((streamId, fromId) -> positions.takeOver(fromId, plan.get(streamId).shards().keySet()
                    .iterator().next(), streamId, plan.get(streamId)));
            plan.forEach((streamId, entry) -> open(topology, streamId, entry, null));
        } catch (RuntimeException e) {
            servers.forEach(ServerStream::close);
            servers.clear();
            readers.values().forEach(FollowerReader::close);
            readers.clear();
            shadows.clear();
            throw e;
        }
        published();
        started = true;
        refreshed();
        LOG.info("Capturing changes of database '{}' as '{}' from {} DB-Server stream(s) {}, keeping shadows on {} "
                 + "follower(s)", coordinator.configuration().database(), options.streamKey(), servers.size(),
                plan.keySet(), readers.size());
    }

    /** A first start: one stream per DB-Server over the shards it leads. */
    private ChangeStreamException planFresh(Map<String, ClusterTopology.Shard> captured,
                                            Map<String, ClusterPositions.Entry> plan) {
        Map<String, Map<String, String>> led = new TreeMap<>();
        captured.values().stream().filter(s -> s.leader() != null).forEach(shard -> led
                .computeIfAbsent(shard.leader(), id -> new TreeMap<>()).put(shard.name(), shard.collection()));
        led.forEach((serverId, shards) -> plan.put(serverId, new ClusterPositions.Entry(serverId, null, shards, null)));
        return null;
    }

    /**
     * A restart from stored positions: every stored shard still captured must be led by the server whose stream
     * read it, or by a follower whose shadow was stored (the shard is taken over from that shadow); every captured
     * shard must be covered. Null when they can be continued, else why not.
     */
    private ChangeStreamException planContinued(ClusterTopology topology, Map<String, ClusterTopology.Shard> captured,
                                                Map<String, ClusterPositions.Entry> stored,
                                                Map<String, Map<String, ChangePosition>> storedShadows,
                                                Map<String, ClusterPositions.Entry> plan,
                                                Map<String, String> takenOverFrom) {
        for (Map.Entry<String, ClusterPositions.Entry> stream : stored.entrySet()) {
            ClusterPositions.Entry entry = stream.getValue();
            Map<String, String> kept = new TreeMap<>();
            for (Map.Entry<String, String> shard : entry.shards().entrySet()) {
                ClusterTopology.Shard now = captured.get(shard.getKey());
                if (now == null || entry.serverId().equals(now.leader())) {
                    kept.put(shard.getKey(), shard.getValue());
                    continue;
                }
                ChangePosition shadow = now.leader() == null ? null
                        : storedShadows.getOrDefault(now.leader(), Map.of()).get(now.name());
                if (shadow == null) {
                    return leaderChanged(topology, now, entry.serverId(), entry.shortName());
                }
                String streamId = takeOverId(now.leader(), now.name());
                plan.put(streamId, new ClusterPositions.Entry(now.leader(), topology.dbServer(now.leader())
                        .map(ClusterTopology.DbServer::shortName).orElse(null), Map.of(now.name(), now.collection()),
                        shadow));
                takenOverFrom.put(streamId, stream.getKey());
                LOG.warn(takeOverMessage(topology, now, entry.serverId(), entry.shortName(), shadow));
            }
            if (!kept.isEmpty()) {
                plan.put(stream.getKey(), new ClusterPositions.Entry(entry.serverId(), entry.shortName(), kept,
                        entry.position()));
            }
        }
        for (ClusterTopology.Shard shard : captured.values()) {
            if (plan.values().stream().noneMatch(e -> e.shards().containsKey(shard.name()))) {
                return notCovered(shard);
            }
        }
        return null;
    }

    /**
     * Opens a reader on every DB-Server that follows a captured shard, from the oldest stored shadow of its shards
     * (or its latest tick), and the shadows: stored ones restored, a snapshot-form one for a shard whose leader's
     * stream starts with a snapshot, none (to be established) for the others.
     */
    private void openReaders(ClusterTopology topology, Map<String, ClusterTopology.Shard> captured,
                             Map<String, ClusterPositions.Entry> plan,
                             Map<String, Map<String, ChangePosition>> storedShadows) {
        Map<String, Boolean> snapshotting = new TreeMap<>();
        plan.values().forEach(entry -> entry.shards().keySet().forEach(shard -> snapshotting.put(shard,
                entry.position() == null)));
        for (ClusterTopology.Shard shard : captured.values()) {
            for (String follower : shard.followers()) {
                ChangePosition stored = storedShadows.getOrDefault(follower, Map.of()).get(shard.name());
                FollowerReader reader = readers.get(follower);
                if (reader == null) {
                    reader = openReader(topology, follower, captured, oldestTail(storedShadows.get(follower)));
                    if (reader == null) {
                        continue;
                    }
                }
                Shadow shadow;
                if (stored != null && !stored.isSnapshot()) {
                    shadow = Shadow.restored(follower, shard.name(), reader.resume(shard.name(), stored.from()));
                } else if (stored != null) {
                    shadow = Shadow.snapshotForm(follower, shard.name(), stored.snapshotTick());
                } else if (snapshotting.getOrDefault(shard.name(), false)) {
                    shadow = Shadow.snapshotForm(follower, shard.name(), reader.readTick());
                } else {
                    shadow = Shadow.none(follower, shard.name());
                }
                shadows.computeIfAbsent(shard.name(), s -> new ConcurrentHashMap<>()).put(follower, shadow);
            }
        }
    }

    private static OptionalLong oldestTail(Map<String, ChangePosition> stored) {
        return stored == null ? OptionalLong.empty() : stored.values().stream().filter(p -> !p.isSnapshot())
                .mapToLong(ChangePosition::from).reduce((a, b) -> Ticks.isAfter(a, b) ? b : a);
    }

    /**
     * A reader of the captured shards on {@code serverId} from {@code from} (its latest tick when empty), started;
     * null when the server cannot be read now (no endpoint, or its latest tick unreadable): its shadows wait.
     */
    private FollowerReader openReader(ClusterTopology topology, String serverId,
                                      Map<String, ClusterTopology.Shard> captured, OptionalLong from) {
        Optional<ClusterTopology.DbServer> server = topology.dbServer(serverId);
        if (server.isEmpty() || server.get().endpoint() == null) {
            return null;
        }
        HttpArangoReplicationClient client = client(server.get());
        String key = options.streamKey() + "@" + serverId + "#followed";
        try {
            long start = from.isPresent() ? from.getAsLong() : client.walLastTick().tick();
            Map<String, String> shards = new TreeMap<>();
            captured.values().forEach(s -> shards.put(s.name(), s.collection()));
            InMemoryPositionStore memory = new InMemoryPositionStore();
            memory.save(key, ChangePosition.tail(start, 0));
            ChangeStream inner = new ChangeStream(new ClientReplicationSource(client, key),
                    options.forFollowedShards(key, shards.keySet()), memory, timer);
            FollowerReader reader = new FollowerReader(serverId, client, inner, start, loopOf(serverId));
            readers.put(serverId, reader);
            return reader;
        } catch (RuntimeException e) {
            client.close();
            LOG.debug("Change stream '{}' cannot read DB-Server {} for its shadows now: {}", options.streamKey(),
                    serverId, e.toString());
            return null;
        }
    }

    /** Opens the stream {@code streamId} over {@code entry}'s shards on its server. */
    private void open(ClusterTopology topology, String streamId, ClusterPositions.Entry entry, Shadow takenFrom) {
        ClusterTopology.DbServer server = topology.dbServer(entry.serverId()).orElseThrow(
                () -> new ChangeStreamException("DB-Server " + entry.serverId() + " leads shards "
                        + entry.shards().keySet() + " but is not in the cluster's health answer"));
        if (server.endpoint() == null) {
            throw new ChangeStreamException("DB-Server " + server.describe() + " has no endpoint in the cluster's "
                                            + "health answer; its shards cannot be read");
        }
        HttpArangoReplicationClient client = client(server);
        String key = options.streamKey() + "@" + streamId;
        ChangeStream inner;
        try {
            ChangeStreamOptions own = takenFrom == null && streamId.equals(server.id())
                    ? options.forCollections(key, entry.shards().keySet())
                    : options.forTakenOverShards(key, entry.shards().keySet());
            inner = new ChangeStream(new ClientReplicationSource(client, key), own,
                    positions.of(streamId, server.id(), server.shortName(), entry.shards()), timer);
        } catch (RuntimeException e) { // the client is not a ServerStream's yet: close it here
            client.close();
            throw e;
        }
        servers.add(new ServerStream(options.streamKey(), streamId, server.id(), server.shortName(), entry.shards(),
                client, inner, takenFrom == null ? event -> false
                        : event -> event.key() != null && event.rev() != null
                                   && takenFrom.isDeliveredAlready(event.key(), event.rev(),
                                           event.type() == ChangeType.DELETE),
                loopOf(server.id()), this::arrived));
    }

    /** The read loop of DB-Server {@code serverId}: one thread at most reads the server, for all that read it. */
    private ServerReadLoop loopOf(String serverId) {
        return loops.computeIfAbsent(serverId, id -> new ServerReadLoop(id, fetchers, timer));
    }

    private HttpArangoReplicationClient client(ClusterTopology.DbServer server) {
        ArangoClientConfiguration configuration = coordinator.configuration()
                .toBuilder(server.endpoint().toString()).jwt(null).superuserJwt(jwt)
                .authentication(ArangoClientConfiguration.Authentication.JWT).build();
        return new HttpArangoReplicationClient(configuration);
    }

    private static String takeOverId(String serverId, String shard) {
        return serverId + "/" + shard;
    }

    /** Publishes the streams by id, and by the shards they read, after they were opened or a shard was taken over. */
    private void published() {
        Map<String, ServerStream> opened = new LinkedHashMap<>();
        Map<String, ServerStream> reading = new TreeMap<>();
        servers.forEach(server -> {
            opened.put(server.id(), server);
            server.reading().keySet().forEach(shard -> reading.put(shard, server));
        });
        byId = Collections.unmodifiableMap(opened);
        byShard = Collections.unmodifiableMap(reading);
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
     * Reads the topology again when due (every topologyRefreshInterval, sooner while a DB-Server fails): a shard
     * with another leader now is taken over there from that follower's shadow, or stops the stream when it has none;
     * a captured collection's shard that no stream reads stops it; the followers' shadows follow Current. A topology
     * that cannot be read is tried again later.
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
        for (ServerStream server : List.copyOf(servers)) {
            for (String shard : server.reading().keySet()) {
                ClusterTopology.Shard current = captured.get(shard);
                if (current != null && current.leader() != null && !server.serverId().equals(current.leader())
                    && !failOver(topology, server, current)) {
                    return;
                }
            }
        }
        Map<String, ClusterTopology.Shard> uncovered = new TreeMap<>(captured);
        uncovered.keySet().removeAll(byShard.keySet());
        if (!uncovered.isEmpty()) {
            stop(notCovered(uncovered.values().iterator().next()));
            return;
        }
        followCurrent(topology, captured);
    }

    /**
     * Continues {@code shard} on its new leader from that follower's shadow: the old stream hands out nothing more of
     * it, the position moves to a new stream of the shard on the new leader in one write, and that stream drops what
     * the shadow's tracker matched as delivered. Stops the stream when the new leader has no shadow of the shard.
     *
     * @return false when the stream stopped
     */
    private boolean failOver(ClusterTopology topology, ServerStream from, ClusterTopology.Shard shard) {
        Shadow shadow = shadows.getOrDefault(shard.name(), Map.of()).get(shard.leader());
        Optional<ChangePosition> position = shadow == null ? Optional.empty() : shadow.position();
        if (position.isEmpty()) {
            stop(leaderChanged(topology, shard, from.serverId(), from.shortName()));
            return false;
        }
        String streamId = takeOverId(shard.leader(), shard.name());
        ClusterPositions.Entry entry = new ClusterPositions.Entry(shard.leader(), topology.dbServer(shard.leader())
                .map(ClusterTopology.DbServer::shortName).orElse(null), Map.of(shard.name(), shard.collection()),
                position.get());
        from.release(shard.name());
        Map<String, Shadow> dropped = shadows.remove(shard.name());
        FollowerReader newLeader = readers.get(shard.leader());
        if (newLeader != null) {
            newLeader.release(shard.name()); // its tracker is kept as it is: it tells what to drop
        }
        if (dropped != null) {
            dropped.values().stream().filter(s -> s != shadow).forEach(s -> untrack(s.follower(), shard.name()));
        }
        try {
            positions.takeOver(from.id(), shard.name(), streamId, entry);
            open(topology, streamId, entry, shadow);
        } catch (RuntimeException e) {
            stop(new ChangeStreamException("Change stream '" + options.streamKey() + "' stopped: shard '"
                    + shard.name() + "' of collection '" + shard.collection() + "' failed over to DB-Server "
                    + shard.leader() + ", but its stream there could not be opened (" + e.getMessage() + "); "
                    + "restart the route to continue from the stored position", e));
            return false;
        }
        if (from.reading().isEmpty()) { // its server leads no captured shard any more: nothing to read there
            servers.remove(from);
            from.close();
        }
        published();
        LOG.warn(takeOverMessage(topology, shard, from.serverId(), from.shortName(), position.get()));
        return true;
    }

    private String takeOverMessage(ClusterTopology topology, ClusterTopology.Shard shard, String oldId,
                                   String oldShortName, ChangePosition position) {
        String oldLeader = oldShortName == null ? oldId : oldId + " (" + oldShortName + ")";
        String newLeader = topology.dbServer(shard.leader()).map(ClusterTopology.DbServer::describe)
                .orElse(shard.leader());
        return "Change stream '" + options.streamKey() + "': the leader of shard '" + shard.name() + "' of collection '"
               + shard.collection() + "' changed from DB-Server " + oldLeader + " to " + newLeader + "; capture of the "
               + "shard continues there from its shadow position " + (position.isSnapshot()
                       ? "(its snapshot was not complete: the shard is dumped again there, then its changes after "
                         + "tick " + Ticks.format(position.snapshotTick()) + " follow)"
                       : "after tick " + Ticks.format(position.from()) + " (changes of the shard delivered from the "
                         + "old leader after it come again, unless matched by _key and _rev)");
    }

    /**
     * Keeps one shadow per in-sync follower of each captured shard (Current): a follower that left drops its shadow
     * (its resynchronisation writes are no user changes), a new one gets one, proven by {@link #proveShadows()}.
     */
    private void followCurrent(ClusterTopology topology, Map<String, ClusterTopology.Shard> captured) {
        shadowsPending = true; // a tracker may have been given up since (its follower's read failed)
        checkpointsDue = true;
        for (ClusterTopology.Shard shard : captured.values()) {
            Map<String, Shadow> byFollower = shadows.computeIfAbsent(shard.name(), s -> new ConcurrentHashMap<>());
            for (String gone : List.copyOf(byFollower.keySet())) {
                if (!shard.followers().contains(gone)) {
                    byFollower.remove(gone);
                    untrack(gone, shard.name());
                }
            }
            for (String follower : shard.followers()) {
                if (!readers.containsKey(follower) && openReader(topology, follower, captured, OptionalLong.empty())
                                                      == null) {
                    continue; // not readable now: its shadow waits for a later topology read
                }
                byFollower.computeIfAbsent(follower, f -> Shadow.none(f, shard.name()));
            }
        }
        Set<String> following = new TreeSet<>();
        captured.values().forEach(shard -> following.addAll(shard.followers()));
        for (String serverId : List.copyOf(readers.keySet())) {
            if (!following.contains(serverId)) { // it follows no captured shard now (failed, or leads them)
                readers.remove(serverId).close();
            }
        }
    }

    /**
     * Gives every shadow without a running tracker one once its shard's leader's stream tails, and proves trackers and
     * checkpoints: a proof takes the follower's read position when it begins, the leader's last tick a second later
     * ({@link Shadow#PROOF_DELAY}), and completes once the leader's stream delivered up to that tick (a new tracker counts from then
     * on; a checkpoint lets the shadow move past follower changes its tracker could not match). At every topology read
     * a proven shadow begins a checkpoint. Writes the position again when a proof completed. Runs at every poll while a
     * shadow waits for one of these (a restart soon after the snapshot finds proven shadows stored).
     */
    private void proveShadows() {
        if (!shadowsPending) {
            return;
        }
        Map<ServerStream, Optional<Long>> leaderTicks = new LinkedHashMap<>();
        boolean moved = false;
        boolean waiting = false;
        for (Map.Entry<String, Map<String, Shadow>> shard : shadows.entrySet()) {
            ServerStream leader = byShard.get(shard.getKey());
            OptionalLong delivered = leader == null ? OptionalLong.empty() : leader.deliveredUpTo();
            for (Shadow shadow : shard.getValue().values()) {
                FollowerReader reader = readers.get(shadow.follower());
                if (leader != null && shadow.needsLeaderTick()) {
                    leaderTicks.computeIfAbsent(leader, ClusterChangeStream::lastTickOf)
                            .ifPresent(shadow::leaderTickRead);
                }
                if (!shadow.isTracking() && delivered.isPresent() && reader != null) {
                    shadow.track(reader.track(shadow.shard()));
                } else if (checkpointsDue && reader != null) {
                    shadow.checkpoint(reader.readTick());
                }
                moved |= delivered.isPresent() && shadow.leaderDeliveredUpTo(delivered.getAsLong());
                waiting |= !shadow.isProven() || shadow.isProving();
            }
        }
        shadowsPending = waiting;
        checkpointsDue = false;
        if (moved) {
            try {
                positions.saveShadows(); // a restart after a fail-over goes on from the latest shadow, not a dump
            } catch (RuntimeException e) { // the next commit writes them, or reports the store's failure
                LOG.debug("Change stream '{}' could not write its shadows yet: {}", options.streamKey(), e.toString());
            }
        }
    }

    private static Optional<Long> lastTickOf(ServerStream server) {
        try {
            return Optional.of(server.lastTick());
        } catch (RuntimeException e) { // unreachable now: the next topology read tries again
            return Optional.empty();
        }
    }

    private void untrack(String follower, String shard) {
        FollowerReader reader = readers.get(follower);
        if (reader != null) {
            reader.untrack(shard);
        }
    }

    /** The shadows' positions now, by follower and shard: what every save writes with the streams' positions. */
    private Map<String, Map<String, ChangePosition>> shadowPositions() {
        Map<String, Map<String, ChangePosition>> now = new TreeMap<>();
        shadows.values().forEach(byFollower -> byFollower.values().forEach(shadow -> shadow.position().ifPresent(
                p -> now.computeIfAbsent(shadow.follower(), f -> new TreeMap<>()).put(shadow.shard(), p))));
        return now;
    }

    /**
     * Stops for good: no server is read any more, so nothing after this is delivered and no server saves a position
     * of its own; the events handed out before stay acknowledgeable.
     */
    private void stop(ChangeStreamException why) {
        stopped = why;
        servers.forEach(ServerStream::stopReading);
        readers.values().forEach(FollowerReader::close);
        readers.clear();
        shadows.clear();
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
        delivered(release(event)).forEach((server, last) -> server.acknowledge(last, true));
    }

    /**
     * Records, as {@link #commit} does, that {@code event} and every event handed out before it, of any server, were
     * delivered; {@link #saveDelivered()} saves their positions.
     */
    @Override
    public void acknowledge(ChangeEvent event) {
        delivered(release(event)).forEach((server, last) -> server.acknowledge(last, false));
    }

    /**
     * Takes {@code event} and those handed out before it off the awaited ones, in hand-out order; none when
     * {@code event} awaits nothing (acknowledged already, or handed out before a rewind).
     */
    private List<Taken> release(ChangeEvent event) {
        Objects.requireNonNull(event, "event");
        List<Taken> released = new ArrayList<>();
        synchronized (awaited) {
            if (awaited.stream().noneMatch(t -> t.event() == event)) {
                LOG.debug("Change stream '{}' ignores the commit of {}: it awaits no commit", options.streamKey(),
                        event);
                return released;
            }
            Taken next;
            do {
                next = awaited.poll();
                released.add(next);
            } while (next.event() != event);
        }
        return released;
    }

    /**
     * Tells the shadows of their shards that these changes were delivered (the followers' copies of them need not
     * come again after a fail-over); returns the last of each stream.
     */
    private Map<ServerStream, ChangeEvent> delivered(List<Taken> released) {
        Map<ServerStream, ChangeEvent> last = new LinkedHashMap<>();
        for (Taken taken : released) {
            ChangeEvent event = taken.event();
            last.put(taken.stream(), event);
            if (!event.snapshot() && event.key() != null && event.rev() != null && event.origin() != null
                && event.origin().shard() != null) {
                Map<String, Shadow> byFollower = shadows.get(event.origin().shard());
                if (byFollower != null) {
                    boolean removal = event.type() == ChangeType.DELETE;
                    byFollower.values().forEach(shadow -> shadow.leaderCommitted(event.key(), event.rev(), removal));
                }
            }
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

    /**
     * Each DB-Server's live figures (ticks, lag, phase), by server id (a server's streams together: the shards it led
     * at the start and those taken over since); empty before the first poll.
     */
    public Map<String, ChangeStreamMetrics> serverMetrics() {
        Map<String, List<ChangeStreamMetrics>> parts = new LinkedHashMap<>();
        byId.values().forEach(server -> parts.computeIfAbsent(server.serverId(), id -> new ArrayList<>())
                .add(server.inner().metrics()));
        Map<String, ChangeStreamMetrics> figures = new LinkedHashMap<>();
        parts.forEach((id, list) -> {
            if (list.size() == 1) {
                figures.put(id, list.get(0));
            } else {
                ChangeStreamMetrics sum = new ChangeStreamMetrics();
                sum.setToSumOf(list);
                figures.put(id, sum);
            }
        });
        return figures;
    }

    /** The shards the stream reads now, by server id: shard name to collection name. */
    public Map<String, Map<String, String>> shardsByServer() {
        Map<String, Map<String, String>> shards = new LinkedHashMap<>();
        byId.values().forEach(server -> shards.computeIfAbsent(server.serverId(), id -> new TreeMap<>())
                .putAll(server.reading()));
        return shards;
    }

    /** The DB-Servers whose reads fail, with since when; empty while every one answers. */
    public Map<String, Instant> unreachableSince() {
        Map<String, Instant> failing = new LinkedHashMap<>();
        byId.values().forEach(server -> server.unreachableSince().ifPresent(since -> failing.merge(server.serverId(),
                since, (a, b) -> a.isBefore(b) ? a : b)));
        return failing;
    }

    /**
     * The shadow positions kept now, by follower id and shard: where capture of the shard continues if that follower
     * becomes its leader.
     */
    public Map<String, Map<String, ChangePosition>> shadowsByFollower() {
        return shadowPositions();
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
            readers.values().forEach(FollowerReader::close);
            readers.clear();
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
