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
package io.github.camelarango.replication.cdc.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDBException;
import com.arangodb.ArangoDatabase;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.OverwriteMode;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A writer thread for the fail-over tests: random inserts, replacements, updates and removals through the official
 * driver (via a Coordinator), going on while DB-Servers fail. It records every write the Coordinator acknowledged with
 * the revision the driver returned (the new {@code _rev} of a write, the removed {@code _rev} of a removal): each of
 * them must reach the sink. A write refused with 503 (its shard has no reachable leader) is not acknowledged and
 * changes nothing; any other failure stops the writer and is reported by {@link #stop()}.
 */
public final class AcknowledgedWriter implements AutoCloseable {

    /**
     * One acknowledged write.
     *
     * @param delete whether it removed the document ({@code rev} is then the removed revision)
     * @param at     {@link System#nanoTime()} when the driver returned
     */
    public record Ack(String collection, String key, String rev, boolean delete, long at) {

        /** The change as the sink names it: collection, key, revision, write or delete. */
        public String change() {
            return Deliveries.change(collection, key, rev, delete);
        }
    }

    private final ArangoDatabase db;
    private final List<String> collections;
    private final String prefix;
    private final int keys;
    private final Random random;
    private final Map<String, Set<String>> live = new HashMap<>();
    private final List<Ack> acks = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile int refused;

    /**
     * @param prefix the prefix of the keys it writes (a test's writers of different phases keep apart)
     * @param keys   how many keys per collection it writes to (fewer: more replacements and removals)
     */
    public AcknowledgedWriter(ArangoDatabase db, List<String> collections, String prefix, int keys, long seed) {
        this.db = db;
        this.collections = List.copyOf(collections);
        this.prefix = prefix;
        this.keys = keys;
        this.random = new Random(seed);
        collections.forEach(c -> live.put(c, new HashSet<>()));
        this.thread = new Thread(this::run, "acknowledged-writer-" + prefix);
        this.thread.setDaemon(true);
    }

    /**
     * Bulk-inserts {@code count} documents ({@code seed0}, {@code seed1}, …) into each collection: what a snapshot
     * reads, not acknowledged writes to deliver.
     */
    public static void seed(ArangoDatabase db, List<String> collections, int count) {
        for (String collection : collections) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                documents.add(Map.of("_key", "seed" + i, "pad", "p".repeat(100)));
            }
            db.collection(collection).insertDocuments(documents);
        }
    }

    /** Starts writing on its own thread. */
    public AcknowledgedWriter start() {
        thread.start();
        return this;
    }

    /** {@code count} writes on the calling thread (before or instead of {@link #start()}). */
    public void write(int count) {
        for (int i = 0; i < count; i++) {
            step();
        }
    }

    /** Stops the writer, waits for its last write and fails the test if it failed for another reason than 503. */
    public void stop() {
        stopped = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new AssertionError("the writer failed: " + failure, failure);
        }
    }

    /** Waits until {@code more} writes were acknowledged after this call. */
    public void awaitMore(int more, Duration timeout) {
        int target = acks().size() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acks().size() < target) {
            if (failure != null) {
                fail("the writer failed: " + failure);
            }
            if (System.nanoTime() > deadline) {
                fail("the writer got " + (acks().size() - target + more) + " of " + more + " acknowledged writes in "
                        + timeout + " (" + refused + " refused with 503)");
            }
            LockSupport.parkNanos(1_000_000); // not a spin: the route under test shares the machine's cores
        }
    }

    /** @return the acknowledged writes so far, in order */
    public synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** @return the acknowledged writes from the {@code from}th on, in order */
    public synchronized List<Ack> acksSince(int from) {
        return List.copyOf(acks.subList(from, acks.size()));
    }

    /** @return how many writes the Coordinator refused with 503 */
    public int refused() {
        return refused;
    }

    private void run() {
        try {
            while (!stopped) {
                step();
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void step() {
        String name = collections.get(random.nextInt(collections.size()));
        ArangoCollection collection = db.collection(name);
        Set<String> existing = live.get(name);
        int choice = random.nextInt(10);
        try {
            if (choice < 3 && !existing.isEmpty()) {
                String key = any(existing);
                String rev = collection.deleteDocument(key).getRev();
                existing.remove(key);
                acknowledged(new Ack(name, key, rev, true, System.nanoTime()));
            } else if (choice < 5 && !existing.isEmpty()) {
                String key = any(existing);
                String rev = collection.updateDocument(key, Map.of("u", random.nextInt(1000))).getRev();
                acknowledged(new Ack(name, key, rev, false, System.nanoTime()));
            } else {
                String key = prefix + random.nextInt(keys);
                String rev = collection.insertDocument(Map.of("_key", key, "v", random.nextInt(1000)),
                        new DocumentCreateOptions().overwriteMode(OverwriteMode.replace)).getRev();
                existing.add(key);
                acknowledged(new Ack(name, key, rev, false, System.nanoTime()));
            }
        } catch (ArangoDBException e) {
            if (e.getResponseCode() == null || e.getResponseCode() != 503) {
                throw e;
            }
            refused++;
        }
    }

    private synchronized void acknowledged(Ack ack) {
        acks.add(ack);
    }

    private String any(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list.get(random.nextInt(list.size()));
    }

    @Override
    public void close() {
        stopped = true;
    }
}
