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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Commits reach the store only when the position moves; what is stored is always the last committed position. */
class CommitTrackerTest {

    private final List<String> saved = new ArrayList<>();
    private final CommitTracker tracker = new CommitTracker(
            PositionStore.ofStrings(key -> null, (key, json) -> saved.add(json)), "k", new ChangeStreamMetrics());

    @Test
    void theSamePositionIsStoredOnce() {
        tracker.load();
        ChangePosition beforeTransaction = ChangePosition.tail(10, 10);
        ChangePosition afterTransaction = ChangePosition.tail(20, 20);
        tracker.commit(beforeTransaction);
        tracker.commit(ChangePosition.tail(10, 10)); // another event inside the transaction
        tracker.commit(afterTransaction);

        assertEquals(List.of(beforeTransaction.toJson(), afterTransaction.toJson()), saved);
        assertEquals(afterTransaction, tracker.committed().orElseThrow());
    }

    @Test
    void snapshotPositionsAreStoredWhenACollectionCompletes() {
        tracker.load();
        ChangePosition dumping = ChangePosition.snapshot(5, Set.of());
        tracker.commit(dumping);
        tracker.commit(ChangePosition.snapshot(5, Set.of()));
        tracker.commit(dumping.withCompleted("orders"));
        tracker.commit(ChangePosition.snapshot(5, Set.of("orders")));

        assertEquals(List.of(dumping.toJson(), dumping.withCompleted("orders").toJson()), saved);
    }

    @Test
    void aCommitAfterAReloadIsStoredEvenWhenEqualToTheOneBefore() {
        tracker.load();
        tracker.commit(ChangePosition.tail(10, 10));
        tracker.load(); // the store gives nothing back: the stream starts afresh
        tracker.commit(ChangePosition.tail(10, 10));

        assertEquals(2, saved.size());
    }
}
