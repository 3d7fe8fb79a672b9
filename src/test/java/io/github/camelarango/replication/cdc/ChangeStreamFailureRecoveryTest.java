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
        FailingSource source = new FailingSource(fake);
        List<String> delivered = new ArrayList<>();
        try (ChangeStream stream = new ChangeStream(source, options().snapshotMode(SnapshotMode.NEVER).build(),
                new InMemoryPositionStore())) {
            stream.poll(50);
            for (int i = 0; i < 10; i++) {
                fake.upsert("a", "k" + i);
            }
            // the first call of the next poll answers (a small chunk, checkmore true), the second one fails
            source.failTailCall = source.tailCalls + 2;
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
        FailingSource source = new FailingSource(fake);
        source.failDumpCall = 2; // collection a is dumped whole, then the dump of b fails in the same poll
        List<String> delivered = new ArrayList<>();
        try (ChangeStream stream = new ChangeStream(source, options().build(), new InMemoryPositionStore())) {
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
        FailingSource source = new FailingSource(fake) {
            private boolean first = true;

            @Override
            public long lastTick() {
                long tick = super.lastTick();
                if (first) {
                    first = false;
                    fake.upsert("a", "y"); // written right after the stream chose its starting tick
                }
                return tick;
            }
        };
        InMemoryPositionStore store = new InMemoryPositionStore();
        List<String> delivered = new ArrayList<>();
        try (ChangeStream stream = new ChangeStream(source, options().snapshotMode(SnapshotMode.NEVER).build(), store)) {
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
                stream.commit(events.get(events.size() - 1).position());
            }
        }
    }

    private static ChangeStreamOptions.Builder options() {
        return ChangeStreamOptions.builder().streamKey("test").idleMinWait(Duration.ZERO).idleMaxWait(Duration.ZERO)
                .initialDumpChunkSize(300).maxDumpChunkSize(300).tailChunkSize(16384);
    }

    /** The fake source, with one tail or dump call (counted from 1) failing like a connection reset. */
    private static class FailingSource implements ReplicationSource {
        private final FakeReplicationSource fake;
        int tailCalls;
        int failTailCall = -1;
        int dumpCalls;
        int failDumpCall = -1;

        FailingSource(FakeReplicationSource fake) {
            this.fake = fake;
        }

        @Override
        public String database() {
            return fake.database();
        }

        @Override
        public BatchInfo createBatch(Duration ttl) {
            return fake.createBatch(ttl);
        }

        @Override
        public void extendBatch(String batchId, Duration ttl) {
            fake.extendBatch(batchId, ttl);
        }

        @Override
        public void deleteBatch(String batchId) {
            fake.deleteBatch(batchId);
        }

        @Override
        public List<CollectionInfo> inventory(String batchId, boolean includeSystem) {
            return fake.inventory(batchId, includeSystem);
        }

        @Override
        public DumpChunk dump(String batchId, String collection, int chunkSize) {
            if (++dumpCalls == failDumpCall) {
                throw new ChangeStreamException("dump: connection reset (injected)");
            }
            return fake.dump(batchId, collection, chunkSize);
        }

        @Override
        public TailChunk tail(TailRequest request) {
            if (++tailCalls == failTailCall) {
                throw new ChangeStreamException("tail: connection reset (injected)");
            }
            return fake.tail(request);
        }

        @Override
        public long collectionCount(String collection) {
            return fake.collectionCount(collection);
        }

        @Override
        public long lastTick() {
            return fake.lastTick();
        }

        @Override
        public void unregister() {
        }
    }
}
