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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dump batch held by the engine: extended every ttl/3 from the poll loop (no extra thread) and always deleted
 * once, at the end of the snapshot, on close and on failure.
 */
final class BatchLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchLease.class);

    private final ReplicationSource source;
    private final ReplicationSource.BatchInfo batch;
    private final Duration ttl;
    private final Clock clock;
    /** Written by the thread of a dump call too (a prefetch), read by the keep-alive. */
    private volatile Instant lastRenewal;
    private boolean released;

    private BatchLease(ReplicationSource source, ReplicationSource.BatchInfo batch, Duration ttl, Clock clock) {
        this.source = source;
        this.batch = batch;
        this.ttl = ttl;
        this.clock = clock;
        this.lastRenewal = clock.instant();
    }

    static BatchLease create(ReplicationSource source, Duration ttl, Clock clock) {
        return new BatchLease(source, source.createBatch(ttl), ttl, clock);
    }

    String id() {
        return batch.id();
    }

    long snapshotTick() {
        return batch.snapshotTick();
    }

    /** Records a use of the batch (the server renews it on every lookup). */
    void used() {
        lastRenewal = clock.instant();
    }

    /** Extends the batch if a third of its ttl passed since it was last used or extended. */
    void keepAlive() {
        if (!released && Duration.between(lastRenewal, clock.instant()).compareTo(ttl.dividedBy(3)) >= 0) {
            source.extendBatch(batch.id(), ttl);
            lastRenewal = clock.instant();
        }
    }

    /** Deletes the batch (once); failures are logged, never thrown, so that cleanup cannot hide the first error. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            source.deleteBatch(batch.id());
        } catch (RuntimeException e) {
            LOG.warn("Could not delete dump batch {} (it expires on its own after its ttl of {}): {}", batch.id(), ttl,
                    e.getMessage());
        }
    }
}
