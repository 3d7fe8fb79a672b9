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
package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.WalMarker;

/**
 * A small in-memory stand-in for one database's replication endpoints, for deterministic engine tests (crash points,
 * purges, expiries). It follows the protocol's rules that the engine relies on — batch snapshots, exclusive
 * {@code from}, lastincluded 0 on empty answers, frompresent — but none of the HTTP details, which the emulator tests
 * cover. A dump chunk holds {@code chunkSize / 100} documents (at least one).
 */
public final class FakeReplicationSource implements ReplicationSource {

    private static final ObjectMapper JSON = Json.mapper();

    private record Batch(long tick, Map<String, List<JsonNode>> documents, Map<String, Integer> cursors,
                         Map<String, Integer> chunkCounters) {
    }

    /** The server's state at a moment, as a hot backup holds it. */
    record Backup(Map<String, String> cuids, Map<String, Map<String, JsonNode>> data, List<WalMarker> wal, long tick,
                  long purgedUpTo) {
    }

    private final Map<String, String> cuids = new LinkedHashMap<>();
    private int nextCollectionId = 100;
    private String serverId = "4711";
    /** The start of this server's collection cuids (real ones start with h and the server id in hex). */
    private String cuidPrefix = "hFAKE/";
    private final Map<String, Map<String, JsonNode>> data = new LinkedHashMap<>();
    private final List<WalMarker> wal = new ArrayList<>();
    private final Map<String, Batch> batches = new HashMap<>();
    private final List<String> deletedBatches = new ArrayList<>();
    /** The registered tick (lastServedTick) of the stream's registration, null when it has none. */
    private Long registered;
    private final List<Long> registrations = new ArrayList<>();
    /** The registered tick (or null) each time a batch was created. */
    private final List<Long> registeredAtBatchCreation = new ArrayList<>();
    private int unregisterCalls;
    /** With a clock: each batch's ttl and last use, and a batch not used within its ttl is gone. */
    private Clock clock;
    private final Map<String, Instant> lastUse = new HashMap<>();
    private final Map<String, Duration> ttls = new HashMap<>();
    private long tick = 1000;
    private long purgedUpTo;
    private boolean fromPresentAlways;
    private long nextBatchId = 1;
    private int revision;
    private int tailCalls;
    private final List<Integer> dumpChunkSizes = new ArrayList<>();
    private boolean stuckDump;
    private int extendCalls;
    private boolean countUnavailable;
    private int failingTailCall;
    private int dumpCalls;
    private int failingDumpCall;
    private String[] upsertAfterLastTick;
    private String lastTailCollection;

    @Override
    public String database() {
        return "shop";
    }

    public synchronized void createCollection(String name) {
        String cuid = cuidPrefix + nextCollectionId++;
        cuids.put(name, cuid);
        data.put(name, new LinkedHashMap<>());
        ObjectNode marker = marker(++tick, 2000, cuid, "0");
        marker.putObject("data").put("name", name).put("globallyUniqueId", cuid);
        wal.add(WalMarker.of(marker));
    }

    /** A hot backup of the server now. */
    synchronized Backup hotBackup() {
        Map<String, Map<String, JsonNode>> documents = new LinkedHashMap<>();
        data.forEach((name, docs) -> documents.put(name, new LinkedHashMap<>(docs)));
        return new Backup(new LinkedHashMap<>(cuids), documents, List.copyOf(wal), tick, purgedUpTo);
    }

    /**
     * Restores a hot backup, as a restarted server: data, WAL and tick counter go back (new writes reuse the ticks
     * after the backup for other changes); the server id stays; batches and registrations are gone.
     */
    synchronized void restoreHotBackup(Backup backup) {
        cuids.clear();
        cuids.putAll(backup.cuids());
        data.clear();
        backup.data().forEach((name, docs) -> data.put(name, new LinkedHashMap<>(docs)));
        wal.clear();
        wal.addAll(backup.wal());
        tick = backup.tick();
        purgedUpTo = backup.purgedUpTo();
        batches.clear();
        registered = null;
    }

    /** From now on every tail answer says {@code frompresent: true}, as a server that does not tell a purge apart. */
    synchronized void sayFromPresentAlways() {
        fromPresentAlways = true;
    }

    /** Another server takes this one's place: a new id, no collections, ticks starting low again. */
    synchronized void replaceServer(String newServerId) {
        serverId = newServerId;
        cuidPrefix = "h" + newServerId + "/";
        cuids.clear();
        data.clear();
        wal.clear();
        tick = 1000;
        purgedUpTo = 0;
        batches.clear();
        registered = null;
    }

