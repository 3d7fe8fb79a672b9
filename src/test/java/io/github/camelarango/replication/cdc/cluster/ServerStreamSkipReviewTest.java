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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.FakeReplicationSource;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of b701e7c: a change a server's stream does not hand out (its shard released to another leader, or delivered
 * before a fail-over) must not hold that stream's position back.
 */
class ServerStreamSkipReviewTest {

    /**
     * Fails when a change that is not handed out, read while one handed out before it awaits delivery, keeps the
     * stream's position before it once the handed-out one was committed and nothing else comes: the skip is acknowledged only
     * when nothing was buffered or awaited at the moment it was read, so it stays awaited by the inner stream until
     * the next change of the server (no idle save, no heartbeat, the WAL registration not moved meanwhile).
     */
    @Test
    void aSkippedChangeAfterAHandedOutOneDoesNotHoldThePositionBack() throws Exception {
        FakeReplicationSource source = new FakeReplicationSource();
        source.createCollection("a");
        source.createCollection("b");
        InMemoryPositionStore store = new InMemoryPositionStore();
        ChangeStream inner = new ChangeStream(source, ChangeStreamOptions.builder().streamKey("test")
                .idleMinWait(Duration.ofMillis(10)).idleMaxWait(Duration.ofMillis(20))
                .includeCollections(Set.of("a", "b")).build(), store);
        ExecutorService pumps = Executors.newSingleThreadExecutor();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ServerStream stream = new ServerStream("test", "s1", "s1", null, Map.of("a", "A", "b", "B"), null, inner,
                event -> false, new ServerReadLoop("s1", pumps, timer), () -> { });
        try {
            stream.readAhead(10);
            awaitTail(inner);
            stream.release("b"); // shard b is led by another server now

            source.upsert("a", "z");
            List<ChangeEvent> taken = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (taken.isEmpty() && System.nanoTime() < deadline) {
                stream.readAhead(10);
                stream.take(taken, 10);
                Thread.sleep(5);
            }
            assertEquals(1, taken.size(), () -> "the change of a: " + taken);
            // while the route delivers it, the server logs a write of b, which it follows now: not handed out here
            source.upsert("b", "y");
            long last = source.lastTick();
            Thread.sleep(300); // the pump reads it (every 20 ms when idle)
            stream.acknowledge(taken.get(0), true);

            deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline && inner.committedPosition().get().from() != last) {
                stream.readAhead(10);
                inner.saveDelivered(); // as the consumer does once per poll
                Thread.sleep(20);
            }
            assertEquals(last, inner.committedPosition().get().from(), "the stream's saved position stays before "
                    + "the change of the released shard b after the change of a was committed (server at " + last
                    + "): " + inner.committedPosition().get());
        } finally {
            stream.stopReading();
            inner.close();
            pumps.shutdownNow();
            timer.shutdownNow();
        }
    }

    private static void awaitTail(ChangeStream inner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (inner.committedPosition().map(p -> p.isSnapshot()).orElse(true)) {
            assertTrue(System.nanoTime() < deadline, "the snapshot of empty a and b did not end: "
                    + inner.committedPosition());
            Thread.sleep(10);
        }
    }
}
