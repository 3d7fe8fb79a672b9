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
package io.github.camelarango.replication.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.ClientReplicationSource;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;

/**
 * The change-capture engine driven directly, as a polling consumer drives it: {@code poll}, hand every event to a
 * sink, {@code commit} the last position of each poll. Snapshot: an {@code INITIAL_ONLY} stream over one
 * collection until it is finished. Tail: a stream resuming from a stored tail position until it delivered the
 * expected number of document events.
 */
final class ChangeStreamContender implements Contender {

    static final int MAX_EVENTS_PER_POLL = 1000;
    private static final int DEFAULT_MAX_DUMP_CHUNK = ChangeStreamOptions.builder().build().maxDumpChunkSize();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String name;
    private final String url;
    private final String collection;
    private final ChangePosition resumeFrom;
    private final long expected;
    private final int maxDumpChunkSize;
    /** Whether the snapshot fetches ahead on a fetcher, as the consumer runs it. */
    private final boolean prefetch;

    private ChangeStreamContender(String name, String url, String collection, ChangePosition resumeFrom, long expected,
                                  int maxDumpChunkSize, boolean prefetch) {
        this.name = name;
        this.prefetch = prefetch;
        this.maxDumpChunkSize = maxDumpChunkSize;
        this.url = url;
        this.collection = collection;
        this.resumeFrom = resumeFrom;
        this.expected = expected;
    }

    /**
     * The engine with its default options (dump chunks growing up to its default maxDumpChunkSize, 2 MiB), fetching
     * the next chunk ahead on a fetcher as the consumer runs it.
     */
    static ChangeStreamContender snapshot(String url, String collection) {
        return new ChangeStreamContender("cdc ChangeStream", url, collection, null, -1, DEFAULT_MAX_DUMP_CHUNK, true);
    }

    /** The engine as before issue 13 item 5: each dump chunk asked for when it is polled. */
    static ChangeStreamContender snapshotWithoutPrefetch(String url, String collection) {
        return new ChangeStreamContender("cdc ChangeStream, no prefetch", url, collection, null, -1,
                DEFAULT_MAX_DUMP_CHUNK, false);
    }

    /** Diagnostic: the engine with dump chunks capped at {@code maxDumpChunkSize} bytes. */
    static ChangeStreamContender snapshot(String url, String collection, int maxDumpChunkSize) {
        return new ChangeStreamContender("cdc ChangeStream, maxDumpChunkSize " + (maxDumpChunkSize >> 10) + " KiB", url,
                collection, null, -1, maxDumpChunkSize, true);
    }

    /**
     * The engine tailing; with {@code prefetch} it makes its next call on a fetcher while the events of the previous
     * one are counted (as the consumer runs it), without it one call at a time.
     */
    static ChangeStreamContender tail(String url, String collection, long afterTick, long expectedEvents,
                                      boolean prefetch) {
        return new ChangeStreamContender(prefetch ? "cdc ChangeStream" : "cdc ChangeStream, tailPrefetch=false", url,
                collection, ChangePosition.tail(afterTick, 0), expectedEvents, DEFAULT_MAX_DUMP_CHUNK, prefetch);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long run() {
        String key = "bench-" + RUNS.incrementAndGet();
        InMemoryPositionStore store = new InMemoryPositionStore();
        if (resumeFrom != null) {
            store.save(key, resumeFrom);
        }
        ChangeStreamOptions options = ChangeStreamOptions.builder().streamKey(key)
                .snapshotMode(resumeFrom == null ? SnapshotMode.INITIAL_ONLY : SnapshotMode.NEVER)
                .includeCollections(Set.of(collection)).maxDumpChunkSize(maxDumpChunkSize)
                .initialDumpChunkSize(Math.min(BareDumpLoop.INITIAL_CHUNK, maxDumpChunkSize)).build();
        long delivered = 0;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService fetcher = Executors.newSingleThreadExecutor();
        try (HttpArangoReplicationClient client = new HttpArangoReplicationClient(
                ArangoClientConfiguration.builder(url).build());
             ChangeStream stream = prefetch
                     ? new ChangeStream(new ClientReplicationSource(client, key), options, store, timer, fetcher)
                     : new ChangeStream(client, options, store)) {
            while (resumeFrom == null ? !stream.isFinished() : delivered < expected) {
                List<ChangeEvent> events = stream.poll(MAX_EVENTS_PER_POLL);
                for (ChangeEvent event : events) {
                    if (event.type() == ChangeType.SNAPSHOT_READ || event.type() == ChangeType.UPSERT) {
                        delivered++;
                    }
                }
                if (!events.isEmpty()) {
                    stream.commit(events.get(events.size() - 1));
                }
            }
        } finally {
            timer.shutdownNow();
            fetcher.shutdownNow();
        }
        return delivered;
    }
}
