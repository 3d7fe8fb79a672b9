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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The route's last step: records every delivered change ({@link Delivery}) in order, and runs the cell's trigger, once,
 * on the consumer's thread when its condition first holds (so the consumer waits while it runs: the fault lands at a
 * known point of the stream). Also fed from a child JVM's sink file.
 */
final class RecordingSink implements Processor {

    /** Something to do at a point of the stream. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Set<String> snapshotKeys = new HashSet<>();
    private final java.util.Map<String, Integer> transactionEvents = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger documentChanges = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    private volatile Throwable triggerFailure;

    @Override
    public void process(Exchange exchange) throws Exception {
        for (Delivery d : Delivery.all(exchange)) {
            record(d);
        }
    }

    /** Records one delivery and runs the triggers whose condition now holds. */
    void record(Delivery d) throws Exception {
        deliveries.add(d);
        if (d.isSnapshotRow()) {
            synchronized (snapshotKeys) {
                snapshotKeys.add(d.collection() + "/" + d.key());
            }
        }
        if (d.txId() != null) {
            transactionEvents.merge(d.txId(), 1, Integer::sum);
        }
        if (d.isDocumentChange()) {
            documentChanges.incrementAndGet();
        }
        for (Trigger t : triggers) {
            if (t.fires(this, d)) {
                try {
                    t.action.run();
                } catch (Exception | Error e) {
                    triggerFailure = e;
                } finally {
                    t.done.countDown();
                }
            }
        }
    }

    /**
     * Registers a trigger.
     *
     * @return a latch counted down once the action ran
     */
    CountDownLatch when(BiPredicate<RecordingSink, Delivery> condition, Action action) {
        Trigger t = new Trigger(condition, action);
        triggers.add(t);
        return t.done;
    }

    /** Waits for a trigger's action; fails if it did not run in time or threw. */
    void await(CountDownLatch done, String what) throws InterruptedException {
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the stream never reached " + what + "; deliveries so far: " + deliveries.size());
        }
        if (triggerFailure != null) {
            throw new AssertionError("the action at " + what + " failed: " + triggerFailure, triggerFailure);
        }
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    int size() {
        return deliveries.size();
    }

    /** Distinct documents delivered by snapshots so far. */
    int snapshotDocuments() {
        synchronized (snapshotKeys) {
            return snapshotKeys.size();
        }
    }

    /** Events of that WAL transaction delivered so far (redeliveries included). */
    int transactionEvents(String txId) {
        return transactionEvents.getOrDefault(txId, 0);
    }

    /** UPSERT and DELETE deliveries so far (redeliveries included). */
    int documentChanges() {
        return documentChanges.get();
    }

    long count(java.util.function.Predicate<Delivery> which) {
        return deliveries.stream().filter(which).count();
    }

    private static final class Trigger {
        private final BiPredicate<RecordingSink, Delivery> condition;
        private final Action action;
        private final CountDownLatch done = new CountDownLatch(1);
        private boolean fired;

        Trigger(BiPredicate<RecordingSink, Delivery> condition, Action action) {
            this.condition = condition;
            this.action = action;
        }

        synchronized boolean fires(RecordingSink sink, Delivery d) {
            if (fired || !condition.test(sink, d)) {
                return false;
            }
            fired = true;
            return true;
        }
    }
}
