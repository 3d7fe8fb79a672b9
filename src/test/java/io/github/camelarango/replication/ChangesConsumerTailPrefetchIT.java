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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelarango.replication.ReplicaSink.Received;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's {@code tailPrefetch}: while the route processes the changes of one write-ahead log answer, the next
 * is fetched; a failed exchange drops it and nothing is skipped or delivered twice, and the stop leaves no thread.
 */
class ChangesConsumerTailPrefetchIT extends ChangesConsumerTestSupport {

    private static final int DOCUMENTS = 400;
    private static final String PREFETCH_THREAD = "ArangoReplicationFetcher";

    @Test
    void aFailedExchangeWithTheNextAnswerFetchedAheadSkipsNothingAndTheStopLeavesNoThread() throws Exception {
        assertEveryChangeOnceInOrder("");
        assertTrue(prefetchThreads() > 0, "the next answers were fetched ahead");
        context.stop();
        await("no prefetch thread after the stop", () -> prefetchThreads() == 0);
    }

    @Test
    void withoutPrefetchTheSameChangesArriveAndNoPrefetchThreadRuns() throws Exception {
        assertEveryChangeOnceInOrder("&tailPrefetch=false");
        assertEquals(0, prefetchThreads());
    }

    /**
     * Writes {@link #DOCUMENTS} changes in transactions of 20; the exchange of o0150 fails once, so o0140 to o0149
     * (its transaction, whose changes share one position) come twice, the others once.
     */
    private void assertEveryChangeOnceInOrder(String options) throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            AtomicBoolean failed = new AtomicBoolean();
            ReplicaSink sink = new ReplicaSink();
            // small answers (16 KiB, about a hundred changes) and polls of 30: several answers, each with more after it
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&offsetRepository=#offsets"
                  + "&initialDelay=0&tailChunkSize=16384&maxEventsPerPoll=30&" + f.connection() + options, exchange -> {
                      if ("o0150".equals(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY))
                              && failed.compareAndSet(false, true)) {
                          throw new IllegalStateException("the route failed on o0150 (thrown by the test)");
                      }
                  }, sink);
            await("the starting position", () -> offsets.getState(changesConsumer().getOffsetKey()) != null);
            List<String> expected = new ArrayList<>();
            for (int t = 0; t < DOCUMENTS / 20; t++) {
                List<Map<String, Object>> documents = new ArrayList<>();
                for (int i = t * 20; i < t * 20 + 20; i++) {
                    String key = String.format("o%04d", i);
                    documents.add(Map.of("_key", key, "pad", "x".repeat(60)));
                    expected.add(key);
                }
                f.db.collection("orders").insertDocuments(documents);
            }
            await("every change", () -> sink.count() >= DOCUMENTS);
            Thread.sleep(200); // a duplicate would come right after
            assertEquals(true, failed.get());
            List<String> received = sink.received().stream().map(Received::key).toList();
            assertEquals(expected, received.stream().distinct().toList(), "every change, in order");
            // the changes of a transaction share its position: the rewind delivers the failed one's from its start
            List<String> again = new ArrayList<>(received);
            expected.forEach(again::remove);
            assertEquals(List.of("o0140", "o0141", "o0142", "o0143", "o0144", "o0145", "o0146", "o0147", "o0148",
                    "o0149"), again, "delivered twice: only those before o0150 in its transaction");
        }
    }

    private static long prefetchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(PREFETCH_THREAD)).count();
    }
}
