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
package io.github.camelarango.replication.emulator.selftest;

import io.github.camelarango.replication.emulator.EmulatorClock;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.DocumentVersion;
import io.github.camelarango.replication.emulator.model.Server;
import io.github.camelarango.replication.emulator.model.WriteSet;
import io.github.camelarango.replication.emulator.replication.Batch;
import io.github.camelarango.replication.emulator.replication.Batches;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch leases (§3.7 "a context in use by a running request is not removed until the request ends"): the lease is
 * taken together with the lookup, so a DELETE or expiry racing with a dump cannot free the versions its snapshot
 * still needs.
 */
class BatchLeaseTest {

    private final Server server = new Server(1);
    private final Batches batches = new Batches(server, new EmulatorClock());
    private final Database db = server.database("_system");
    private final Collection c = server.createCollection(db, Json.object().put("name", "leased"));

    private void write(int value) {
        server.writeLock().lock();
        try {
            WriteSet writes = new WriteSet();
            writes.put(c, server.versions().newVersion(c, "k", Map.<String, Object>of("v", value)), c.store().current("k"));
            server.commit(db, writes, false);
        } finally {
            server.writeLock().unlock();
        }
    }

    /** How many versions of the one document the snapshot can still read (1 while it is protected). */
    private int readable(long snapshot) {
        int count = 0;
        for (int slot = 0; slot < c.store().slotCount(); slot++) {
            DocumentVersion v = c.store().slot(slot);
            if (v != null && v.visibleAt(snapshot)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aLeaseKeepsTheSnapshotReadableAcrossDeleteUntilReleased() {
        write(1);
        Batch batch = batches.create(db, 60);
        write(2);
        Batches.Lease lease = batches.lease(batch.id());
        assertNotNull(lease);
        assertTrue(batches.delete(batch.id()));
        assertEquals(1, readable(batch.snapshotTick()), "the running request still reads its snapshot");
        assertNull(batches.lease(batch.id()), "a deleted batch cannot be leased");
        batches.release(lease);
        assertEquals(0, readable(batch.snapshotTick()), "released: the superseded version is collected");
    }

    @Test
    void aLeaseObtainedWhileDeletesRaceAlwaysSeesItsSnapshot() throws Exception {
        write(0);
        AtomicLong published = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> reader = pool.submit(() -> {
                while (!done.get()) {
                    Batches.Lease lease = batches.lease(published.get());
                    if (lease == null) {
                        continue;
                    }
                    try {
                        assertEquals(1, readable(lease.batch().snapshotTick()), "a leased snapshot lost its document");
                    } finally {
                        batches.release(lease);
                    }
                }
            });
            for (int i = 1; i <= 2000; i++) {
                Batch batch = batches.create(db, 60);
                write(i);
                published.set(batch.id());
                Thread.onSpinWait();
                batches.delete(batch.id());
            }
            done.set(true);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }
}
