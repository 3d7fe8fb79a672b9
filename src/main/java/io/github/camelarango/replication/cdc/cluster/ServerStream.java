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

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.ShardOrigin;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DB-Server's part of a {@link ClusterChangeStream}: its {@link ChangeStream} over the shards the server leads,
 * polled ahead of the caller in the turns the server's {@link ServerReadLoop} gives it, which put the events, named
 * by their collection and origin, in a small buffer. The caller takes them in the server's order; its
 * acknowledgements go to the inner stream with the events it handed out (which it knows by identity).
 * <p>
 * A failed poll of the inner stream (the server unreachable, a server error) makes the inner stream start again from
 * its committed position; the buffer and the events awaiting acknowledgement are dropped with it (they come again),
 * the failure is reported once to the caller and the stream reads again after a growing pause. A halt of the inner
 * stream (a lost position, an unknown marker under FAIL…) stops its reads until {@link #rewind()}.
 */
final class ServerStream implements ServerReadLoop.Reader, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerStream.class);

    /** An event as the caller gets it, with the inner stream's own event, which acknowledges it there. */
    private record Handed(ChangeEvent event, ChangeEvent inner) {
    }

    private final String streamKey;
    private final String id;
    private final String serverId;
    private final String shortName;
    private final Map<String, String> collections;
    private final ArangoReplicationClient client;
    private final ChangeStream inner;
    private final Runnable signal;
    private final ServerReadLoop loop;
    private final Predicate<ChangeEvent> deliveredAlready;
    private final Object lock = new Object();
    /** Shards whose leader is another server now: nothing more of them is handed out from here. */
    private final Set<String> released = new HashSet<>();
    /** Events the pump read and the caller did not take yet. */
    private final Deque<Handed> buffer = new ArrayDeque<>();
    /** Events the caller took and did not acknowledge yet, in the inner stream's order. */
    private final Deque<Handed> awaited = new ArrayDeque<>();
    /**
     * The inner stream's last event not handed out (its shard released, or delivered before a fail-over), read after
     * every event buffered or awaited: acknowledged in place of the last of them, so it does not hold the position back.
     */
    private ChangeEvent skippedLast;
    /** Counts the forgettings of the buffer: a poll that began before one hands its events to no one. */
    private long generation;
    private int wanted = 1;
    private RuntimeException unreported;
    private Instant unreachableSince;
    private final RetryPause retry = new RetryPause();
    private ChangeStreamException halt;
    /** Whether the inner stream handed out everything of a snapshot-only run: its reads ended. */
    private boolean finished;
    /** False once the cluster stream stopped: nothing more is read (so nothing more is saved). */
    private boolean reading = true;
    private volatile boolean closed;

    /**
     * @param streamKey        the cluster stream's key, for its messages
     * @param id               this stream's id in the cluster's position: the server's id, or for a shard taken over
     *                         after a fail-over {@code <serverId>/<shard>}
     * @param collections      shard name to collection name, of the shards the server leads and the inner stream reads
     * @param client           the client to the server, closed with this stream
     * @param deliveredAlready the events read that are not handed out, as delivered already (after a fail-over)
     * @param loop             the server's read loop, which gives this stream its turns to read
     * @param signal           told when events or a failure arrived
     */
    ServerStream(String streamKey, String id, String serverId, String shortName, Map<String, String> collections,
                 ArangoReplicationClient client, ChangeStream inner, Predicate<ChangeEvent> deliveredAlready,
                 ServerReadLoop loop, Runnable signal) {
        this.streamKey = streamKey;
        this.id = id;
        this.deliveredAlready = deliveredAlready;
        this.serverId = serverId;
        this.shortName = shortName;
        this.collections = Map.copyOf(collections);
        this.client = client;
        this.inner = inner;
        this.loop = loop;
        this.signal = signal;
    }

    /** This stream's id in the cluster's position. */
    String id() {
        return id;
    }

    String serverId() {
        return serverId;
    }

    String shortName() {
        return shortName;
    }

    /** Shard name to collection name of the shards this server's stream reads. */
    Map<String, String> collections() {
        return collections;
    }

    /** Shard name to collection name of the shards this stream still hands out (not released to another leader). */
    Map<String, String> reading() {
        synchronized (lock) {
            Map<String, String> reading = new TreeMap<>(collections);
            reading.keySet().removeAll(released);
            return reading;
        }
    }

    /**
     * Hands out nothing more of {@code shard} (its leader is another server now): its buffered events are dropped,
     * its later ones not buffered; those taken already can still be acknowledged.
     */
    void release(String shard) {
        synchronized (lock) {
            released.add(shard);
            buffer.removeIf(h -> shard.equals(h.event().origin().shard()));
        }
    }

    ChangeStream inner() {
        return inner;
    }

    /** The server's latest tick, read now. */
    long lastTick() {
        return client.walLastTick().tick();
    }

    /**
     * The tick up to which the stream delivered every change it reads, as its saved position says; empty while it has
     * saved none or is in its snapshot.
     */
    OptionalLong deliveredUpTo() {
        return inner.committedPosition().filter(p -> !p.isSnapshot()).map(p -> OptionalLong.of(p.from()))
                .orElse(OptionalLong.empty());
    }

    /**
     * Asks the server's read loop for a turn to read up to {@code batch} events ahead, unless the stream halted,
     * finished or closed (or pauses after a failed read).
     */
    void readAhead(int batch) {
        synchronized (lock) {
            wanted = Math.max(1, batch);
            if (closed || !reading || halt != null || finished) {
                return;
            }
        }
        loop.wake(this);
    }

    /**
     * Moves up to {@code max} buffered events to {@code out}, in order; they await acknowledgement from then on.
     *
     * @return how many
     */
    int take(List<ChangeEvent> out, int max) {
        int taken = 0;
        synchronized (lock) {
            while (taken < max && !buffer.isEmpty()) {
                Handed next = buffer.poll();
                awaited.add(next);
                out.add(next.event());
                taken++;
            }
            if (taken == 0) {
                return 0;
            }
        }
        try {
            loop.wake(this); // the buffer has room: the stream reads on
        } catch (RejectedExecutionException e) {
            // what was taken is handed out all the same; the next readAhead, before anything is taken, reports it
            LOG.debug("The stream of DB-Server {} cannot read on now: {}", serverId, e.toString());
        }
        return taken;
    }

    boolean hasBuffered() {
        synchronized (lock) {
            return !buffer.isEmpty();
        }
    }

    /** The halt of the inner stream once every event before it was taken; empty otherwise. */
    Optional<ChangeStreamException> halted() {
        synchronized (lock) {
            return buffer.isEmpty() ? Optional.ofNullable(halt) : Optional.empty();
        }
    }

    /** The failure of a poll since the last call, reported once. */
    Optional<RuntimeException> unreportedFailure() {
        synchronized (lock) {
            RuntimeException failure = unreported;
            unreported = null;
            return Optional.ofNullable(failure);
        }
    }

    /** Since when the server's polls fail; empty while they succeed. */
    Optional<Instant> unreachableSince() {
        synchronized (lock) {
            return Optional.ofNullable(unreachableSince);
        }
    }

    /** Acknowledges {@code event} (taken from this stream) and those before it at the inner stream. */
    void acknowledge(ChangeEvent event, boolean save) {
        ChangeEvent own = release(event);
        if (own == null || closed) {
            return; // forgotten by a rewind or a failed poll: it comes again; or every shard went to another leader
        }
        if (save) {
            inner.commit(own);
        } else {
            inner.acknowledge(own);
        }
    }

    private ChangeEvent release(ChangeEvent event) {
        synchronized (lock) {
            if (awaited.stream().noneMatch(h -> h.event() == event)) {
                return null;
            }
            Handed released;
            do {
                released = awaited.poll();
            } while (released.event() != event);
            ChangeEvent own = released.inner();
            if (awaited.isEmpty() && buffer.isEmpty() && skippedLast != null) {
                own = skippedLast; // read after it, not handed out: its acknowledgement covers this one
                skippedLast = null;
            }
            return own;
        }
    }

    /** Whether the inner stream handed out everything of a snapshot-only run and the caller took it. */
    boolean isFinished() {
        synchronized (lock) {
            return finished && buffer.isEmpty();
        }
    }

    /** Forgets what the caller has not acknowledged and what is buffered: the inner stream hands it out again. */
    void rewind() {
        synchronized (lock) {
            forget();
            halt = null;
            finished = false;
        }
        inner.rewind();
        synchronized (lock) {
            generation++; // a read that began between the forgetting and the inner rewind hands its events to no one
        }
    }

    /** Due heartbeat of the inner stream, when nothing of it is buffered or awaited. */
    Optional<ChangePosition> heartbeat() {
        synchronized (lock) {
            if (!buffer.isEmpty() || !awaited.isEmpty()) {
                return Optional.empty();
            }
        }
        return inner.heartbeat();
    }

    private void forget() {
        buffer.clear();
        awaited.clear();
        skippedLast = null;
        generation++;
    }

    /** One read of the inner stream into the buffer, in the server's read loop. */
    @Override
    public long readOnce() {
        long started;
        int batch;
        synchronized (lock) {
            if (closed || !reading) {
                return ServerReadLoop.DONE; // stopped for good: out of the loop, also when woken after its removal
            }
            if (halt != null || finished || buffer.size() >= wanted) {
                return ServerReadLoop.WAIT; // taking, a rewind or readAhead wakes it
            }
            started = generation;
            batch = wanted;
        }
        List<ChangeEvent> events;
        try {
            events = inner.poll(batch);
        } catch (ChangeStreamException e) {
            if (inner.failure().isPresent()) {
                halt(e);
                return ServerReadLoop.WAIT;
            }
            return failed(e);
        } catch (IllegalStateException e) {
            return closed ? ServerReadLoop.DONE : failed(e);
        } catch (RuntimeException e) {
            return failed(e);
        } catch (Error e) { // the inner stream may have read past what it handed out: it reads again, as after a failure
            return failed(new ChangeStreamException("Reading DB-Server " + serverId + " failed: " + e, e));
        }
        retry.reset();
        if (events.isEmpty() && inner.isFinished()) {
            synchronized (lock) {
                finished = true; // a snapshot-only stream handed out everything
            }
            signal.run();
            return ServerReadLoop.WAIT;
        }
        int drop = shardDropAt(events);
        boolean stale;
        ChangeEvent skippedIdle = null;
        synchronized (lock) {
            unreachableSince = null;
            stale = generation != started;
            if (!stale) {
                for (ChangeEvent event : events.subList(0, drop)) {
                    ChangeEvent named = named(event);
                    if (!released.contains(named.origin().shard()) && !deliveredAlready.test(named)) {
                        buffer.add(new Handed(named, event));
                        skippedLast = null;
                    } else if (buffer.isEmpty() && awaited.isEmpty()) {
                        skippedIdle = event; // nothing before it awaits delivery: its position may be saved
                        skippedLast = null;
                    } else {
                        skippedLast = event; // acknowledged with the last event before it
                    }
                }
            }
        }
        if (skippedIdle != null) {
            // a change not handed out (its shard went to another leader, or it was delivered before a fail-over)
            // must not hold this stream's position back for ever
            inner.acknowledge(skippedIdle);
        }
        if (stale) {
            inner.rewind(); // handed out by the inner stream, but forgotten here: it must hand them out again
        } else if (drop < events.size()) {
            halt(shardDropped(events.get(drop)));
            return ServerReadLoop.WAIT;
        } else if (!events.isEmpty()) {
            signal.run();
        }
        return ServerReadLoop.AGAIN;
    }

    /**
     * Where a shard this server reads was dropped in its WAL (the shard moved to another server, or its collection was
     * dropped); the count of events when none was.
     */
    private int shardDropAt(List<ChangeEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            ChangeEvent event = events.get(i);
            if (event.type() == ChangeType.COLLECTION_DROP && collections.containsKey(event.collection())
                && !isReleased(event.collection())) {
                return i;
            }
        }
        return events.size();
    }

    private boolean isReleased(String shard) {
        synchronized (lock) {
            return released.contains(shard);
        }
    }

    /**
     * A shard dropped on the server that the stream reads it from: its later writes (if it moved, and even if it
     * moved back) are in another WAL, so nothing of it can be delivered from here, and the drop is not its
     * collection's.
     */
    private ChangeStreamException shardDropped(ChangeEvent drop) {
        String shard = drop.collection();
        return new ChangeStreamException("Change stream '" + streamKey + "' stopped: shard '" + shard
                + "' of collection '" + collections.get(shard) + "' was dropped on DB-Server " + serverId
                + (shortName == null ? "" : " (" + shortName + ")") + ", which the stream reads it from (the shard "
                + "moved to another DB-Server, or its collection was dropped); the shard's later changes are not in "
                + "this server's write-ahead log. To recover, take a new snapshot: delete the position stored under "
                + "key '" + streamKey + "' (or use a new offsetKey) and start the stream again.");
    }

    private void halt(ChangeStreamException e) {
        synchronized (lock) {
            halt = e;
        }
        LOG.debug("The stream of DB-Server {} stopped: {}", serverId, e.getMessage());
        signal.run();
    }

    /**
     * A failed read: the inner stream starts again from its committed position; so does this stream, after a pause
     * that grows with each failure in a row.
     *
     * @return the pause, in milliseconds
     */
    private long failed(RuntimeException e) {
        long retryMillis = retry.next();
        synchronized (lock) {
            forget();
            unreported = e;
            if (unreachableSince == null) {
                unreachableSince = Instant.now();
            }
        }
        LOG.debug("Reading DB-Server {} failed; retrying in {} ms: {}", serverId, retryMillis, e.toString());
        signal.run();
        inner.rewind(); // after an Error too: the inner stream may have read past what it handed out
        return retryMillis;
    }

    /**
     * The inner stream's event as the cluster names it: its collection (also in its document's {@code _id}), and where
     * it came from.
     */
    private ChangeEvent named(ChangeEvent event) {
        String shard = event.collection() != null && collections.containsKey(event.collection())
                ? event.collection() : null;
        return ClusterDocumentIds.namingCollection(event.withOrigin(
                shard == null ? event.collection() : collections.get(shard), new ShardOrigin(shard, serverId, shortName)));
    }

    /**
     * Stops reading for good and waits for a read under way: after it, the inner stream saves no position of its own
     * (an idle one) any more; the caller's acknowledgements still save theirs.
     */
    void stopReading() {
        synchronized (lock) {
            reading = false;
            buffer.clear();
        }
        loop.remove(this);
    }

    /** Stops reading and the inner stream (which ends a poll under way), then closes the client. */
    @Override
    public void close() {
        closed = true;
        inner.close();
        loop.remove(this);
        client.close();
    }
}
