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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDatabase;
import com.arangodb.entity.StreamTransactionEntity;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.DocumentDeleteOptions;
import com.arangodb.model.DocumentReplaceOptions;
import com.arangodb.model.DocumentUpdateOptions;
import com.arangodb.model.StreamTransactionOptions;

/**
 * Random writes through the official ArangoDB Java driver: inserts, updates, replaces, removes, multi-document
 * inserts, and stream transactions that commit or abort. Documents written only by aborted transactions get keys
 * starting with {@code aborted-}, so that a test can check none of them ever shows up. One writer thread at a time.
 */
final class RandomWorkload {

    private final ArangoDatabase db;
    private final List<String> collections;
    private final Random random;
    private final Map<String, List<String>> keys = new HashMap<>();
    private final Set<String> abortedKeys = ConcurrentHashMap.newKeySet();
    private int next;

    RandomWorkload(ArangoDatabase db, List<String> collections, long seed) {
        this.db = db;
        this.collections = collections;
        this.random = new Random(seed);
        collections.forEach(c -> keys.put(c, new ArrayList<>()));
    }

    /** Inserts {@code count} documents into every collection. */
    void seed(int count) {
        for (String c : collections) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = "s" + (next++);
                docs.add(Map.of("_key", key, "n", i, "pad", "x".repeat(60)));
                keys.get(c).add(key);
            }
            db.collection(c).insertDocuments(docs);
        }
    }

    /** One random operation. */
    void step() {
        String c = collections.get(random.nextInt(collections.size()));
        ArangoCollection coll = db.collection(c);
        List<String> present = keys.get(c);
        int choice = random.nextInt(10);
        if (present.isEmpty() || choice < 3) {
            String key = "k" + (next++);
            coll.insertDocument(Map.of("_key", key, "v", random.nextInt()));
            present.add(key);
        } else if (choice < 5) {
            coll.updateDocument(pick(present), Map.of("v", random.nextInt()));
        } else if (choice == 5) {
            coll.replaceDocument(pick(present), Map.of("replaced", random.nextInt()));
        } else if (choice == 6) {
            coll.deleteDocument(present.remove(random.nextInt(present.size())));
        } else if (choice == 7) {
            String a = "m" + (next++);
            String b = "m" + (next++);
            coll.insertDocuments(List.of(Map.of("_key", a), Map.of("_key", b)));
            present.add(a);
            present.add(b);
        } else {
            streamTransaction(random.nextInt(3) != 0);
        }
    }

    private void streamTransaction(boolean commit) {
        String[] names = collections.toArray(String[]::new);
        StreamTransactionEntity tx = db.beginStreamTransaction(new StreamTransactionOptions().writeCollections(names));
        String id = tx.getId();
        Map<String, List<String>> inserted = new HashMap<>();
        Map<String, List<String>> removed = new HashMap<>();
        int ops = 1 + random.nextInt(4);
        for (int i = 0; i < ops; i++) {
            String c = names[random.nextInt(names.length)];
            ArangoCollection coll = db.collection(c);
            List<String> present = new ArrayList<>(keys.get(c));
            present.removeAll(removed.getOrDefault(c, List.of()));
            int choice = random.nextInt(3);
            if (present.isEmpty() || choice == 0) {
                String key = (commit ? "t" : "aborted-") + (next++);
                coll.insertDocument(Map.of("_key", key), new DocumentCreateOptions().streamTransactionId(id));
                inserted.computeIfAbsent(c, x -> new ArrayList<>()).add(key);
            } else if (choice == 1) {
                String key = pick(present);
                if (random.nextBoolean()) {
                    coll.updateDocument(key, Map.of("tx", i), new DocumentUpdateOptions().streamTransactionId(id));
                } else {
                    coll.replaceDocument(key, Map.of("txr", i), new DocumentReplaceOptions().streamTransactionId(id));
                }
            } else {
                String key = pick(present);
                coll.deleteDocument(key, new DocumentDeleteOptions().streamTransactionId(id));
                removed.computeIfAbsent(c, x -> new ArrayList<>()).add(key);
            }
        }
        if (commit) {
            db.commitStreamTransaction(id);
            inserted.forEach((c, list) -> keys.get(c).addAll(list));
            removed.forEach((c, list) -> keys.get(c).removeAll(list));
        } else {
            db.abortStreamTransaction(id);
            inserted.values().forEach(abortedKeys::addAll);
        }
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Keys that only aborted transactions ever wrote. */
    Set<String> abortedKeys() {
        return abortedKeys;
    }
}
