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

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.camelarango.replication.client.Ticks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dump of one collection under the snapshot's batch: its adaptive chunk size, its progress ({@code lastincluded},
 * documents read) and at most one dump call ahead of the caller (docs/protocol.md §6.2, D4 and D5).
 * <p>
 * With a fetcher, {@link #ask()} sends the next dump call on it at once (a {@link PrefetchedCall}), so that the chunk
 * is on its way while the previous one is delivered: one chunk of prefetch per collection, bounded in bytes by the
 * chunk size asked for. Without one, the call is made by {@link #take()}. A call is never repeated (D7): a failed one
 * fails {@link #take()}. {@link #ask()}, {@link #take()} and {@link #cancel()} are called by one thread; the call runs
 * on the fetcher.
 */
final class CollectionDump {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionDump.class);

    /** A chunk taken, and whether it ends the collection. */
    record Chunk(ReplicationSource.DumpChunk answer, boolean last) {
    }

    private final ReplicationSource source;
    private final BatchLease lease;
    private final ReplicationSource.CollectionInfo collection;
    private final int maxChunkSize;
    private final Executor fetcher;
    private int chunkSize;
    private long previousIncluded;
    private long read;
    private OptionalLong estimatedTotal = OptionalLong.empty();
    /** Whether a chunk was asked for and not yet taken (or dropped). */
    private boolean asked;
    /** The call of that chunk on the fetcher; null without a fetcher or when none was asked for. */
    private PrefetchedCall<ReplicationSource.DumpChunk> call;

    /**
     * @param fetcher where the dump calls run ahead of {@link #take()}; null to make each call in {@link #take()}
     */
    CollectionDump(ReplicationSource source, BatchLease lease, ReplicationSource.CollectionInfo collection,
                   int initialChunkSize, int maxChunkSize, Executor fetcher) {
        this.source = source;
        this.lease = lease;
        this.collection = collection;
        this.chunkSize = initialChunkSize;
        this.maxChunkSize = maxChunkSize;
        this.fetcher = fetcher;
    }

    ReplicationSource.CollectionInfo collection() {
        return collection;
    }

    String name() {
        return collection.name();
    }

    /** Asks for the next chunk: sent on the fetcher at once, or made by {@link #take()} without one. */
    void ask() {
        if (asked) {
            throw new IllegalStateException("a dump call of collection '" + name() + "' is already under way");
        }
        asked = true;
        int size = chunkSize;
        call = fetcher == null ? null : PrefetchedCall.start(fetcher, () -> dump(size));
    }

    /** True when the chunk asked for is there (or its call failed): {@link #take()} does not wait. */
    boolean answered() {
        return call != null && call.isReady();
    }

    /** Completes when the chunk asked for is there, to wait for any of several collections; null without a fetcher. */
    CompletableFuture<?> pending() {
        return call == null ? null : call.whenReady();
    }

    /**
     * The chunk asked for (waiting for it, or making the call without a fetcher); grows the chunk size for the next.
     *
     * @throws RuntimeException what the dump call threw (a {@link BatchExpiredException} for a lost batch)
     */
    Chunk take() {
        if (!asked) {
            throw new IllegalStateException("no dump call of collection '" + name() + "' was asked for");
        }
        PrefetchedCall<ReplicationSource.DumpChunk> running = call;
        asked = false;
        call = null;
        ReplicationSource.DumpChunk answer = running == null ? dump(chunkSize) : running.take();
        boolean last = !answer.checkMore();
        if (answer.checkMore() && (answer.lastIncluded() == 0
                || !Ticks.isAfter(answer.lastIncluded(), previousIncluded))) {
            LOG.warn("Dump of collection '{}' reports more data but lastincluded did not advance ({} after {}); "
                    + "treating the collection as complete", name(), answer.lastIncluded(), previousIncluded);
            last = true;
        }
        previousIncluded = answer.lastIncluded();
        chunkSize = (int) Math.min(maxChunkSize, Math.round(chunkSize * 1.25));
        return new Chunk(answer, last);
    }

    private ReplicationSource.DumpChunk dump(int size) {
        ReplicationSource.DumpChunk answer = source.dump(lease.id(), name(), size);
        lease.used();
        return answer;
    }

    /**
     * Drops the chunk asked for: a call not yet begun is never made (and not waited for: a fetcher shut down before
     * it ran cannot hold the caller), one under way is waited for, so that its connection is back in the pool before
     * the batch is deleted. Its answer or failure is discarded.
     */
    void cancel() {
        PrefetchedCall<ReplicationSource.DumpChunk> running = call;
        asked = false;
        call = null;
        if (running != null) {
            running.cancel();
        }
    }

    /** Counts the documents of a chunk handed out; returns the collection's total so far. */
    long counted(int documents) {
        read += documents;
        return read;
    }

    long read() {
        return read;
    }

    OptionalLong estimatedTotal() {
        return estimatedTotal;
    }

    void estimatedTotal(OptionalLong total) {
        this.estimatedTotal = total;
    }
}
