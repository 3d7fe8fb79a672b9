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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server call that fails in the middle of a poll, and a rewind before the first commit, never make the stream skip
 * a change: everything not committed is delivered by a later poll.
 */
class ChangeStreamFailureRecoveryTest {

    @Test
    void aTailCallFailingAfterAnEarlierCallOfTheSamePollLosesNothing() {
        FakeReplicationSource fake = new FakeReplicationSource();
        fake.createCollection("a");
        List<String> delivered = new ArrayList<>();
        try (ChangeStream stream = new ChangeStream(fake, options().snapshotMode(SnapshotMode.NEVER).build(),
                new InMemoryPositionStore())) {
            stream.poll(50);
            for (int i = 0; i < 10; i++) {
                fake.upsert("a", "k" + i);
            }
            // the first call of the next poll answers (a small chunk, checkmore true), the second one fails
            fake.failTailCall(2);
            assertThrows(ChangeStreamException.class, () -> stream.poll(50));
            pollAndCommit(stream, delivered, 10);
        }
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), delivered);
    }

    @Test
    void aDumpFailingAfterACompletedCollectionOfTheSamePollLosesNothing() {
        FakeReplicationSource fake = new FakeReplicationSource();
        fake.createCollection("a");
        fake.upsert("a", "a0");
        fake.createCollection("b");
        for (int i = 0; i < 9; i++) {
            fake.upsert("b", "b" + i);
        }
        fake.failDumpCall(2); // collection a is dumped whole, then the dump of b fails
        List<String> delivered = new ArrayList<>();
        try (ChangeStream stream = new ChangeStream(fake, options().build(), new InMemoryPositionStore())) {
            // a's completion (a notification) ends the poll after a0, which is handed out but not committed
            assertEquals(List.of("a0"), stream.poll(50).stream().map(ChangeEvent::key).toList());
            assertThrows(ChangeStreamException.class, () -> stream.poll(50));
            pollAndCommit(stream, delivered, 20);
        }
        assertTrue(delivered.contains("a0"), "delivered " + delivered);
        for (int i = 0; i < 9; i++) {
            assertTrue(delivered.contains("b" + i), "delivered " + delivered);
        }
    }

    @Test
    void neverModeRewoundBeforeItsFirstCommitResumesFromItsStartingTick() {
        FakeReplicationSource fake = new FakeReplicationSource();
        fake.createCollection("a");
        fake.upsertAfterNextLastTick("a", "y"); // written right after the stream chose its starting tick
        InMemoryPositionStore store = new InMemoryPositionStore();
        List<String> delivered = new ArrayList<>();
        try (ChangeStream stream = new ChangeStream(fake, options().snapshotMode(SnapshotMode.NEVER).build(), store)) {
            assertEquals(List.of("y"), stream.poll(10).stream().map(ChangeEvent::key).toList());
            assertTrue(store.load("test").isPresent(), "the starting tick is saved before the first event is handed out");
            stream.rewind(); // the route failed on y
            fake.upsert("a", "z");
            pollAndCommit(stream, delivered, 5);
        }
        assertEquals(List.of("y", "z"), delivered);
    }

    private static void pollAndCommit(ChangeStream stream, List<String> delivered, int polls) {
        for (int i = 0; i < polls; i++) {
            List<ChangeEvent> events = stream.poll(50);
            events.forEach(e -> delivered.add(e.key()));
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            }
        }
    }

    private static ChangeStreamOptions.Builder options() {
        return ChangeStreamOptions.builder().streamKey("test").idleMinWait(Duration.ZERO).idleMaxWait(Duration.ZERO)
                .initialDumpChunkSize(300).maxDumpChunkSize(300).tailChunkSize(16384);
    }
}
