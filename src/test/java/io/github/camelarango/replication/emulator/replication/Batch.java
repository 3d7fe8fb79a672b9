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

import io.github.camelarango.replication.emulator.model.Database;

import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.DocumentStore;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A replication batch ("context", §3.7): a snapshot tick, a sliding TTL and the server-side dump iterators per
 * collection.
 */
public final class Batch {

    private final long id;
    private final long snapshotTick;
    private final double ttlSeconds;
    private final Database database;
    private final Map<Long, DumpCursor> cursors = new ConcurrentHashMap<>();
    private final Map<Long, List<DocumentVersion>> keyOrders = new ConcurrentHashMap<>();
    private volatile Instant expires;

    Batch(long id, long snapshotTick, double ttlSeconds, Database database, Instant expires) {
        this.id = id;
        this.snapshotTick = snapshotTick;
        this.ttlSeconds = ttlSeconds;
        this.database = database;
        this.expires = expires;
    }

    public long id() {
        return id;
    }

    public long snapshotTick() {
        return snapshotTick;
    }

    public Database database() {
        return database;
    }

    double ttlSeconds() {
        return ttlSeconds;
    }

    Instant expires() {
        return expires;
    }

    void expires(Instant newExpiry) {
        this.expires = newExpiry;
    }

    /** The dump iterator of a collection in this batch (created at the first dump call). */
    public DumpCursor cursor(long collectionId) {
        return cursors.computeIfAbsent(collectionId, id -> new DumpCursor());
    }

    /** The documents of a collection visible in this batch, in key order (legacy keys API), computed once. */
    public List<DocumentVersion> keyOrder(Collection c) {
        return keyOrders.computeIfAbsent(c.id(), id -> {
            List<DocumentVersion> list = new ArrayList<>();
            DocumentStore store = c.store();
            int end = store.slotCount();
            for (int slot = 0; slot < end; slot++) {
                DocumentVersion v = store.slot(slot);
                if (v != null && v.visibleAt(snapshotTick)) {
                    list.add(v);
                }
            }
            list.sort(Comparator.comparing(DocumentVersion::key));
            return list;
        });
    }

    /** Server-side dump position of one (batch, collection): each dump call continues where the last ended. */
    public static final class DumpCursor {
        private int slot;
        private long chunks;

        public synchronized int slot() {
            return slot;
        }

        /** Moves past a chunk and returns the {@code lastincluded} counter to report (§3.10, see DumpHandler). */
        public synchronized long advance(int nextSlot, boolean more) {
            this.slot = nextSlot;
            if (more) {
                return ++chunks;
            }
            return Math.max(chunks, 1);
        }
    }
}
