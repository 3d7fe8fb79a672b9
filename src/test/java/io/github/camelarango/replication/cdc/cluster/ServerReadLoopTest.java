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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The turns of a DB-Server's readers: one read at a time, none lost, none after removal. */
class ServerReadLoopTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final ServerReadLoop loop = new ServerReadLoop("s1", executor, timer);
    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    /** A reader that counts its turns and answers what {@code outcome} says for each. */
    private final class Counting implements ServerReadLoop.Reader {
        private final AtomicInteger turns = new AtomicInteger();
        private final LongSupplier outcome;

        Counting(LongSupplier outcome) {
            this.outcome = outcome;
        }

        @Override
        public long readOnce() {
            most.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
                turns.incrementAndGet();
                return outcome.getAsLong();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ServerReadLoop.DONE;
            } finally {
                reading.decrementAndGet();
            }
        }
    }

    /** Fails when two readers of one server read at the same time, or one of them gets no turn. */
    @Test
    void readersTakeTurnsOneAtATime() throws Exception {
        List<Counting> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AtomicInteger left = new AtomicInteger(20);
            readers.add(new Counting(() -> left.decrementAndGet() > 0 ? ServerReadLoop.AGAIN
                    : ServerReadLoop.DONE));
        }
        readers.forEach(loop::wake);
        awaitTrue(() -> readers.stream().allMatch(r -> r.turns.get() == 20));
        assertEquals(1, most.get(), "one read at a time");
    }

    /** Fails when a wake that comes during a read that then says WAIT is lost: the reader would never read again. */
    @Test
    void aWakeDuringAReadGivesAnotherTurnAfterIt() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        wokenDuringItsFirstRead(ServerReadLoop.WAIT, turns); // the buffer got room while it read
        awaitTrue(() -> turns.get() == 2);
    }

    /**
     * Fails when a wake cuts a pause after a failed read short (every poll wakes the readers: a server that is down
     * would be asked, and its failure logged, at every poll), or when the pause's end gives no turn.
     */
    @Test
    void aPauseEndsOnItsTimerOnly() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        ServerReadLoop.Reader reader = () -> turns.incrementAndGet() == 1 ? 60_000 : ServerReadLoop.WAIT;
        loop.wake(reader);
        awaitTrue(() -> timer.getQueue().size() == 1);
        loop.wake(reader);
        loop.wake(reader);
        Counting other = new Counting(() -> ServerReadLoop.DONE);
        loop.wake(other); // a turn of another reader passes
        awaitTrue(() -> other.turns.get() == 1);
        assertEquals(1, turns.get(), "paused for a minute, whatever wakes it");

        Runnable pauseEnd = timer.getQueue().peek();
        pauseEnd.run(); // the minute is over
        awaitTrue(() -> turns.get() == 2);
    }

    /**
     * Fails when a wake that comes during the failed read (a ServerStream signals its failure before its read ends:
     * the poll thread it woke polls again and wakes the readers while the read is still under way) cuts the pause the
     * read asked for: a DB-Server that is down would be asked again at once, at every poll, without a pause.
     */
    @Test
    void aWakeDuringAFailedReadDoesNotCutItsPause() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        wokenDuringItsFirstRead(60_000, turns); // failed: its next read in a minute; the next poll woke it meanwhile
        awaitTrue(() -> timer.getQueue().size() == 1 || turns.get() > 1);
        Counting other = new Counting(() -> ServerReadLoop.DONE);
        loop.wake(other); // a turn of another reader passes
        awaitTrue(() -> other.turns.get() == 1);
        assertEquals(1, turns.get(), "paused for a minute, though woken during its failed read");
        assertEquals(1, timer.getQueue().size(), "its pause is on the timer");

        timer.getQueue().peek().run(); // the minute is over
        awaitTrue(() -> turns.get() == 2);
    }

    /**
     * Fails when a wake whose task the executor could not start (an Error, e.g. no native thread left) leaves the loop
     * marked as running: no later wake would submit its task again, and the server's readers would never read again
     * while nothing reports it.
     */
    @Test
    void aTaskTheExecutorCouldNotStartIsSubmittedAgainAtTheNextWake() throws Exception {
        RefusingPool pool = new RefusingPool();
        AtomicBoolean failed = new AtomicBoolean();
        pool.refuseWith(() -> {
            if (failed.compareAndSet(false, true)) {
                throw new OutOfMemoryError("unable to create native thread (test)");
            }
        });
        try {
            ServerReadLoop flaky = new ServerReadLoop("s1", pool, timer);
            Counting reader = new Counting(() -> ServerReadLoop.WAIT);
            OutOfMemoryError error = assertThrows(OutOfMemoryError.class, () -> flaky.wake(reader));
            assertEquals("unable to create native thread (test)", error.getMessage());

            flaky.wake(reader); // the next poll
            awaitTrue(() -> reader.turns.get() == 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails when a removal returns while the reader still reads, or the reader reads again after it. */
    @Test
    void aRemovalWaitsForTheReadUnderWayAndEndsTheTurns() throws Exception {
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger turns = new AtomicInteger();
        ServerReadLoop.Reader reader = () -> {
            turns.incrementAndGet();
            inRead.countDown();
            await(release);
            return ServerReadLoop.AGAIN;
        };
        loop.wake(reader);
        assertTrue(inRead.await(5, TimeUnit.SECONDS));
        CountDownLatch removed = new CountDownLatch(1);
        executor.submit(() -> {
            loop.remove(reader);
            removed.countDown();
        });
        assertFalse(removed.await(200, TimeUnit.MILLISECONDS), "the read is under way");
        release.countDown();
        assertTrue(removed.await(5, TimeUnit.SECONDS));
        int after = turns.get();
        Counting other = new Counting(() -> ServerReadLoop.DONE);
        loop.wake(other); // the loop still runs for the server's other readers
        awaitTrue(() -> other.turns.get() == 1);
        assertEquals(after, turns.get(), "no turn after the removal");
    }

    /**
     * A reader whose first read says {@code first} once a wake came during it (a poll's, or a take's); WAIT after.
     * Returns when the first read may end.
     */
    private void wokenDuringItsFirstRead(long first, AtomicInteger turns) throws InterruptedException {
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        ServerReadLoop.Reader reader = () -> {
            if (turns.incrementAndGet() == 1) {
                inRead.countDown();
                await(woken);
                return first;
            }
            return ServerReadLoop.WAIT;
        };
        loop.wake(reader);
        assertTrue(inRead.await(5, TimeUnit.SECONDS));
        loop.wake(reader);
        woken.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 5 s");
            Thread.sleep(5);
        }
    }
}
