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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.Ticks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the write-ahead log of one DB-Server for the shards it <em>follows</em> and reports each of their changes to
 * the shard's {@link ShadowTracker}, so that capture can continue on that server if it becomes a shard's leader
 * (docs/cluster-capture.md, "Shadow positions"). Nothing it reads is delivered: its inner stream tails only (no snapshot),
 * keeps its position in memory and commits each event at once.
 * <p>
 * A shard is reported only while it has a tracker, and only its events after the tracker's start: a tracker started
 * at the reader's read position sees every later event of its shard. A failed read gives up every tracker (the server
 * may be down, then out of sync) and starts the inner stream again from its read position after a pause; a halt of the
 * inner stream (its position lost) gives them up for good: no shadow on this server can be proven any more. It reads
 * in the turns the server's {@link ServerReadLoop} gives it, beside the server's streams.
 */
final class FollowerReader implements ServerReadLoop.Reader, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FollowerReader.class);
    private static final int BATCH = 1024;

    /** A tracker, the tick it starts after and the last tick reported to it. */
    private static final class Tracked {
        private final ShadowTracker tracker;
        private final long from;
        private long reported;

        private Tracked(ShadowTracker tracker, long from) {
            this.tracker = tracker;
            this.from = from;
            this.reported = from;
        }
    }

    private final String serverId;
    private final ArangoReplicationClient client;
    private final ChangeStream inner;
    private final ServerReadLoop loop;
    private final Object lock = new Object();
    private final Map<String, Tracked> tracked = new HashMap<>();
    /** Every change of the followed shards up to this tick was read (the inner stream's saved position). */
    private long readTick;
    private final RetryPause retry = new RetryPause();
    private volatile boolean closed;

    /**
     * @param client the client to the server, closed with this reader
     * @param inner  a tail-only stream over the shards the server may follow, from {@code from}
     * @param from   the tick the inner stream starts after
     * @param loop   the server's read loop, which gives this reader its turns
     */
    FollowerReader(String serverId, ArangoReplicationClient client, ChangeStream inner, long from,
                   ServerReadLoop loop) {
        this.serverId = serverId;
        this.client = client;
        this.inner = inner;
        this.loop = loop;
        this.readTick = from;
    }

    String serverId() {
        return serverId;
    }

    /** The tick up to which every change of the followed shards was read. */
    long readTick() {
        synchronized (lock) {
            return readTick;
        }
    }

    /**
     * A new tracker of {@code shard} from the reader's read position: every change of the shard the server logged at
     * or before it was read already.
     */
    ShadowTracker track(String shard) {
        synchronized (lock) {
            ShadowTracker tracker = new ShadowTracker(readTick);
            if (inner.failure().isPresent()) {
                tracker.invalidate(); // the reader stopped for good: nothing proves this shadow
                return tracker;
            }
            replace(shard, new Tracked(tracker, readTick));
            return tracker;
        }
    }

    /**
     * A tracker of {@code shard} from a stored shadow tick, at or after the tick the reader started from.
     *
     * @throws IllegalArgumentException when the reader started after {@code from}: it would miss changes
     */
    ShadowTracker resume(String shard, long from) {
        synchronized (lock) {
            if (Ticks.isAfter(readTick, from)) {
                throw new IllegalArgumentException("Follower reader of " + serverId + " is at tick "
                        + Ticks.format(readTick) + ", after the shadow tick " + Ticks.format(from) + " of " + shard);
            }
            ShadowTracker tracker = new ShadowTracker(from);
            replace(shard, new Tracked(tracker, from));
            return tracker;
        }
    }

    /** Stops tracking {@code shard} (its tracker is invalidated). */
    void untrack(String shard) {
        synchronized (lock) {
            replace(shard, null);
        }
    }

    /**
     * Stops reporting {@code shard} to its tracker, which stays valid as it is (the server leads the shard now; its
     * tracker tells what was delivered already).
     */
    void release(String shard) {
        synchronized (lock) {
            tracked.remove(shard);
        }
    }

    private void replace(String shard, Tracked next) {
        Tracked before = next == null ? tracked.remove(shard) : tracked.put(shard, next);
        if (before != null) {
            before.tracker.invalidate();
        }
    }

    /** Gives the reader its turns in the server's read loop from now on, unless it was closed or halted. */
    void start() {
        if (!closed && inner.failure().isEmpty()) {
            loop.wake(this);
        }
    }

    /** One read of the followed shards, reported to their trackers, in the server's read loop. */
    @Override
    public long readOnce() {
        if (closed) {
            return ServerReadLoop.DONE;
        }
        List<ChangeEvent> events;
        try {
            events = inner.poll(BATCH);
            if (!events.isEmpty()) {
                inner.commit(events.get(events.size() - 1));
            }
        } catch (ChangeStreamException e) {
            if (inner.failure().isPresent()) {
                halted(e);
                return ServerReadLoop.DONE;
            }
            return failed(e);
        } catch (RuntimeException e) {
            return closed ? ServerReadLoop.DONE : failed(e);
        } catch (Error e) { // the inner stream may have read past what it reported: as after a failure
            return closed ? ServerReadLoop.DONE
                    : failed(new ChangeStreamException("Reading DB-Server " + serverId + " failed: " + e, e));
        }
        retry.reset();
        report(events);
        return ServerReadLoop.AGAIN;
    }

    /** Reports the events of tracked shards, then the read position, to their trackers. */
    private void report(List<ChangeEvent> events) {
        long read = inner.committedPosition().map(p -> p.from()).orElse(0L);
        long lastTick = inner.metrics().serverLastTick();
        synchronized (lock) {
            for (ChangeEvent event : events) {
                Tracked shard = tracked.get(event.collection());
                if (shard == null) {
                    continue;
                }
                if (event.type() == ChangeType.COLLECTION_DROP) {
                    replace(event.collection(), null); // the copy is gone: nothing to continue from
                } else if (event.key() != null && event.rev() != null && !Ticks.isAfter(event.tick(), shard.from)) {
                    continue; // before the tracker's start: covered by what the leader delivered
                } else if (event.key() != null && event.rev() != null) {
                    try {
                        shard.tracker.followerEvent(event.tick(), event.key(), event.rev(),
                                event.type() == ChangeType.DELETE);
                        shard.reported = event.tick();
                    } catch (IllegalArgumentException e) {
                        // events out of tick order (a transaction committed after a later lone write): the shadow
                        // cannot be placed before each unmatched event any more
                        LOG.warn("The shadow of shard '{}' on DB-Server {} is given up (a fail-over to it stops the "
                                 + "stream): {}", event.collection(), serverId, e.getMessage());
                        replace(event.collection(), null);
                    }
                }
            }
            if (Ticks.isAfter(read, readTick)) {
                readTick = read;
            }
            for (Tracked shard : tracked.values()) {
                if (!Ticks.isAfter(shard.reported, readTick)) {
                    shard.tracker.followerRead(readTick, lastTick);
                    shard.reported = readTick;
                }
            }
        }
    }

    private void halted(ChangeStreamException e) {
        LOG.warn("The reader of the shards DB-Server {} follows stopped; no shadow on it is kept, so a fail-over to "
                 + "it stops the change stream: {}", serverId, e.getMessage());
        synchronized (lock) {
            tracked.values().forEach(t -> t.tracker.invalidate());
            tracked.clear();
        }
    }

    /**
     * A failed read: the server may be down, and a follower that is down misses writes and resynchronises when it
     * comes back (writes that are no user changes), so every tracker of it is given up; new ones are established once
     * it is in sync again.
     */
    private long failed(RuntimeException e) {
        long retryMillis = retry.next();
        LOG.debug("Reading the followed shards of DB-Server {} failed; its shadows are given up; retrying in {} ms: "
                  + "{}", serverId, retryMillis, e.toString());
        synchronized (lock) {
            tracked.values().forEach(t -> t.tracker.invalidate());
            tracked.clear();
        }
        inner.rewind(); // from the saved read position
        return retryMillis;
    }

    /** Stops the reader and its inner stream (which ends a read under way), then closes the client. */
    @Override
    public void close() {
        closed = true;
        inner.close();
        loop.remove(this);
        synchronized (lock) {
            tracked.values().forEach(t -> t.tracker.invalidate());
            tracked.clear();
        }
        client.close();
    }
}
