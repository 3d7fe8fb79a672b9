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
package io.github.camelarango.replication.emulator.replication;

import io.github.camelarango.replication.emulator.EmulatorClock;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.Server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-global batch registry (§3.7): ids unique across databases, sliding TTL (default 7200 s) measured on
 * the emulator clock, expired batches treated as unknown. A batch leased by a running request keeps its snapshot
 * readable until the lease is released, even if the batch is deleted or expires meanwhile. The lease is taken
 * together with the lookup ({@link #lease(long)}), under the same lock as every removal, so no removal's garbage
 * collection can free versions between finding a batch and protecting its snapshot.
 */
public final class Batches {

    public static final double DEFAULT_TTL = 7200;

    private final Server server;
    private final EmulatorClock clock;
    private final Map<Long, Batch> batches = new ConcurrentHashMap<>();
    private final Map<Long, Long> leases = new ConcurrentHashMap<>();
    private final AtomicLong leaseIds = new AtomicLong();
    /** Guards removals from {@link #batches} against lookup-and-lease; never held while collecting garbage. */
    private final Object registry = new Object();

    /** A looked-up batch whose snapshot stays readable until {@link #release(Lease)}. */
    public record Lease(Batch batch, long id) {
    }

    public Batches(Server server, EmulatorClock clock) {
        this.server = server;
        this.clock = clock;
        server.oldestSnapshot(this::oldestSnapshot);
    }

    /** Creates a batch at the current tick. */
    public Batch create(Database database, double ttl) {
        double effective = ttl > 0 ? ttl : DEFAULT_TTL;
        server.writeLock().lock();
        try {
            long snapshot = server.lastTick();
            Batch batch = new Batch(server.nextId(), snapshot, effective, database, expiry(effective));
            batches.put(batch.id(), batch);
            return batch;
        } finally {
            server.writeLock().unlock();
        }
    }

    /** The live batch with this id, renewed (sliding TTL: now + max(creation ttl, requestTtl)); null if unknown or expired. */
    public Batch lookup(long id, double requestTtl) {
        Batch batch;
        boolean removed;
        synchronized (registry) {
            batch = batches.get(id);
            if (batch == null) {
                return null;
            }
            if (isLive(batch)) {
                batch.expires(expiry(Math.max(batch.ttlSeconds(), requestTtl)));
                return batch;
            }
            removed = batches.remove(id) != null;
        }
        if (removed) {
            server.collectGarbage();
        }
        return null;
    }

    /**
     * Looks the batch up (renewing it like {@link #lookup}) and leases its snapshot in one step; null if unknown or
     * expired. Release the lease when the snapshot has been read.
     */
    public Lease lease(long id) {
        synchronized (registry) {
            Batch batch = lookup(id, 0);
            if (batch == null) {
                return null;
            }
            long lease = leaseIds.incrementAndGet();
            leases.put(lease, batch.snapshotTick());
            return new Lease(batch, lease);
        }
    }

    public void release(Lease lease) {
        if (leases.remove(lease.id()) != null) {
            server.collectGarbage();
        }
    }

    public boolean delete(long id) {
        boolean removed;
        synchronized (registry) {
            removed = lookup(id, 0) != null && batches.remove(id) != null;
        }
        if (removed) {
            server.collectGarbage();
        }
        return removed;
    }

    /** Test control: how many batches are live (created, neither deleted nor expired). */
    public int liveCount() {
        return (int) batches.values().stream().filter(this::isLive).count();
    }

    /** Test control: every batch expires now. */
    public void expireAll() {
        synchronized (registry) {
            batches.clear();
        }
        server.collectGarbage();
    }

    /**
     * The oldest snapshot tick a live batch or a running request still reads (unsigned), -1 if none: what a
     * server-like WAL purge must keep (§3.7: while a batch lives, the server keeps the WAL after its snapshot).
     */
    public long oldestLiveSnapshot() {
        long oldest = -1L;
        for (Batch b : batches.values()) {
            if (isLive(b) && Long.compareUnsigned(b.snapshotTick(), oldest) < 0) {
                oldest = b.snapshotTick();
            }
        }
        for (long tick : leases.values()) {
            if (Long.compareUnsigned(tick, oldest) < 0) {
                oldest = tick;
            }
        }
        return oldest;
    }

    /** Not expired, and its database not dropped (dropping a database drops the contexts bound to it, §3.7). */
    private boolean isLive(Batch batch) {
        return batch.expires().isAfter(clock.now()) && !batch.database().isDropped();
    }

    private Instant expiry(double ttlSeconds) {
        return clock.now().plus(Duration.ofMillis((long) (ttlSeconds * 1000)));
    }

    /** Oldest snapshot tick still needed (unsigned), -1 if none. */
    long oldestSnapshot() {
        long oldest = -1L;
        for (Batch b : batches.values()) {
            if (!b.database().isDropped() && Long.compareUnsigned(b.snapshotTick(), oldest) < 0) {
                oldest = b.snapshotTick();
            }
        }
        for (long tick : leases.values()) {
            if (Long.compareUnsigned(tick, oldest) < 0) {
                oldest = tick;
            }
        }
        return oldest;
    }
}
