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
package io.github.camelarango.replication.emulator.model;

import io.github.camelarango.replication.emulator.wal.Wal;
import io.github.camelarango.replication.emulator.wal.WalEntry;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A frozen copy of a server's state: its id, tick and id counters, databases, collections with their current
 * documents, and the retained WAL (whose entries point at the copied databases and collections). A hot backup holds
 * one; {@link Server#restore} copies it back, so one image can be restored any number of times. Immutable once made.
 */
public final class ServerImage {

    private final long serverId;
    private final long lastTick;
    private final long ids;
    private final List<Database> databases;
    private final Wal wal;

    private ServerImage(long serverId, long lastTick, long ids, List<Database> databases, Wal wal) {
        this.serverId = serverId;
        this.lastTick = lastTick;
        this.ids = ids;
        this.databases = databases;
        this.wal = wal;
    }

    /**
     * Copies state (the caller holds the write lock of the server it comes from, if any).
     *
     * @param keyIds the id counter the copied key generators draw traditional keys from
     */
    static ServerImage copy(long serverId, long lastTick, long ids, Iterable<Database> databases, Wal wal, LongSupplier keyIds) {
        Copier copier = new Copier(keyIds);
        List<Database> copies = new ArrayList<>();
        for (Database db : databases) {
            if (!db.isDropped()) {
                copies.add(copier.database(db));
                db.collections().forEach(copier::collection);
            }
        }
        Wal walCopy = wal.copy(e -> new WalEntry(e.tick(), e.type(), copier.database(e.database()),
                e.collection() == null ? null : copier.collection(e.collection()), e.tid(), e.payload(),
                e.batchStart(), e.batchEnd()));
        return new ServerImage(serverId, lastTick, ids, copies, walCopy);
    }

    /** A copy of this image whose key generators draw from {@code keyIds}: the state a restored server goes live with. */
    ServerImage copy(LongSupplier keyIds) {
        return copy(serverId, lastTick, ids, databases, wal, keyIds);
    }

    /** @return the server id at the time of the image */
    public long serverId() {
        return serverId;
    }

    /** @return the tick of the last WAL marker at the time of the image */
    public long lastTick() {
        return lastTick;
    }

    long ids() {
        return ids;
    }

    List<Database> databases() {
        return databases;
    }

    Wal wal() {
        return wal;
    }

    /** Maps every database and collection to its one copy, so WAL entries and databases share the copies. */
    private static final class Copier {
        private final LongSupplier keyIds;
        private final Map<Database, Database> databases = new IdentityHashMap<>();
        private final Map<Collection, Collection> collections = new IdentityHashMap<>();

        Copier(LongSupplier keyIds) {
            this.keyIds = keyIds;
        }

        Database database(Database original) {
            return databases.computeIfAbsent(original, Database::copy);
        }

        Collection collection(Collection original) {
            Collection copy = collections.get(original);
            if (copy == null) {
                Database owner = database(original.database());
                copy = original.copy(owner, keyIds);
                collections.put(original, copy);
                if (!copy.isDropped()) {
                    owner.add(copy);
                }
            }
            return copy;
        }
    }
}