    /**
     * Appends a marker as given (a test control for markers the engine may not know): its fields, plus a
     * {@code tick} of its own and {@code db} "shop" when it has none.
     *
     * @return the marker's tick
     */
    synchronized long appendRaw(String fieldsJson) {
        ObjectNode marker;
        try {
            marker = (ObjectNode) JSON.readTree(fieldsJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(fieldsJson, e);
        }
        marker.put("tick", Long.toUnsignedString(++tick));
        if (!marker.has("db")) {
            marker.put("db", "shop");
        }
        wal.add(WalMarker.of(marker));
        return tick;
    }

    /** Renames the collection (2002 with the new name). */
    synchronized void renameCollection(String name, String newName) {
        String cuid = cuids.remove(name);
        cuids.put(newName, cuid);
        data.put(newName, data.remove(name));
        ObjectNode marker = marker(++tick, 2002, cuid, "0");
        marker.putObject("data").put("name", newName);
        wal.add(WalMarker.of(marker));
    }

    /**
     * Drops the collection (2001). As a real tail served after the drop, the WAL no longer shows the collection's
     * earlier markers, only the drop (docs/protocol.md §0.3 gotcha 5).
     */
    synchronized void dropCollection(String name) {
        String cuid = cuids.remove(name);
        data.remove(name);
        wal.removeIf(m -> cuid.equals(m.cuid()));
        wal.add(WalMarker.of(marker(++tick, 2001, cuid, "0")));
    }

    /** Truncates a large collection: one 2004 marker (docs/protocol.md §5.1). */
    synchronized void truncateCollection(String name) {
        data.get(name).clear();
        wal.add(WalMarker.of(marker(++tick, 2004, cuids.get(name), "0")));
    }

    /** Inserts or updates (standalone). */
    public synchronized String upsert(String collection, String key) {
        return write(collection, key, "0");
    }

    synchronized void remove(String collection, String key) {
        erase(collection, key, "0");
    }

    /** A committed multi-document transaction: 2200, the writes, 2201. Keys prefixed with "-" are removed. */
    synchronized void transaction(String collection, String... keys) {
        String tid = Long.toString(++tick);
        wal.add(WalMarker.of(marker(tick, 2200, null, tid)));
        for (String key : keys) {
            if (key.startsWith("-")) {
                erase(collection, key.substring(1), tid);
            } else {
                write(collection, key, tid);
            }
        }
        wal.add(WalMarker.of(marker(++tick, 2201, null, tid)));
    }

    /** An aborted multi-document transaction: 2200, the writes (the documents keep their state), 2202. */
    synchronized void abortedTransaction(String collection, String... keys) {
        String tid = Long.toString(++tick);
        wal.add(WalMarker.of(marker(tick, 2200, null, tid)));
        for (String key : keys) {
            ObjectNode marker = marker(++tick, 2300, cuids.get(collection), tid);
            marker.putObject("data").put("_key", key).put("_id", collection + "/" + key)
                    .put("_rev", "_rev" + (++revision));
            wal.add(WalMarker.of(marker));
        }
        wal.add(WalMarker.of(marker(++tick, 2202, null, tid)));
    }

    private String write(String collection, String key, String tid) {
        String rev = "_rev" + (++revision);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("_key", key).put("_id", collection + "/" + key).put("_rev", rev);
        data.get(collection).put(key, doc);
        ObjectNode marker = marker(++tick, 2300, cuids.get(collection), tid);
        marker.set("data", doc);
        wal.add(WalMarker.of(marker));
        return rev;
    }

    private void erase(String collection, String key, String tid) {
        JsonNode old = data.get(collection).remove(key);
        ObjectNode marker = marker(++tick, 2302, cuids.get(collection), tid);
        marker.putObject("data").put("_key", key).put("_rev", old == null ? "_none" : old.get("_rev").asText());
        wal.add(WalMarker.of(marker));
    }

    private ObjectNode marker(long markerTick, int type, String cuid, String tid) {
        ObjectNode marker = JSON.createObjectNode();
        marker.put("tick", Long.toUnsignedString(markerTick)).put("type", type).put("db", "shop");
        if (cuid != null) {
            marker.put("cuid", cuid);
        }
        if (type >= 2200) {
            marker.put("tid", tid);
        }
        return marker;
    }

    /** Ground truth: key → rev per collection. */
    synchronized Map<String, Map<String, String>> state() {
        Map<String, Map<String, String>> state = new LinkedHashMap<>();
        data.forEach((name, docs) -> {
            Map<String, String> revs = new LinkedHashMap<>();
            docs.forEach((key, doc) -> revs.put(key, doc.get("_rev").asText()));
            state.put(name, revs);
        });
        return state;
    }

    /** Drops WAL entries up to the tick (inclusive), as a server purging WAL files. */
    synchronized void purgeUpTo(long upTo) {
        purgedUpTo = upTo;
        wal.removeIf(m -> Long.compareUnsigned(m.tick(), upTo) <= 0);
    }

    synchronized void expireAllBatches() {
        batches.clear();
    }

    /** A restarted server: its batches and the stream's registration are gone; data and WAL stay. */
    synchronized void restart() {
        batches.clear();
        registered = null;
    }

    /**
     * Purges the WAL as a server's own retention may: everything that neither the stream's registration (its
     * lastServedTick and after) nor a live batch (its snapshot tick and after) still needs.
     */
    synchronized void purgeUnneeded() {
        long needed = tick + 1;
        if (registered != null) {
            needed = Math.min(needed, registered);
        }
        for (Batch batch : liveBatchesNow()) {
            needed = Math.min(needed, batch.tick());
        }
        purgeUpTo(needed - 1);
    }

    /** From now on batches live {@code ttl} after their last use on {@code clock} (extensions renew them). */
    synchronized void batchesExpireOn(Clock batchClock) {
        this.clock = batchClock;
    }

    /** The ticks registered, in order. */
    synchronized List<Long> registrations() {
        return List.copyOf(registrations);
    }

    /** The tick the stream was registered at (null: none) when each batch was created, in order. */
    synchronized List<Long> registeredAtBatchCreation() {
        return new ArrayList<>(registeredAtBatchCreation);
    }

    /** The tick the stream is registered at now, or null. */
    synchronized Long registeredTick() {
        return registered;
    }

    synchronized int unregisterCalls() {
        return unregisterCalls;
    }

    private List<Batch> liveBatchesNow() {
        batches.keySet().removeIf(this::expired);
        return List.copyOf(batches.values());
    }

    private boolean expired(String id) {
        return clock != null && lastUse.containsKey(id)
                && Duration.between(lastUse.get(id), clock.instant()).compareTo(ttls.get(id)) > 0;
    }

    synchronized Set<String> liveBatches() {
        liveBatchesNow();
        return new TreeSet<>(batches.keySet());
    }

    synchronized List<String> deletedBatches() {
        return List.copyOf(deletedBatches);
    }

    /** The chunk sizes the dump calls asked for, in order. */
    synchronized List<Integer> dumpChunkSizes() {
        return List.copyOf(dumpChunkSizes);
    }

    /** From now on every dump answers checkmore=true with lastincluded 7 and one document (a misbehaving server). */
    synchronized void makeDumpStuck() {
        stuckDump = true;
    }

    /** From now on every collection count fails, as a server refusing the document API. */
    synchronized void makeCountUnavailable() {
        countUnavailable = true;
    }

    /** The {@code n}-th tail call from now (1 = the next) fails like a connection reset. */
    synchronized void failTailCall(int n) {
        failingTailCall = tailCalls + n;
    }

    /** The {@code n}-th dump call from now (1 = the next) fails like a connection reset. */
    synchronized void failDumpCall(int n) {
        failingDumpCall = dumpCalls + n;
    }

    /** The next {@link #lastTick()} is followed at once by an upsert: a write lands right after the tick was read. */
    synchronized void upsertAfterNextLastTick(String collection, String key) {
        upsertAfterLastTick = new String[] { collection, key };
    }

    synchronized int extendCalls() {
        return extendCalls;
    }

    /** The {@code collection=} filter of the last successful tail call, null when it had none. */
    synchronized String lastTailCollection() {
        return lastTailCollection;
    }

    synchronized int tailCalls() {
        return tailCalls;
    }

    @Override
    public synchronized BatchInfo createBatch(Duration ttl) {
        Map<String, List<JsonNode>> snapshot = new LinkedHashMap<>();
        data.forEach((name, docs) -> snapshot.put(name, new ArrayList<>(docs.values())));
        String id = Long.toString(nextBatchId++);
        registeredAtBatchCreation.add(registered);
        batches.put(id, new Batch(tick, snapshot, new HashMap<>(), new HashMap<>()));
        ttls.put(id, ttl);
        if (clock != null) {
            lastUse.put(id, clock.instant());
        }
        return new BatchInfo(id, tick);
    }

    @Override
    public synchronized void extendBatch(String batchId, Duration ttl) {
        extendCalls++;
        batch(batchId);
    }

    @Override
    public synchronized void deleteBatch(String batchId) {
        if (batches.remove(batchId) != null) {
            deletedBatches.add(batchId);
        }
    }

    @Override
    public synchronized List<CollectionInfo> inventory(String batchId, boolean includeSystem) {
        batch(batchId);
        List<CollectionInfo> list = new ArrayList<>();
        cuids.forEach((name, cuid) -> list.add(new CollectionInfo(name, cuid, false)));
        return list;
    }

    @Override
    public synchronized DumpChunk dump(String batchId, String collection, int chunkSize) {
        if (++dumpCalls == failingDumpCall) {
            throw new ChangeStreamException("dump: connection reset (fake)");
        }
        Batch batch = batch(batchId);
        dumpChunkSizes.add(chunkSize);
        List<RawDocument> docs = batch.documents().getOrDefault(collection, List.<JsonNode>of()).stream()
                .map(RawDocument::of).toList();
        if (stuckDump) {
            return new DumpChunk(true, 7, docs.isEmpty() ? List.of() : List.of(docs.get(0)));
        }
        int from = batch.cursors().getOrDefault(collection, 0);
        int to = Math.min(docs.size(), from + Math.max(1, chunkSize / 100));
        batch.cursors().put(collection, to);
        boolean more = to < docs.size();
        int counter = batch.chunkCounters().merge(collection, more ? 1 : 0, Integer::sum);
        return new DumpChunk(more, to == from ? 0 : counter, List.copyOf(docs.subList(from, to)));
    }

    @Override
    public synchronized TailChunk tail(TailRequest request) {
        if (++tailCalls == failingTailCall) {
            throw new ChangeStreamException("tail: connection reset (fake)");
        }
        String only = request.collection();
        if (only != null && !cuids.containsKey(only)) {
            throw new UnknownCollectionException(only, null); // 404 with errorNum 1203
        }
        lastTailCollection = only; // markers of other collections still come: the engine filters them anyway
        boolean fromPresent = fromPresentAlways
                || Long.compareUnsigned(request.from(), purgedUpTo) >= 0 && request.from() != 0;
        List<WalMarker> out = new ArrayList<>();
        long lastScanned = request.from();
        for (WalMarker m : wal) {
            if (Long.compareUnsigned(m.tick(), request.from()) <= 0) {
                continue;
            }
            if (request.to() != 0 && Long.compareUnsigned(m.tick(), request.to()) > 0) {
                break;
            }
            if (out.size() >= request.chunkSize() / 4096) {
                break;
            }
            out.add(m);
            lastScanned = m.tick();
        }
        long lastIncluded = out.isEmpty() ? 0 : out.get(out.size() - 1).tick();
        boolean checkMore = lastIncluded != 0 && Long.compareUnsigned(lastIncluded, tick) < 0;
        return new TailChunk(fromPresent, lastIncluded, lastScanned, tick, checkMore, out);
    }

    /** The collection's current size, as the document API counts: later writes included, unlike the batch. */
    @Override
    public synchronized long collectionCount(String collection) {
        if (countUnavailable || !data.containsKey(collection)) {
            throw new ChangeStreamException("count of collection '" + collection + "' unavailable (fake)");
        }
        return data.get(collection).size();
    }

    @Override
    public synchronized String serverId() {
        return serverId;
    }

    @Override
    public synchronized long lastTick() {
        long last = tick;
        if (upsertAfterLastTick != null) {
            upsert(upsertAfterLastTick[0], upsertAfterLastTick[1]);
            upsertAfterLastTick = null;
        }
        return last;
    }

    /** The first retained marker's tick; after everything was purged, the tick after the purged ones. */
    @Override
    public synchronized long oldestTick() {
        return wal.isEmpty() ? purgedUpTo + 1 : wal.get(0).tick();
    }

    private Batch batch(String id) {
        if (expired(id)) {
            batches.remove(id);
        }
        Batch batch = batches.get(id);
        if (batch == null) {
            throw new BatchExpiredException(id, null);
        }
        if (clock != null) {
            lastUse.put(id, clock.instant());
        }
        return batch;
    }

    @Override
    public synchronized void register(long registeredAt) {
        registered = registeredAt;
        registrations.add(registeredAt);
    }

    @Override
    public synchronized void unregister() {
        unregisterCalls++;
        registered = null;
    }
}
