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
package io.github.camelarango.replication.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.PositionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The position under the earlier default key ({@code changes:<database>:<collections>}) names no server and no
 * filter: it is adopted by the first stream that has none of its own, and by no other stream after that one saved
 * its own (it would be another server's, or months old).
 */
class OffsetKeyTest {

    /** The text of the positions, as the consumer's string store keeps them: an empty text is no position. */
    private final Map<String, String> texts = new HashMap<>();
    private final PositionStore store = PositionStore.ofStrings(texts::get, texts::put);
    private final ChangePosition earlier = ChangePosition.tail(5000, 0);

    @BeforeEach
    void storeAPositionUnderTheEarlierDefaultKey() {
        store.save("changes:shop:orders", earlier);
    }

    private static OffsetKey key(String server) {
        ArangoReplicationConsumerConfiguration consumer = new ArangoReplicationConsumerConfiguration();
        consumer.setCollections("orders");
        return OffsetKey.of(consumer, server, "shop", false);
    }

    private PositionStore adopting(OffsetKey key) {
        return key.adoptingEarlierDefault(store, cleared -> texts.put(cleared, ""));
    }

    @Test
    void theEarlierPositionIsAdoptedByTheFirstStreamOnlyAndThenCleared() {
        OffsetKey first = key("db1:8529");
        PositionStore firstStore = adopting(first);
        assertEquals(Optional.of(earlier), firstStore.load(first.value()), "the upgrade continues where it was");
        ChangePosition next = ChangePosition.tail(5001, 0);
        firstStore.save(first.value(), next);
        assertEquals(Optional.of(next), firstStore.load(first.value()));
        assertEquals(Optional.empty(), store.load("changes:shop:orders"), "cleared once the new key holds one");

        OffsetKey other = key("db2:8529");
        assertEquals(Optional.empty(), adopting(other).load(other.value()),
                "a stream added later (here on another server) starts as its snapshotMode says, never at "
                + "the first one's old position");
    }

    @Test
    void theEarlierPositionStaysUntilTheNewKeyHoldsOne() {
        OffsetKey key = key("db1:8529");
        PositionStore adopting = adopting(key);
        assertEquals(Optional.of(earlier), adopting.load(key.value()));
        assertEquals(Optional.of(earlier), adopting.load(key.value()), "a rewind before the first commit adopts again");
        assertEquals(Optional.of(earlier), store.load("changes:shop:orders"));
    }

    /**
     * Two streams that shared the earlier key (here one with other operationTypes) both adopt it at the upgrade;
     * when the other one's first commit cleared it, a rewind before this one's first commit still continues from
     * the adopted position, never from nothing (with snapshotMode NEVER: at the server's present, skipping changes).
     */
    @Test
    void aRewindBeforeTheFirstCommitKeepsTheAdoptedPositionThatAnotherStreamCleared() {
        OffsetKey key = key("db1:8529");
        ArangoReplicationConsumerConfiguration deletes = new ArangoReplicationConsumerConfiguration();
        deletes.setCollections("orders");
        deletes.setOperationTypes("DELETE");
        OffsetKey other = OffsetKey.of(deletes, "db1:8529", "shop", false);
        PositionStore adopting = adopting(key);
        PositionStore otherAdopting = adopting(other);
        assertEquals(Optional.of(earlier), adopting.load(key.value()));
        assertEquals(Optional.of(earlier), otherAdopting.load(other.value()));
        otherAdopting.save(other.value(), ChangePosition.tail(5001, 0));

        assertEquals(Optional.of(earlier), adopting.load(key.value()), "the rewind continues where it was");
    }
}
