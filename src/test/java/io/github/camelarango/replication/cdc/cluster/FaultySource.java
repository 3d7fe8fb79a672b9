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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.camelarango.replication.cdc.FakeReplicationSource;
import io.github.camelarango.replication.cdc.ReplicationSource;

/**
 * A fake server whose {@code wal/tail} calls, counted, first run {@code fault} (which may throw), given the answer to the
 * call before.
 */
record FaultySource(FakeReplicationSource fake, AtomicInteger tails, Consumer<TailChunk> fault,
                    AtomicReference<TailChunk> answered) implements ReplicationSource {

    FaultySource(FakeReplicationSource fake, AtomicInteger tails, Consumer<TailChunk> fault) {
        this(fake, tails, fault, new AtomicReference<>());
    }

    @Override
    public TailChunk tail(TailRequest request) {
        tails.incrementAndGet();
        fault.accept(answered.get());
        TailChunk answer = fake.tail(request);
        answered.set(answer);
        return answer;
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
        return fake.dump(batchId, collection, chunkSize);
    }

    @Override
    public void register(long tick) {
        fake.register(tick);
    }

    @Override
    public void unregister() {
        fake.unregister();
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
    public String serverId() {
        return fake.serverId();
    }

    @Override
    public long oldestTick() {
        return fake.oldestTick();
    }
}
