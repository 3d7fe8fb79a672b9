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
package io.github.camelarango.replication;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route on a parallel, prefetched snapshot: it receives every document (the replica equals the server), a failed
 * exchange with chunks on their way loses nothing, and a stop during the snapshot leaves no fetcher thread and no
 * batch behind.
 */
class ParallelSnapshotRouteIT extends ChangesConsumerTestSupport {

    private static final List<String> COLLECTIONS = List.of("orders", "customers", "items");
    private static final String OPTIONS = "snapshotParallelism=3&snapshotChunkSize=2048&snapshotMaxChunkSize=16384"
            + "&offsetRepository=#offsets&";

    private static void seed(CaptureFixture f, int perCollection) {
        for (String c : COLLECTIONS) {
            for (int i = 0; i < perCollection; i++) {
                f.insert(c, Map.of("_key", c + i, "n", i, "text", "x".repeat(100)));
            }
        }
    }

    @Test
    void aFailedExchangeDuringAParallelSnapshotIsDeliveredAgainAndNothingIsLost() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers", "items")) {
            seed(f, 200);
            AtomicBoolean failedOnce = new AtomicBoolean();
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?" + OPTIONS + f.connection(), exchange -> {
                String key = exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class);
                if ("customers150".equals(key) && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("the sink is down for a moment");
                }
            }, sink);
            await("the snapshot and a write after it", () -> sink.state(COLLECTIONS).equals(f.truth(COLLECTIONS))
                    && sink.count() >= 600);
            f.insert("orders", Map.of("_key", "after"));
            await("the write after the snapshot", () -> sink.state(COLLECTIONS).equals(f.truth(COLLECTIONS)));
            assertTrue(failedOnce.get());
            assertTrue(sink.received().stream().anyMatch(r -> "customers150".equals(r.key())),
                    "the failed change was delivered again");
        }
    }

    @Test
    void aStopDuringAParallelSnapshotLeavesNoFetcherThreadNorBatch() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers", "items")) {
            seed(f, 300);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?" + OPTIONS + f.connection(), exchange -> Thread.sleep(1), sink);
            await("part of the snapshot", () -> sink.count() > 50);
            assertTrue(fetcherThreads() > 0, "the snapshot fetches ahead on the consumer's pool");
            context.getRouteController().stopRoute("cdc");
            assertTrue(sink.count() < 900, "stopped during the snapshot");
            assertEquals(0, SERVER.emulator().liveBatches(), "the batch is deleted");
            await("the fetcher threads to end", () -> fetcherThreads() == 0);
        }
    }

    private static long fetcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains("ArangoReplicationFetcher")).count();
    }
}
