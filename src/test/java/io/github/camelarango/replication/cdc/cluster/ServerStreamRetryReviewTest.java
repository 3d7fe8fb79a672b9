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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.FakeReplicationSource;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import io.github.camelarango.replication.cdc.ReplicationSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of s7-threads: a DB-Server's stream that fails to read pauses before its next read (100 ms, doubled per
 * failure), also when the cluster stream's poll, woken by the failure's signal, asks it to read ahead again before the
 * failed read ended; a take hands out what it moved, whatever its wake of the read loop meets; a stopped stream leaves
 * its server's read loop for good.
 */
class ServerStreamRetryReviewTest {

    private final FakeReplicationSource fake = new FakeReplicationSource();
    private final RefusingPool pumps = new RefusingPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ChangeStream inner;
    private ServerStream stream;

    @AfterEach
    void shutDown() {
        if (stream != null) {
            stream.stopReading();
            inner.close();
        }
        pumps.shutdownNow();
        timer.shutdownNow();
    }

    /** The stream of server s1 over collection a (shard a) of {@code source}, telling {@code signal} what arrived. */
    private ServerStream open(ReplicationSource source, Runnable signal) {
        fake.createCollection("a");
        inner = new ChangeStream(source, ChangeStreamOptions.builder().streamKey("test")
                .idleMinWait(Duration.ofMillis(10)).idleMaxWait(Duration.ofMillis(20)).tailChunkSize(16 * 1024)
                .includeCollections(Set.of("a")).build(), new InMemoryPositionStore());
        stream = new ServerStream("test", "s1", "s1", null, Map.of("a", "A"), null, inner, event -> false,
                new ServerReadLoop("s1", pumps, timer), signal);
        return stream;
    }

    /**
     * Fails when the reads of a server that is down follow each other without a pause: the failure's signal wakes the
     * poll thread, whose next poll asks the stream to read ahead while the failed read still ends, and the read loop
     * took that for a turn due at once.
     */
    @Test
    void aServerThatIsDownIsAskedAfterAGrowingPauseOnly() throws Exception {
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger tails = new AtomicInteger();
        AtomicReference<ServerStream> self = new AtomicReference<>();
        // the poll thread, woken by the signal, polls again at once: it asks the stream to read ahead
        self.set(open(new FaultySource(fake, tails, before -> {
            if (down.get()) {
                throw new ChangeStreamException("tail: connection refused (fake)");
            }
        }), () -> self.get().readAhead(10)));
        awaitTail();

        down.set(true);
        int before = tails.get();
        long downSince = System.nanoTime();
        while (System.nanoTime() - downSince < Duration.ofSeconds(1).toNanos()) {
            stream.readAhead(10); // a poll every 20 ms
            Thread.sleep(20);
        }
        int asked = tails.get() - before;
        // pauses of 100, 200, 400, 800 ms: at most 5 reads in the first second
        assertTrue(asked <= 5, "a server that is down was asked " + asked + " times in a second");
        assertTrue(stream.unreachableSince().isPresent());
    }

    /**
     * Fails when an Error in a read (an OutOfMemoryError while a poll made its second {@code wal/tail} call) ends the
     * stream's turns without starting its inner stream again from its committed position: the inner stream's poll
     * had handed the events of its first call to the caller's list and lost them with the Error, the next read went on
     * after them, and their later events' acknowledgements saved a position past them (the consumer rewinds after an
     * Error in its own poll for this reason; here the Error came on the read loop's thread, which only logged it).
     */
    @Test
    void anErrorInAReadLosesNoChange() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger tails = new AtomicInteger();
        open(new FaultySource(fake, tails, before -> {
            if (before != null && !before.markers().isEmpty() && failed.compareAndSet(false, true)) {
                throw new OutOfMemoryError("Java heap space (test)");
            }
        }), () -> { });
        awaitTail();
        List<String> written = List.of("k1", "k2", "k3", "k4", "k5", "k6"); // 4 markers per answer: 2 calls
        synchronized (fake) { // one write to the WAL, as a tail call sees it
            written.forEach(key -> fake.upsert("a", key));
        }

        List<String> delivered = new ArrayList<>();
        List<ChangeEvent> taken = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!delivered.containsAll(written) && System.nanoTime() < deadline) {
            stream.readAhead(10);
            taken.clear();
            stream.take(taken, 10);
            taken.forEach(event -> delivered.add(event.key()));
            taken.forEach(event -> stream.acknowledge(event, true));
            Thread.sleep(5);
        }
        assertTrue(failed.get(), "the Error came");
        assertTrue(delivered.containsAll(written), "every change is delivered (again after the Error): " + delivered);
    }

    /**
     * Fails when a take moves an event to the awaited ones and then throws (its wake of the read loop refused by the
     * executor): the cluster stream's poll loses the event it was gathering, the consumer does not rewind the cluster
     * stream after a failed poll, and the acknowledgement of a later event of the server covers it: a change never
     * delivered, its position saved. The refusal is reported by the next poll's readAhead, before anything is taken.
     */
    @Test
    void aTakeWhoseWakeIsRefusedStillHandsOutTheEvent() throws Exception {
        open(fake, () -> { });
        fake.upsert("a", "k1");
        fake.upsert("a", "k2");
        stream.readAhead(1); // one event ahead: the loop's task ends once it is buffered
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!stream.hasBuffered() || pumps.getActiveCount() > 0) {
            assertTrue(System.nanoTime() < deadline, "nothing was read ahead");
            Thread.sleep(5);
        }
        pumps.refuseWith(() -> { // e.g. a bounded pool that is full
            throw new RejectedExecutionException("refused (test)");
        });

        List<ChangeEvent> taken = new ArrayList<>();
        assertEquals(1, stream.take(taken, 1), "the buffered event is handed out");
        assertEquals("k1", taken.get(0).key());
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class,
                () -> stream.readAhead(1), "the next poll reports the refusal");
        assertEquals("refused (test)", refused.getMessage());
    }

    /**
     * Fails when a stream that stopped reading (or closed) keeps its place in the read loop after a turn: a wake that
     * comes after its removal (the timer ending a pause while the stream is being stopped) adds it again, and its read
     * then said WAIT, so the loop held the stopped stream (its inner stream, its client) until the cluster stream was
     * dropped.
     */
    @Test
    void aStoppedStreamLeavesItsReadLoopAtItsNextTurn() {
        open(fake, () -> { }).stopReading();
        assertEquals(ServerReadLoop.DONE, stream.readOnce(), "a stopped stream never reads again");
    }

    /** Reads ahead until the stream tails (the snapshot of empty a is done). */
    private void awaitTail() throws InterruptedException {
        stream.readAhead(10);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (inner.committedPosition().map(p -> p.isSnapshot()).orElse(true)) {
            assertTrue(System.nanoTime() < deadline, "the snapshot of empty a did not end");
            stream.readAhead(10);
            Thread.sleep(10);
        }
    }
}
