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
package io.github.camelarango.replication.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ShardOrigin;

/**
 * Delivers the changes of one poll in lanes (the changes consumer's parallelShards): one lane per shard of a cluster,
 * per collection on a single server (or for a change of no shard), and one for the changes of neither (a gap, a
 * database's creation). Each lane goes in order, on a thread of the lane pool, as many at once as the pool has
 * threads; a poll of one lane, or lanes without a pool (parallelShards=1: all changes one lane), go on the calling
 * thread. A lane ends at its first change not delivered (or the failure of its sending); the other lanes end before
 * their next change, as all do when the consumer stops. {@link #deliver} returns once every lane ended.
 * <p>
 * The engine's acknowledgement is cumulative in hand-out order, so what may be committed is the
 * {@link Outcome#prefix() prefix}: the changes handed out before the first one, in the poll's order, that was not
 * delivered. The changes other lanes delivered after that one are delivered again (at-least-once). The prefix is
 * acknowledged as it grows, on the calling thread, while the lanes run (one lane: after each change, as without
 * lanes): a stop closes the engine before the poll ends, and a closed cluster engine takes no acknowledgement.
 * <p>
 * What the lanes share is thread-safe: the consumer's exchange factory (Camel's, a concurrent pool), its exception
 * handler ({@link FailureLog} is synchronised), {@link ChangeMessages} (no mutable state) and the engine's metrics
 * (read only). Each change is written and sent by one lane only.
 */
public final class ShardLanes {

    /** How often the wait for the lanes checks whether the pool was shut down under them (its queued lanes dropped). */
    private static final long POOL_CHECK_MILLIS = 100;

    /** The lane pool; null: one lane, on the calling thread. */
    private final ExecutorService pool;

    private ShardLanes(ExecutorService pool) {
        this.pool = pool;
    }

    /** All changes of a poll in one lane, on the poll's thread (parallelShards=1). */
    public static ShardLanes single() {
        return new ShardLanes(null);
    }

    /** A lane per shard (collection), on the threads of {@code pool}, as many at once as it has threads. */
    public static ShardLanes on(ExecutorService pool) {
        return new ShardLanes(pool);
    }

    /**
     * What one poll's lanes delivered.
     *
     * @param prefix  how many of the poll's first changes, in hand-out order, were delivered: every change before the
     *                first one not delivered (all of them when each was delivered)
     * @param failure the failure that ended a lane (an Error as an {@link ErrorDuringPollException}), with those of
     *                other lanes suppressed; null when none failed
     */
    public record Outcome(int prefix, RuntimeException failure) {
    }

    /**
     * Sends the changes in lanes and waits until every lane ended.
     *
     * @param  events      the poll's changes, in hand-out order
     * @param  batching    whether a lane's changes go as one unit (one batch exchange) rather than one by one
     * @param  send        sends one unit, synchronously: whether it was delivered (it reported its failure itself)
     * @param  running     whether the consumer may send more (false once it stops)
     * @param  acknowledge told, on the calling thread, each time the prefix grew: how many of the first changes were
     *                     delivered now (more than it was told before)
     * @return             what was delivered
     */
    public Outcome deliver(List<ChangeEvent> events, boolean batching, Predicate<List<ChangeEvent>> send,
                           BooleanSupplier running, IntConsumer acknowledge) {
        List<Lane> lanes = pool == null ? List.of(new Lane(events, allIndexes(events.size()))) : split(events);
        AtomicBoolean stop = new AtomicBoolean();
        BooleanSupplier goOn = () -> !stop.get() && running.getAsBoolean();
        Acknowledged acknowledged = new Acknowledged(events.size(), lanes, acknowledge);
        if (lanes.size() == 1) {
            lanes.get(0).run(batching, send, goOn, stop, acknowledged::grow);
        } else {
            runOnPool(lanes, batching, send, goOn, stop, acknowledged);
        }
        acknowledged.grow();
        return outcome(events.size(), lanes);
    }

    /**
     * The lane of a change: its shard, else its collection (by its globally unique id when the change names it, so a
     * rename does not split the collection's changes); the changes of neither share one lane.
     */
    static String laneOf(ChangeEvent event) {
        ShardOrigin origin = event.origin();
        if (origin != null && origin.shard() != null) {
            return "shard " + origin.shard();
        }
        if (event.cuid() != null) {
            return "collection " + event.cuid(); // its id stays when it is renamed: one lane before and after
        }
        return event.collection() != null ? "collection " + event.collection() : "none";
    }

