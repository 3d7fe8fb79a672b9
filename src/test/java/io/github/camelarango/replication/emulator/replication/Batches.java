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
 * the emulator clock, expired batches treated as unknown. A batch leased by a running dump keeps its snapshot
 * readable until the response is written, even if it is deleted meanwhile.
 */
public final class Batches {

    public static final double DEFAULT_TTL = 7200;

    private final Server server;
    private final EmulatorClock clock;
    private final Map<Long, Batch> batches = new ConcurrentHashMap<>();
    private final Map<Long, Long> leases = new ConcurrentHashMap<>();
    private final AtomicLong leaseIds = new AtomicLong();

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
        Batch batch = batches.get(id);
        if (batch == null) {
            return null;
        }
        Instant now = clock.now();
        if (!batch.expires().isAfter(now) || batch.database().isDropped()) {
            // expired, or its database was dropped (which drops the contexts bound to it, §3.7)
            remove(id);
            return null;
        }
        batch.expires(expiry(Math.max(batch.ttlSeconds(), requestTtl)));
        return batch;
    }

    public boolean delete(long id) {
        return lookup(id, 0) != null && remove(id);
    }

    /** Test control: every batch expires now. */
    public void expireAll() {
        batches.clear();
        server.collectGarbage();
    }

    /** Keeps the batch's snapshot readable until the returned lease is released. */
    public long lease(Batch batch) {
        long lease = leaseIds.incrementAndGet();
        leases.put(lease, batch.snapshotTick());
        return lease;
    }

    public void release(long lease) {
        leases.remove(lease);
        server.collectGarbage();
    }

    private boolean remove(long id) {
        boolean removed = batches.remove(id) != null;
        if (removed) {
            server.collectGarbage();
        }
        return removed;
    }

    private Instant expiry(double ttlSeconds) {
        return clock.now().plus(Duration.ofMillis((long) (ttlSeconds * 1000)));
    }

    /** Oldest snapshot tick still needed (unsigned), -1 if none. */
    long oldestSnapshot() {
        long oldest = -1L;
        for (Batch b : batches.values()) {
            if (Long.compareUnsigned(b.snapshotTick(), oldest) < 0) {
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
