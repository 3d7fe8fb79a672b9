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
package io.github.camelarango.replication.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDatabase;
import com.arangodb.entity.StreamTransactionEntity;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.DocumentDeleteOptions;
import com.arangodb.model.DocumentUpdateOptions;
import com.arangodb.model.StreamTransactionOptions;

/**
 * Seeded random writes through the official ArangoDB Java driver, as an application makes them: inserts, updates,
 * replaces, removes, multi-document inserts, stream transactions (some aborted) on the captured collections, and
 * writes to a collection the stream does not capture (filtered markers between the captured ones). It tracks the keys
 * that exist under each collection's logical name, so renames and server restores only re-point it. Thread-safe.
 */
final class Workload {

    /**
     * The most operations of a workload transaction: a restart may deliver one whole transaction again (its changes
     * before the last one carry the position before it).
     */
    static final int LARGEST_TRANSACTION = 5;

    private final Random random;
    private final List<String> captured;
    private final String uncaptured;
    private final Map<String, String> currentNames = new LinkedHashMap<>();
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private ArangoDatabase db;
    private int next;

    Workload(ArangoDatabase db, List<String> captured, String uncaptured, long seed) {
        this.db = db;
        this.captured = captured;
        this.uncaptured = uncaptured;
        this.random = new Random(seed);
        captured.forEach(c -> {
            currentNames.put(c, c);
            keys.put(c, new ArrayList<>());
        });
        currentNames.put(uncaptured, uncaptured);
        keys.put(uncaptured, new ArrayList<>());
    }

    synchronized Random random() {
        return random;
    }

    /** Points the workload at another driver database (a new driver after a server restart). */
    synchronized void use(ArangoDatabase newDb) {
        this.db = newDb;
    }

    /** A collection was renamed (or dropped, with null): later writes use the new name, or skip it. */
    synchronized void renamed(String logical, String newName) {
        currentNames.put(logical, newName);
        if (newName == null) {
            keys.get(logical).clear();
        }
    }

    /** The keys that exist now, e.g. after a restore: {@code logical name -> keys}. */
    synchronized void resync(Map<String, java.util.Set<String>> existing) {
        keys.forEach((c, list) -> {
            list.clear();
            list.addAll(existing.getOrDefault(c, java.util.Set.of()));
            list.sort(null);
        });
    }

    private ArangoCollection collection(String logical) {
        return db.collection(currentNames.get(logical));
    }

    private List<String> live() {
        return captured.stream().filter(c -> currentNames.get(c) != null).toList();
    }