    private static List<Lane> split(List<ChangeEvent> events) {
        Map<String, List<Integer>> byLane = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byLane.computeIfAbsent(laneOf(events.get(i)), lane -> new ArrayList<>()).add(i);
        }
        List<Lane> lanes = new ArrayList<>(byLane.size());
        byLane.values().forEach(indexes -> lanes.add(new Lane(indexes.stream().map(events::get).toList(),
                indexes.stream().mapToInt(Integer::intValue).toArray())));
        return lanes;
    }

    private static int[] allIndexes(int size) {
        int[] indexes = new int[size];
        for (int i = 0; i < size; i++) {
            indexes[i] = i;
        }
        return indexes;
    }

    /**
     * Runs the lanes on the pool and waits for all of them, also when interrupted (the lanes are told to stop: what
     * they delivered must be known before anything is committed), acknowledging the prefix whenever a lane delivered.
     * A lane the pool refused or dropped (shut down) did not run: nothing of it was delivered.
     */
    private void runOnPool(List<Lane> lanes, boolean batching, Predicate<List<ChangeEvent>> send, BooleanSupplier goOn,
                           AtomicBoolean stop, Acknowledged acknowledged) {
        CountDownLatch ended = new CountDownLatch(lanes.size());
        Semaphore progressed = new Semaphore(0);
        for (Lane lane : lanes) {
            try {
                pool.execute(() -> {
                    try {
                        lane.run(batching, send, goOn, stop, progressed::release);
                    } finally {
                        ended.countDown();
                        progressed.release();
                    }
                });
            } catch (RejectedExecutionException e) { // the pool was shut down: the consumer stops
                stop.set(true);
                ended.countDown();
            }
        }
        boolean interrupted = false;
        RuntimeException notAcknowledged = null;
        while (true) {
            try {
                progressed.tryAcquire(POOL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                progressed.drainPermits();
                if (notAcknowledged == null) {
                    acknowledged.grow();
                }
                if (ended.getCount() == 0 || pool.isTerminated()) {
                    break; // terminated: every lane that ran ended, the others were dropped before their start
                }
            } catch (InterruptedException e) {
                interrupted = true;
                stop.set(true);
            } catch (RuntimeException e) { // thrown once the lanes ended, which are told to stop
                notAcknowledged = e;
                stop.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (notAcknowledged != null) {
            throw notAcknowledged;
        }
    }

    private static Outcome outcome(int size, List<Lane> lanes) {
        RuntimeException failure = null;
        for (Lane lane : lanes) {
            RuntimeException failed = lane.failure;
            if (failed != null) {
                if (failure == null) {
                    failure = failed;
                } else {
                    failure.addSuppressed(failed);
                }
            }
        }
        return new Outcome(prefix(size, lanes), failure);
    }

    /**
     * How many of the poll's first changes were delivered: those before the first one of any lane not delivered yet.
     * Read while lanes run it is a bound that only grows (each lane's count only grows).
     */
    private static int prefix(int size, List<Lane> lanes) {
        int prefix = size;
        for (Lane lane : lanes) {
            int sent = lane.delivered;
            if (sent < lane.indexes.length) {
                prefix = Math.min(prefix, lane.indexes[sent]);
            }
        }
        return prefix;
    }

    /** The prefix told to the caller so far; only the calling thread grows it. */
    private static final class Acknowledged {

        private final int size;
        private final List<Lane> lanes;
        private final IntConsumer acknowledge;
        private int told;

        Acknowledged(int size, List<Lane> lanes, IntConsumer acknowledge) {
            this.size = size;
            this.lanes = lanes;
            this.acknowledge = acknowledge;
        }

        /** Tells the caller the prefix when it grew since it was last told. */
        void grow() {
            int prefix = prefix(size, lanes);
            if (prefix > told) {
                told = prefix;
                acknowledge.accept(prefix);
            }
        }
    }

    /** The changes of one lane, in hand-out order, with their places in the poll, and how far it got. */
    private static final class Lane {

        private final List<ChangeEvent> events;
        /** The place in the poll of each of {@link #events}. */
        private final int[] indexes;
        /** How many of the first events were delivered; read by the poll's thread once the lane ended. */
        private volatile int delivered;
        private volatile RuntimeException failure;

        Lane(List<ChangeEvent> events, int[] indexes) {
            this.events = events;
            this.indexes = indexes;
        }

        /**
         * Sends the lane's changes one by one (or all as one unit with batching) while {@code goOn}, running
         * {@code progressed} after each delivered unit; a change not delivered, or a failure, stops the other lanes
         * before their next change.
         */
        void run(boolean batching, Predicate<List<ChangeEvent>> send, BooleanSupplier goOn, AtomicBoolean stop,
                 Runnable progressed) {
            try {
                if (batching) {
                    if (!events.isEmpty() && goOn.getAsBoolean() && send.test(events)) {
                        delivered = events.size();
                        progressed.run();
                    }
                } else {
                    for (ChangeEvent event : events) {
                        if (!goOn.getAsBoolean() || !send.test(List.of(event))) {
                            break;
                        }
                        delivered++;
                        progressed.run();
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                failure = new ErrorDuringPollException("Delivering the changes of lane '" + laneOf(events.get(
                        Math.min(delivered, events.size() - 1))) + "' failed; the next poll delivers again every "
                        + "change after the last committed one", e);
            } finally {
                if (delivered < events.size()) {
                    stop.set(true);
                }
            }
        }
    }
}
