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
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The snapshot reader asks each collection's count once before dumping it and reports progress against it; without
 * a count it still reports, without a total.
 */
class SnapshotReaderProgressTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final SnapshotProgressLogTest.ManualClock clock = new SnapshotProgressLogTest.ManualClock();
    private final List<String> lines = new ArrayList<>();
    private final ChangeStreamMetrics metrics = new ChangeStreamMetrics();

    private SnapshotReader reader() {
        // chunks of 1000 bytes: the fake answers 10 documents per chunk
        return new SnapshotReader(source, new SnapshotReader.Settings(Duration.ofMinutes(10), 1000, 1000,
                new BadLineRule(ChangeStreamOptions.builder().build()), 1),
                ChangeFilter.acceptAll(), new CollectionCatalog(ChangeFilter.acceptAll()), metrics,
                new SnapshotProgressLog(clock, Duration.ofSeconds(1), lines::add), clock, null, null);
    }

    private void seed(String collection, int documents) {
        source.createCollection(collection);
        for (int i = 0; i < documents; i++) {
            source.upsert(collection, collection + i);
        }
    }

    /** Dumps everything, one chunk a second; returns the documents read. */
    private int dumpAll(SnapshotReader reader) {
        List<StreamStep> out = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            clock.advance(Duration.ofSeconds(1));
            if (!reader.fetch(out::add)) {
                return (int) out.stream().filter(e -> e.event() != null).count();
            }
        }
        throw new AssertionError("snapshot did not complete in 100 chunks");
    }

    @Test
    void progressLinesCarryDoneOfAboutTheCurrentCountWithPercentage() {
        seed("orders", 25);
        seed("lines", 0);
        try (SnapshotReader reader = reader()) {
            reader.start();
            assertEquals(new ChangeStreamMetrics.CollectionProgress(0, false), metrics.snapshotProgress().get("orders"),
                    "no total before the collection's dump began");
            source.upsert("orders", "late"); // after the batch: counted, but not in the snapshot
            assertEquals(25, dumpAll(reader));
        }
        assertEquals(List.of("Snapshot of collection 'orders': 10 of about 26 documents (38%), 10 documents/s",
                "Snapshot of collection 'orders': 20 of about 26 documents (76%), 10 documents/s",
                "Snapshot of collection 'orders': 25 of about 26 documents (96%), 5 documents/s",
                "Snapshot of collection 'lines': 0 of about 0 documents, 0 documents/s"), lines);
        assertEquals(new ChangeStreamMetrics.CollectionProgress(25, true, OptionalLong.of(26)),
                metrics.snapshotProgress().get("orders"));
        assertEquals(new ChangeStreamMetrics.CollectionProgress(0, true, OptionalLong.of(0)),
                metrics.snapshotProgress().get("lines"));
    }

    @Test
    void unavailableCountStillLogsProgressWithoutTotal() {
        seed("orders", 15);
        source.makeCountUnavailable();
        try (SnapshotReader reader = reader()) {
            reader.start();
            assertEquals(15, dumpAll(reader));
        }
        assertEquals(List.of("Snapshot of collection 'orders': 10 documents, 10 documents/s",
                "Snapshot of collection 'orders': 15 documents, 5 documents/s"), lines);
        assertEquals(new ChangeStreamMetrics.CollectionProgress(15, true), metrics.snapshotProgress().get("orders"));
    }
}