    /** Inserts {@code perCollection} documents into every collection, captured or not. */
    synchronized void seed(int perCollection) {
        for (String c : keys.keySet()) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int i = 0; i < perCollection; i++) {
                String key = "s" + next++;
                docs.add(Map.of("_key", key, "n", i, "pad", "p".repeat(100)));
                keys.get(c).add(key);
            }
            collection(c).insertDocuments(docs);
        }
    }

    /** {@code ops} random operations. */
    synchronized void run(int ops) {
        for (int i = 0; i < ops; i++) {
            step();
        }
    }

    private void step() {
        List<String> live = live();
        int choice = random.nextInt(20);
        if (choice < 2 || live.isEmpty()) {
            insert(uncaptured);
            return;
        }
        String c = live.get(random.nextInt(live.size()));
        List<String> present = keys.get(c);
        if (present.isEmpty() || choice < 8) {
            insert(c);
        } else if (choice < 12) {
            collection(c).updateDocument(pick(present), Map.of("v", random.nextInt()));
        } else if (choice < 14) {
            collection(c).replaceDocument(pick(present), Map.of("replaced", random.nextInt()));
        } else if (choice < 17) {
            collection(c).deleteDocument(present.remove(random.nextInt(present.size())));
        } else if (choice < 18) {
            String a = "m" + next++;
            String b = "m" + next++;
            collection(c).insertDocuments(List.of(Map.of("_key", a), Map.of("_key", b)));
            present.add(a);
            present.add(b);
        } else {
            transaction(2 + random.nextInt(LARGEST_TRANSACTION - 1), random.nextInt(4) != 0, null);
        }
    }

    /** {@code ops} inserts into the collection the stream does not capture (filtered markers only). */
    synchronized void runUncaptured(int ops) {
        for (int i = 0; i < ops; i++) {
            insert(uncaptured);
        }
    }

    private void insert(String c) {
        String key = "k" + next++;
        collection(c).insertDocument(Map.of("_key", key, "v", random.nextInt()));
        keys.get(c).add(key);
    }

    private String pick(List<String> present) {
        return present.get(random.nextInt(present.size()));
    }

    /**
     * A stream transaction over the captured collections: inserts, updates and removes.
     *
     * @param ops     how many operations
     * @param commit  commit it (else abort: nothing of it reaches the WAL)
     * @param markKey if not null, the operation in the middle inserts a document with this key into the first
     *                captured collection (a line fault can target its marker)
     * @return its id (the WAL's tid)
     */
    synchronized String transaction(int ops, boolean commit, String markKey) {
        List<String> live = live();
        String[] names = live.stream().map(currentNames::get).toArray(String[]::new);
        StreamTransactionEntity tx = db.beginStreamTransaction(new StreamTransactionOptions().writeCollections(names));
        String id = tx.getId();
        Map<String, List<String>> inserted = new HashMap<>();
        Map<String, List<String>> removed = new HashMap<>();
        for (int i = 0; i < ops; i++) {
            if (markKey != null && i == ops / 2) {
                String first = live.get(0);
                collection(first).insertDocument(Map.of("_key", markKey), new DocumentCreateOptions().streamTransactionId(id));
                inserted.computeIfAbsent(first, x -> new ArrayList<>()).add(markKey);
                continue;
            }
            String c = live.get(random.nextInt(live.size()));
            List<String> present = new ArrayList<>(keys.get(c));
            present.removeAll(removed.getOrDefault(c, List.of()));
            int choice = random.nextInt(4);
            if (present.isEmpty() || choice < 2) {
                String key = "t" + next++;
                collection(c).insertDocument(Map.of("_key", key, "tx", i), new DocumentCreateOptions().streamTransactionId(id));
                inserted.computeIfAbsent(c, x -> new ArrayList<>()).add(key);
            } else if (choice == 2) {
                collection(c).updateDocument(pick(present), Map.of("tx", i), new DocumentUpdateOptions().streamTransactionId(id));
            } else {
                String key = pick(present);
                collection(c).deleteDocument(key, new DocumentDeleteOptions().streamTransactionId(id));
                removed.computeIfAbsent(c, x -> new ArrayList<>()).add(key);
            }
        }
        if (commit) {
            db.commitStreamTransaction(id);
            inserted.forEach((c, list) -> keys.get(c).addAll(list));
            removed.forEach((c, list) -> keys.get(c).removeAll(list));
        } else {
            db.abortStreamTransaction(id);
        }
        return id;
    }

    /**
     * A committed stream transaction of {@code inserts} new documents in one captured collection, sent in
     * multi-document requests of 10,000 (a large import).
     *
     * @return its id
     */
    synchronized String largeTransaction(String logical, int inserts) {
        String name = currentNames.get(logical);
        StreamTransactionEntity tx = db.beginStreamTransaction(new StreamTransactionOptions().writeCollections(name));
        List<String> added = new ArrayList<>();
        for (int done = 0; done < inserts; ) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int i = 0; i < 10_000 && done < inserts; i++, done++) {
                String key = "L" + next++;
                docs.add(Map.of("_key", key, "n", done));
                added.add(key);
            }
            collection(logical).insertDocuments(docs, new DocumentCreateOptions().streamTransactionId(tx.getId()));
        }
        db.commitStreamTransaction(tx.getId());
        keys.get(logical).addAll(added);
        return tx.getId();
    }

    /** A key that exists now in a captured collection (for a line fault that targets it), or null. */
    synchronized String existingKey(String logical) {
        List<String> present = keys.get(logical);
        return present.isEmpty() ? null : present.get(random.nextInt(present.size()));
    }

    /** Inserts one document with a given key into a captured collection (a line fault can target its marker). */
    synchronized void insert(String logical, String key) {
        collection(logical).insertDocument(Map.of("_key", key, "v", random.nextInt()));
        keys.get(logical).add(key);
    }
}
