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
package io.github.camelarango.replication.demo;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.arangodb.ArangoCollection;

/**
 * Live traffic while the route runs: a thread that, in turn, inserts a new order, ships an existing one (update) and
 * cancels another (delete), pausing between writes. Each write is one write-ahead log marker, so the route must see
 * exactly {@link #upserts()} upserts and {@link #deletes()} deletes after the snapshot.
 */
final class DemoWriter implements Runnable {

    private static final long PAUSE_MILLIS = 15;

    private final ArangoCollection orders;
    private final int sampleOrders;
    private final int changes;
    private final AtomicInteger inserts = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private volatile Throwable failure;

    /**
     * @param orders       the demo collection
     * @param sampleOrders how many sample orders exist (keys 1..sampleOrders), the ones updated and deleted
     * @param changes      how many writes to make
     */
    DemoWriter(ArangoCollection orders, int sampleOrders, int changes) {
        if (2 * (changes / 3 + 1) > sampleOrders) {
            throw new IllegalArgumentException("demo.changes is " + changes + " and demo.documents " + sampleOrders
                    + "; the writer updates and deletes distinct sample orders, so demo.documents must be at least "
                    + 2 * (changes / 3 + 1));
        }
        this.orders = orders;
        this.sampleOrders = sampleOrders;
        this.changes = changes;
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < changes; i++) {
                write(i);
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void write(int i) {
        switch (i % 3) {
            case 0 -> {
                orders.insertDocument(DemoDatabase.order(sampleOrders + 1 + inserts.get()));
                inserts.incrementAndGet();
            }
            case 1 -> {
                // sample orders 1, 3, 5, … are shipped
                orders.updateDocument(DemoDatabase.orderKey(1 + 2 * updates.get()),
                        Map.of("status", "shipped"));
                updates.incrementAndGet();
            }
            default -> {
                // sample orders 2, 4, 6, … are cancelled (never the same as an updated one)
                orders.deleteDocument(DemoDatabase.orderKey(2 + 2 * deletes.get()));
                deletes.incrementAndGet();
            }
        }
    }

    int inserts() {
        return inserts.get();
    }

    int updates() {
        return updates.get();
    }

    int deletes() {
        return deletes.get();
    }

    /** Writes that change or create a document: ArangoDB logs inserts and updates alike (marker 2300). */
    int upserts() {
        return inserts() + updates();
    }

    /** The error that stopped the writer, or null. */
    Throwable failure() {
        return failure;
    }
}
