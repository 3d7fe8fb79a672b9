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
package io.github.camelarango.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.arangodb.ArangoDatabase;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.DocumentDeleteOptions;
import com.arangodb.model.DocumentUpdateOptions;
import com.arangodb.model.StreamTransactionOptions;

/**
 * A writer thread for the consumer tests: random inserts, updates, replaces, removes, bulk inserts and stream
 * transactions (unless left out) over several collections through the official driver, until {@link #stop()} or its
 * step budget ends.
 * Transactions abort one time in three; keys inserted only by aborted transactions start with {@code aborted-} and
 * are collected in {@link #abortedKeys()}.
 */
final class DriverWorkload implements Runnable {

    private final ArangoDatabase db;
    private final List<String> collections;
    private final Random random;
    private final int steps;
    private final boolean transactions;
    private final Map<String, List<String>> live = new HashMap<>();
    private final Set<String> abortedKeys = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile Throwable failure;
    private int sequence;

    DriverWorkload(ArangoDatabase db, List<String> collections, long seed, int steps) {
        this(db, collections, seed, steps, true);
    }

    /**
     * @param transactions whether some steps are stream transactions (a cluster's Coordinator in the emulator serves
     *                     none: then those steps are bulk inserts)
     */
    DriverWorkload(ArangoDatabase db, List<String> collections, long seed, int steps, boolean transactions) {
        this.transactions = transactions;
        this.db = db;
        this.collections = collections;
        this.random = new Random(seed);
        this.steps = steps;
        collections.forEach(c -> live.put(c, new ArrayList<>()));
    }

    /** Bulk-inserts {@code count} documents into every collection (before the thread starts). */
    void seed(int count) {
        for (String collection : collections) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = "seed" + (sequence++);
                documents.add(Map.of("_key", key, "n", i, "pad", "p".repeat(40)));
                live.get(collection).add(key);
            }
            db.collection(collection).insertDocuments(documents);
        }
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < steps && !stopped; i++) {
                step();
                if (i % 10 == 0) {
                    Thread.sleep(random.nextInt(5));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    void stop() {
        stopped = true;
    }

    /** What made the writer fail, null if nothing. */
    Throwable failure() {
        return failure;
    }

    Set<String> abortedKeys() {
        return abortedKeys;
    }

    private void step() {
        String collection = collections.get(random.nextInt(collections.size()));
        List<String> keys = live.get(collection);
        int choice = random.nextInt(12);
        if (keys.isEmpty() || choice < 3) {
            String key = "k" + (sequence++);
            db.collection(collection).insertDocument(Map.of("_key", key, "v", random.nextInt(1000)));
            keys.add(key);
        } else if (choice < 6) {
            db.collection(collection).updateDocument(any(keys), Map.of("v", random.nextInt(1000)));
        } else if (choice == 6) {
            db.collection(collection).replaceDocument(any(keys), Map.of("replaced", true));
        } else if (choice < 9) {
            db.collection(collection).deleteDocument(keys.remove(random.nextInt(keys.size())));
        } else if (choice == 9 || !transactions) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String key = "b" + (sequence++);
                documents.add(Map.of("_key", key));
                keys.add(key);
            }
            db.collection(collection).insertDocuments(documents);
        } else {
            transaction(random.nextInt(3) != 0);
        }
    }

    /** 1–4 operations over random collections in one stream transaction, committed or aborted. */
    private void transaction(boolean commit) {
        String id = db.beginStreamTransaction(new StreamTransactionOptions()
                .writeCollections(collections.toArray(String[]::new))).getId();
        Map<String, List<String>> inserted = new HashMap<>();
        Map<String, List<String>> removed = new HashMap<>();
        int operations = 1 + random.nextInt(4);
        for (int i = 0; i < operations; i++) {
            String collection = collections.get(random.nextInt(collections.size()));
            List<String> candidates = new ArrayList<>(live.get(collection));
            candidates.removeAll(removed.getOrDefault(collection, List.of()));
            int choice = random.nextInt(3);
            if (candidates.isEmpty() || choice == 0) {
                String key = (commit ? "t" : "aborted-") + (sequence++);
                db.collection(collection).insertDocument(Map.of("_key", key),
                        new DocumentCreateOptions().streamTransactionId(id));
                inserted.computeIfAbsent(collection, c -> new ArrayList<>()).add(key);
            } else if (choice == 1) {
                db.collection(collection).updateDocument(any(candidates), Map.of("tx", i),
                        new DocumentUpdateOptions().streamTransactionId(id));
            } else {
                String key = any(candidates);
                db.collection(collection).deleteDocument(key, new DocumentDeleteOptions().streamTransactionId(id));
                removed.computeIfAbsent(collection, c -> new ArrayList<>()).add(key);
            }
        }
        if (commit) {
            db.commitStreamTransaction(id);
            inserted.forEach((c, keys) -> live.get(c).addAll(keys));
            removed.forEach((c, keys) -> live.get(c).removeAll(keys));
        } else {
            db.abortStreamTransaction(id);
            inserted.values().forEach(abortedKeys::addAll);
        }
    }

    private String any(List<String> keys) {
        return keys.get(random.nextInt(keys.size()));
    }
}
