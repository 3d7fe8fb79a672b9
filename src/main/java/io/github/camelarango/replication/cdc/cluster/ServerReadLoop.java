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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a DB-Server: runs the reads of everything that reads the server (its stream over the shards it
 * leads, the streams of shards taken over on it, its {@link FollowerReader}) one read at a time, in turn, as one task
 * on the cluster stream's executor. A {@link Reader} reads once per turn and says when it wants its next turn; the task
 * ends when no reader wants one now and is submitted again when one does.
 */
final class ServerReadLoop {

    /** Something that reads the server, one read per turn. */
    interface Reader {
        /**
         * Reads once.
         *
         * @return {@link #AGAIN} for another turn at once, {@link #WAIT} for none until {@link #wake}, a positive
         *         number of milliseconds after which it wants its next turn (a retry), or {@link #DONE} when it never
         *         reads again
         */
        long readOnce();
    }

    static final long AGAIN = 0;
    static final long WAIT = -1;
    static final long DONE = -2;

    private static final Logger LOG = LoggerFactory.getLogger(ServerReadLoop.class);
    private static final long REMOVE_WAIT_MILLIS = 30_000;

    /** A reader's turn: whether it wants one, and its retry pending on the timer. */
    private static final class Turn {
        private boolean due;
        private ScheduledFuture<?> retry;
    }

    private final String serverId;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private final Map<Reader, Turn> readers = new HashMap<>();
    /** The readers that want their turn now, in turn order. */
    private final Deque<Reader> due = new ArrayDeque<>();
    private boolean looping;
    private Reader reading;
    private Thread thread;

    /**
     * @param executor runs the loop's task (at most one at a time)
     * @param timer    wakes a reader after the pause it asked for
     */
    ServerReadLoop(String serverId, ExecutorService executor, ScheduledExecutorService timer) {
        this.serverId = serverId;
        this.executor = executor;
        this.timer = timer;
    }

    /**
     * Gives {@code reader} a turn as soon as the readers before it had theirs (adds it when it is new); a reader in
     * its read gets another turn after it, unless that read said {@link #DONE}. A reader pausing after a failed read
     * gets its turn when the pause ends, not before.
     */
    void wake(Reader reader) {
        synchronized (lock) {
            Turn turn = readers.computeIfAbsent(reader, r -> new Turn());
            if (turn.retry != null) {
                return; // the pause's timer gives it its turn
            }
            if (!turn.due) {
                turn.due = true;
                if (reading != reader) {
                    due.add(reader);
                }
            }
            if (!looping && !due.isEmpty()) {
                looping = true;
                try {
                    executor.submit(this::loop);
                } catch (RuntimeException | Error e) { // shut down, or no thread: the next wake submits again
                    looping = false;
                    throw e;
                }
            }
        }
    }

    /**
     * Takes {@code reader} out of the loop and waits until a read of it under way ended (unless called from that read),
     * so that it reads no more once this returns.
     */
    void remove(Reader reader) {
        synchronized (lock) {
            Turn turn = readers.remove(reader);
            if (turn != null) {
                cancelRetry(turn);
            }
            due.remove(reader);
            long deadline = System.currentTimeMillis() + REMOVE_WAIT_MILLIS;
            while (reading == reader && thread != Thread.currentThread()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    LOG.debug("A read of DB-Server {} did not end within {} ms", serverId, REMOVE_WAIT_MILLIS);
                    return;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void loop() {
        while (true) {
            Reader next;
            synchronized (lock) {
                next = due.poll();
                if (next == null) {
                    looping = false;
                    thread = null;
                    return;
                }
                readers.get(next).due = false;
                reading = next;
                thread = Thread.currentThread();
            }
            long outcome;
            try {
                outcome = next.readOnce();
            } catch (RuntimeException | Error e) { // a reader handles its failures: this one ends
                LOG.warn("A reader of DB-Server {} ended with {}", serverId, e.toString());
                outcome = DONE;
            }
            synchronized (lock) {
                reading = null;
                lock.notifyAll();
                Turn turn = readers.get(next);
                if (turn == null) {
                    continue; // removed during its read
                }
                if (outcome == DONE) {
                    readers.remove(next);
                } else if (outcome > 0) { // a failed read: a wake during it does not cut the pause short
                    turn.due = false;
                    try {
                        turn.retry = timer.schedule(() -> paused(next), outcome, TimeUnit.MILLISECONDS);
                    } catch (RuntimeException e) { // the timer was shut down: the stream is closing
                        LOG.debug("No retry of a reader of DB-Server {}: {}", serverId, e.toString());
                    }
                } else if (turn.due || outcome == AGAIN) {
                    turn.due = true;
                    due.add(next);
                }
            }
        }
    }

    /** The pause {@code reader} asked for ended: it gets its turn (unless it was removed meanwhile). */
    private void paused(Reader reader) {
        synchronized (lock) {
            Turn turn = readers.get(reader);
            if (turn == null) {
                return;
            }
            turn.retry = null;
        }
        wake(reader);
    }

    private static void cancelRetry(Turn turn) {
        if (turn.retry != null) {
            turn.retry.cancel(false);
            turn.retry = null;
        }
    }
}
