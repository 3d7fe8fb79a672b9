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
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.FakeReplicationSource;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review of s7-threads: what a follower reader reports to a shard's shadow when a read of it ends with an Error. */
class FollowerReaderReviewTest {

    private final ExecutorService pumps = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutDown() {
        pumps.shutdownNow();
        timer.shutdownNow();
    }

    /**
     * Fails when an Error in a read (an OutOfMemoryError in a poll's second {@code wal/tail} call) ends the reader's
     * turns without giving its trackers up or starting its inner stream again: the changes of the poll's first call
     * were lost with the Error, the next read went on after them, and the shard's shadow moved past follower changes
     * the leader never delivered; a fail-over to the follower would continue after them, and they would be lost.
     */
    @Test
    void anErrorInAReadMovesNoShadowPastAnUnreportedChange() throws Exception {
        FakeReplicationSource fake = new FakeReplicationSource();
        fake.createCollection("a");
        long start = fake.lastTick();
        InMemoryPositionStore memory = new InMemoryPositionStore();
        memory.save("f", ChangePosition.tail(start, 0));
        AtomicBoolean failed = new AtomicBoolean();
        ChangeStream inner = new ChangeStream(new FaultySource(fake, new AtomicInteger(), before -> {
            if (before != null && !before.markers().isEmpty() && failed.compareAndSet(false, true)) {
                throw new OutOfMemoryError("Java heap space (test)");
            }
        }), ChangeStreamOptions.builder().streamKey("f").idleMinWait(Duration.ofMillis(10))
                .idleMaxWait(Duration.ofMillis(20)).tailChunkSize(16 * 1024).includeCollections(Set.of("a")).build()
                .forFollowedShards("f", Set.of("a")), memory);
        FollowerReader reader = new FollowerReader("s2", null, inner, start, new ServerReadLoop("s2", pumps, timer));
        try {
            ShadowTracker tracker = reader.track("a");
            synchronized (fake) { // one write to the WAL, as a tail call sees it; 4 markers per answer: 2 calls
                List.of("k1", "k2", "k3", "k4", "k5", "k6").forEach(key -> fake.upsert("a", key));
            }
            long written = fake.lastTick();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!(failed.get() && reader.readTick() == written) && System.nanoTime() < deadline) {
                reader.start(); // as every poll does
                Thread.sleep(10);
            }
            assertTrue(failed.get(), "the Error came");

            OptionalLong shadow = tracker.shadowTick();
            assertTrue(shadow.isEmpty() || shadow.getAsLong() <= start, "the shadow is before k1 (tick "
                    + (start + 1) + "), which the leader did not deliver, or given up: " + shadow + "; the reader "
                    + "read up to " + reader.readTick());
        } finally {
            inner.close();
        }
    }
}
