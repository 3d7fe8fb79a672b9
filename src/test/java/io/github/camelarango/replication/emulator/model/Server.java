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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.wal.RawMarker;
import io.github.camelarango.replication.emulator.wal.Wal;
import io.github.camelarango.replication.emulator.wal.WalEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The emulated server's data: databases, collections, documents, the global tick counter and the WAL. Every
 * mutation takes the write lock, applies the change, appends its markers with fresh consecutive ticks, and only
 * then publishes the new {@link #lastTick()}, so a snapshot taken at {@code lastTick()} is always consistent.
 * Ids (databases, collections, indexes, transactions, batches, traditional keys) come from a separate counter
 * kept ahead of the tick, like ArangoDB's server tick, so they never leave gaps in the WAL.
 */
public final class Server {

    /** Collections ArangoDB creates in every database (a subset; enough for system-collection filtering). */
    private static final List<String> SYSTEM_COLLECTIONS = List.of("_analyzers", "_graphs", "_jobs", "_queues", "_aqlfunctions");
    private static final List<String> SYSTEM_DATABASE_COLLECTIONS =
            List.of("_users", "_statistics", "_statistics15", "_statisticsRaw");
    private static final Pattern COLLECTION_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_\\-]{0,255}");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_\\-]{0,63}|_system");
    /** Truncates of collections at least this large are logged as one 2004 marker (range delete). */
    private static final int RANGE_DELETE_THRESHOLD = 32 * 1024;

    private volatile long serverId;
    private volatile String serverIdHex;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong ids = new AtomicLong();
    private final DocumentVersions versions = new DocumentVersions();
    private volatile Wal wal = new Wal();
    private final Map<String, Database> databases = new ConcurrentHashMap<>();
    private volatile long lastTick;
    private volatile LongSupplier oldestSnapshot = () -> -1L;

    public Server(long serverId) {
        this.serverId = serverId;
        this.serverIdHex = hex(serverId);
        Database system = createDatabaseLocked("_system", 1);
        ObjectNode root = Json.object();
        root.put("user", "root");
        root.put("source", "LOCAL");
        root.put("active", true);
        WriteSet users = new WriteSet();
        Collection usersCollection = system.collection("_users");
        users.put(usersCollection, versions.newVersion(usersCollection, usersCollection.keys().next(), root), null);
        commit(system, users, false);
    }

    public long serverId() {
        return serverId;
    }

    public String serverIdText() {
        return Long.toUnsignedString(serverId);
    }

    public Wal wal() {
        return wal;
    }

    /** The tick of the last committed WAL marker. */
    public long lastTick() {
        return lastTick;
    }

    /** A fresh id ("server tick"), always greater than the last WAL tick. */
    public long nextId() {
        return ids.updateAndGet(v -> Math.max(v, lastTick) + 1);
    }

    /** Supplies the oldest live snapshot tick (unsigned; -1 = none) so superseded versions can be released. */
    public void oldestSnapshot(LongSupplier supplier) {
        this.oldestSnapshot = supplier;
    }

    public ReentrantLock writeLock() {
        return writeLock;
    }

    // ---------------------------------------------------------------- databases

    public Database database(String name) {
        Database db = databases.get(name);
        return db == null || db.isDropped() ? null : db;
    }

    public List<Database> databases() {
        List<Database> list = new ArrayList<>(databases.values());
        list.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
        return list;
    }

    public Database createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new ArangoException(400, 1229, "database name invalid");
        }
        writeLock.lock();
        try {
            if (databases.containsKey(name)) {
                throw new ArangoException(409, 1207, "duplicate database name '" + name + "'");
            }
            return createDatabaseLocked(name, nextId());
        } finally {
            writeLock.unlock();
        }
    }

    private Database createDatabaseLocked(String name, long id) {
        writeLock.lock();
        try {
            Database db = new Database(id, name);
            databases.put(name, db);
            ObjectNode data = Json.object();
            data.put("database", id);
            data.put("id", Long.toUnsignedString(id));
            data.put("name", name);
            log(db, null, WalEntry.DATABASE_CREATE, Json.bytes(data));
            List<String> system = new ArrayList<>(SYSTEM_COLLECTIONS);
            if (db.isSystem()) {
                system.addAll(SYSTEM_DATABASE_COLLECTIONS);
            }
            for (String collectionName : system) {
                createCollectionLocked(db, collectionName, Collection.DOCUMENT, true, Json.object());
            }
            return db;
        } finally {
            writeLock.unlock();
        }
    }

    public void dropDatabase(Database db) {
        writeLock.lock();
        try {
            if (db.isDropped()) {
                throw ArangoException.databaseNotFound();
            }
            db.markDropped();
            databases.remove(db.name());
            db.collections().forEach(Collection::markDropped);
            log(db, null, WalEntry.DATABASE_DROP, null);
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- collections

    /** Creates a collection from the options of {@code POST /_api/collection}. */
    public Collection createCollection(Database db, JsonNode options) {
        String name = options.path("name").asText("");
        int type = options.path("type").asInt(Collection.DOCUMENT);
        if (type != Collection.DOCUMENT && type != Collection.EDGE) {
            throw new ArangoException(400, 1218, "invalid collection type " + type + "; allowed: 2 (document), 3 (edge)");
        }
        boolean system = name.startsWith("_");
        if (!COLLECTION_NAME.matcher(name).matches() || (system && !options.path("isSystem").asBoolean(false))) {
            throw new ArangoException(400, 1208, "illegal name: '" + name + "'");
        }
        writeLock.lock();
        try {
            if (db.isDropped()) {
                throw ArangoException.databaseNotFound();
            }
            if (db.collection(name) != null) {
                throw new ArangoException(409, 1207, "duplicate name");
            }
            return createCollectionLocked(db, name, type, system, options);
        } finally {
            writeLock.unlock();
        }
    }

    private Collection createCollectionLocked(Database db, String name, int type, boolean system, JsonNode options) {
        long id = nextId();
        // a replicated collection keeps its leader's globallyUniqueId, as ArangoDB followers do
        String given = options.path("globallyUniqueId").asText("");
        String cuid = !given.isEmpty() ? given : system ? name : "h" + serverIdHex + "/" + id;
        Collection c = new Collection(id, db, name, type, cuid, system, new KeyGenerator(options.get("keyOptions"), this::nextId));
        c.applyProperties(options);
        db.add(c);
        log(db, c, WalEntry.COLLECTION_CREATE, Json.bytes(c.walDefinition()));
        return c;
    }

    public void dropCollection(Collection c) {
        writeLock.lock();
        try {
            checkAlive(c);
            c.database().remove(c);
            c.markDropped();
            log(c.database(), c, WalEntry.COLLECTION_DROP, null);
        } finally {
            writeLock.unlock();
        }
    }

    public void renameCollection(Collection c, String newName) {
        if (newName == null || !COLLECTION_NAME.matcher(newName).matches() || newName.startsWith("_") != c.isSystem()) {
            throw new ArangoException(400, 1208, "illegal name: '" + newName + "'");
        }
        writeLock.lock();
        try {
            checkAlive(c);
            if (c.database().collection(newName) != null) {
                throw new ArangoException(409, 1207, "duplicate name");
            }
            String oldName = c.name();
            c.database().rename(c, newName);
            log(c.database(), c, WalEntry.COLLECTION_RENAME, oldName);
        } finally {
            writeLock.unlock();
        }
    }

    /** PUT /properties: applies and logs a 2003 marker with the full current definition (§5.3). */
    public void changeCollection(Collection c, JsonNode properties) {
        writeLock.lock();
        try {
            checkAlive(c);
            c.applyProperties(properties);
            log(c.database(), c, WalEntry.COLLECTION_CHANGE, Json.bytes(c.walDefinition()));
        } finally {
            writeLock.unlock();
        }
    }

    /** Small collections: removes in one transaction; large ones: a single 2004 marker (§5.1). */
    public void truncate(Collection c) {
        writeLock.lock();
        try {
            checkAlive(c);
            if (c.store().count() >= RANGE_DELETE_THRESHOLD) {
                long tick = log(c.database(), c, WalEntry.COLLECTION_TRUNCATE, null);
                for (DocumentVersion v : new ArrayList<>(c.store().currentVersions())) {
                    c.store().remove(v.key(), tick);
                }
                c.store().collectGarbage(oldestSnapshot.getAsLong());
                return;
            }
            WriteSet removes = new WriteSet();
            for (DocumentVersion v : new ArrayList<>(c.store().currentVersions())) {
                removes.remove(c, v);
            }
            commit(c.database(), removes, true);
        } finally {
            writeLock.unlock();
        }
    }

    public ObjectNode createIndex(Collection c, ObjectNode definition) {
        writeLock.lock();
        try {
            checkAlive(c);
            definition.put("id", Long.toUnsignedString(nextId()));
            c.indexes().add(definition);
            log(c.database(), c, WalEntry.INDEX_CREATE, Json.bytes(definition));
            return definition;
        } finally {
            writeLock.unlock();
        }
    }

    public void dropIndex(Collection c, ObjectNode definition) {
        writeLock.lock();
        try {
            checkAlive(c);
            c.indexes().remove(definition);
            ObjectNode data = Json.object();
            data.put("id", definition.path("id").asText());
            log(c.database(), c, WalEntry.INDEX_DROP, Json.bytes(data));
        } finally {
            writeLock.unlock();
        }
    }

    private static void checkAlive(Collection c) {
        if (c.isDropped()) {
            throw ArangoException.collectionNotFound(c.name());
        }
    }

    // ---------------------------------------------------------------- documents

    /** Builds new document versions (fresh revisions, kept revisions for replicated documents). */
    public DocumentVersions versions() {
        return versions;
    }

    /**
     * Commits staged document writes: one marker per write, with tid "0" for a lone single-document operation,
     * else bracketed by 2200/2201 with a fresh transaction id (multi-document requests, stream transactions).
     *
     * @param transactionId the id to log (stream transactions), or null for a fresh one
     */
    public void commit(Database db, WriteSet writes, boolean multiDocument, String transactionId) {
        if (writes.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            for (WriteSet.Op op : writes.ops()) {
                checkAlive(op.collection());
            }
            boolean bracket = multiDocument || writes.ops().size() > 1;
            String tid = bracket ? (transactionId != null ? transactionId : Long.toUnsignedString(nextId())) : "0";
            long start = lastTick + 1;
            long end = start + writes.ops().size() - 1 + (bracket ? 2 : 0);
            long tick = start;
            if (bracket) {
                wal.append(new WalEntry(tick++, WalEntry.TRANSACTION_START, db, null, tid, null, start, end));
            }
            for (WriteSet.Op op : writes.ops()) {
                DocumentStore store = op.collection().store();
                if (op.isRemove()) {
                    store.remove(op.key(), tick);
                    wal.append(new WalEntry(tick, WalEntry.REMOVE, db, op.collection(), tid, op.previous(), start, end));
                } else {
                    store.put(op.newVersion(), tick);
                    wal.append(new WalEntry(tick, WalEntry.DOCUMENT, db, op.collection(), tid, op.newVersion(), start, end));
                }
                tick++;
            }
            if (bracket) {
                wal.append(new WalEntry(tick, WalEntry.TRANSACTION_COMMIT, db, null, tid, null, start, end));
            }
            lastTick = end;
            long oldest = oldestSnapshot.getAsLong();
            for (WriteSet.Op op : writes.ops()) {
                op.collection().store().collectGarbage(oldest);
            }
        } finally {
            writeLock.unlock();
        }
    }

    public void commit(Database db, WriteSet writes, boolean multiDocument) {
        commit(db, writes, multiDocument, null);
    }

    /** Releases superseded versions no live snapshot needs (after a batch ended). */
    public void collectGarbage() {
        writeLock.lock();
        try {
            long oldest = oldestSnapshot.getAsLong();
            for (Database db : databases.values()) {
                for (Collection c : db.collections()) {
                    c.store().collectGarbage(oldest);
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Test control: forget WAL markers up to a tick (whole write batches).
     *
     * @return the highest tick purged so far (0 if the WAL was never purged)
     */
    public long purgeWalUpTo(long tick) {
        writeLock.lock();
        try {
            wal.purgeUpTo(tick);
            return wal.purgedUpTo();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Test control: appends a marker whose JSON a test gives, as a write batch of its own at the next tick.
     *
     * @param type    its numeric {@code type} if it has one (for {@link WalEntry#type()}), else 0
     * @param members the members of its JSON object, without the braces and without {@code tick}
     * @return the tick it got
     */
    public long appendRawMarker(Database db, int type, byte[] members) {
        writeLock.lock();
        try {
            return log(db, null, type, new RawMarker(members));
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- images (hot backup, replaced server)

    /** A frozen copy of the whole state now: databases, documents, WAL, tick and id counters, server id. */
    public ServerImage image() {
        writeLock.lock();
        try {
            return ServerImage.copy(serverId, lastTick, ids.get(), databases.values(), wal, this::nextId);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Replaces the whole state with a copy of the image: databases, documents, WAL, tick and id counters and the
     * server id go back to the image's, so new writes take the ticks after the image's last tick again. Superseded
     * document versions of the current state are dropped with it (callers end every batch first).
     */
    public void restore(ServerImage image) {
        writeLock.lock();
        try {
            ServerImage live = image.copy(this::nextId);
            serverId = live.serverId();
            serverIdHex = hex(live.serverId());
            databases.clear();
            live.databases().forEach(db -> databases.put(db.name(), db));
            wal = live.wal();
            ids.set(live.ids());
            lastTick = live.lastTick();
        } finally {
            writeLock.unlock();
        }
    }

    private static String hex(long id) {
        return Long.toHexString(id).toUpperCase(Locale.ROOT);
    }

    private long log(Database db, Collection c, int type, Object data) {
        long tick = lastTick + 1;
        wal.append(new WalEntry(tick, type, db, c, null, data, tick, tick));
        lastTick = tick;
        return tick;
    }
}
