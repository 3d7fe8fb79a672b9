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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.PositionStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterPositionsTest {

    private final Map<String, String> texts = new HashMap<>();
    private final ClusterPositionStore store = ClusterPositionStore.ofStrings(texts::get, texts::put);

    @Test
    void everySaveWritesEveryServersPositionAsOneValue() {
        ClusterPositions positions = new ClusterPositions(store, "key");
        assertEquals(Map.of(), positions.load());
        PositionStore one = positions.of("PRMR-1", "PRMR-1", "DBServer0001", Map.of("s1", "orders"));
        PositionStore two = positions.of("PRMR-2", "PRMR-2", null, Map.of("s2", "orders", "s3", "customers"));
        one.save("ignored", ChangePosition.tail(40, 40).on("11", null));
        two.save("ignored", ChangePosition.snapshot(7, Set.of("s2")).on("22", null));
        one.save("ignored", ChangePosition.tail(41, 41).on("11", null));

        ClusterPositions reread = new ClusterPositions(store, "key");
        Map<String, ClusterPositions.Entry> entries = reread.load();
        assertEquals(Map.of("s1", "orders"), entries.get("PRMR-1").shards());
        assertEquals("DBServer0001", entries.get("PRMR-1").shortName());
        assertEquals(41, entries.get("PRMR-1").position().from());
        assertEquals(Map.of("s2", "orders", "s3", "customers"), entries.get("PRMR-2").shards());
        assertEquals(Set.of("s2"), entries.get("PRMR-2").position().completedCollections());
        assertEquals(Optional.of(ChangePosition.tail(41, 41).on("11", null)),
                reread.of("PRMR-1", "PRMR-1", "DBServer0001", Map.of("s1", "orders")).load("any"));
        assertEquals(texts.get("key"), reread.committed().orElseThrow());
        assertTrue(texts.get("key").startsWith("{\"cluster\":{\"PRMR-1\":"), texts.get("key"));
    }

    @Test
    void aFailedWriteLeavesTheValueAsItWas() {
        Map<String, String> failing = new HashMap<>();
        ClusterPositions positions = new ClusterPositions(ClusterPositionStore.ofStrings(failing::get, (k, v) -> {
            if (v.contains("\"from\":\"9\"")) {
                throw new IllegalStateException("store down");
            }
            failing.put(k, v);
        }), "key");
        positions.load();
        PositionStore view = positions.of("PRMR-1", "PRMR-1", null, Map.of("s1", "orders"));
        view.save("key", ChangePosition.tail(8, 8));
        assertThrows(IllegalStateException.class, () -> view.save("key", ChangePosition.tail(9, 9)));
        assertEquals(8, view.load("key").orElseThrow().from(), "what was saved last");
        assertEquals(failing.get("key"), positions.committed().orElseThrow());
    }

    @Test
    void aSingleServersPositionIsRefusedWithItsKey() {
        texts.put("orders-key", ChangePosition.tail(5, 5).toJson());
        ChangeStreamException refused = assertThrows(ChangeStreamException.class,
                () -> new ClusterPositions(store, "orders-key").load());
        assertTrue(refused.getMessage().contains("The position stored under key 'orders-key' is not a cluster's"),
                refused.getMessage());
    }

    /** Fails when a take-over is two writes (a crash between them leaves the shard in both streams or in none). */
    @Test
    void aTakeOverMovesTheShardToItsNewStreamInOneWrite() {
        List<String> writes = new java.util.ArrayList<>();
        ClusterPositions positions = new ClusterPositions(ClusterPositionStore.ofStrings(texts::get, (k, v) -> {
            writes.add(v);
            texts.put(k, v);
        }), "key");
        positions.load();
        positions.of("PRMR-1", "PRMR-1", null, Map.of("s1", "orders", "s2", "orders"))
                .save("ignored", ChangePosition.tail(40, 40));
        writes.clear();

        positions.takeOver("PRMR-1", "s2", "PRMR-2/s2",
                new ClusterPositions.Entry("PRMR-2", "DBServer0002", Map.of("s2", "orders"), ChangePosition.tail(7, 0)));

        assertEquals(1, writes.size(), "one write");
        Map<String, ClusterPositions.Entry> entries = new ClusterPositions(store, "key").load();
        assertEquals(Map.of("s1", "orders"), entries.get("PRMR-1").shards());
        assertEquals("PRMR-2", entries.get("PRMR-2/s2").serverId());
        assertEquals(Map.of("s2", "orders"), entries.get("PRMR-2/s2").shards());
        assertEquals(7, entries.get("PRMR-2/s2").position().from());
        assertTrue(texts.get("key").contains("\"PRMR-2/s2\":{\"server\":\"PRMR-2\""), texts.get("key"));

        positions.takeOver("PRMR-1", "s1", "PRMR-3/s1",
                new ClusterPositions.Entry("PRMR-3", null, Map.of("s1", "orders"), ChangePosition.tail(9, 0)));
        assertFalse(new ClusterPositions(store, "key").load().containsKey("PRMR-1"), "a stream left with no shard");
    }

    /**
     * Fails when a stream whose every shard was taken over writes its part again (a late acknowledgement): the value
     * would name its shards twice, and a restart stops on it.
     */
    @Test
    void aStreamLeftWithNoShardWritesNothingAnyMore() {
        ClusterPositions positions = new ClusterPositions(store, "key");
        positions.load();
        PositionStore old = positions.of("PRMR-1", "PRMR-1", null, Map.of("s1", "orders"));
        old.save("ignored", ChangePosition.tail(40, 40));
        positions.takeOver("PRMR-1", "s1", "PRMR-2/s1",
                new ClusterPositions.Entry("PRMR-2", null, Map.of("s1", "orders"), ChangePosition.tail(7, 0)));

        old.save("ignored", ChangePosition.tail(50, 50));

        Map<String, ClusterPositions.Entry> entries = reread().load();
        assertFalse(entries.containsKey("PRMR-1"), texts.get("key"));
        assertEquals(7, entries.get("PRMR-2/s1").position().from());

        positions.takeOver("PRMR-2/s1", "s1", "PRMR-1/s1",
                new ClusterPositions.Entry("PRMR-1", null, Map.of("s1", "orders"), ChangePosition.tail(60, 0)));
        positions.takeOver("PRMR-1/s1", "s1", "PRMR-2/s1",
                new ClusterPositions.Entry("PRMR-2", null, Map.of("s1", "orders"), ChangePosition.tail(70, 0)));
        PositionStore again = positions.of("PRMR-2/s1", "PRMR-2", null, Map.of("s1", "orders"));
        again.save("ignored", ChangePosition.tail(71, 71));
        assertEquals(71, reread().load().get("PRMR-2/s1").position().from(), "a stream id taken over again writes");
    }

    /** Fails when the shadows are not written with the positions or not read back. */
    @Test
    void everySaveWritesTheShadowsOfThatMoment() {
        Map<String, Map<String, ChangePosition>> shadows = new HashMap<>();
        ClusterPositions positions = new ClusterPositions(store, "key");
        positions.shadowsFrom(() -> Map.copyOf(shadows));
        positions.load();
        PositionStore one = positions.of("PRMR-1", "PRMR-1", null, Map.of("s1", "orders"));
        shadows.put("PRMR-2", Map.of("s1", ChangePosition.snapshot(5, Set.of())));
        one.save("ignored", ChangePosition.snapshot(3, Set.of()));
        assertEquals(Map.of("PRMR-2", Map.of("s1", ChangePosition.snapshot(5, Set.of()))), reread().shadows());

        shadows.put("PRMR-2", Map.of("s1", ChangePosition.tail(12, 0)));
        one.save("ignored", ChangePosition.tail(4, 4));
        assertEquals(Map.of("PRMR-2", Map.of("s1", ChangePosition.tail(12, 0))), reread().shadows());
    }

    /** Fails when the recogniser the single-server store uses disagrees with what a cluster stream writes and reads. */
    @Test
    void oneRecogniserTellsAClustersPositionFromASingleServers() {
        ClusterPositions positions = new ClusterPositions(store, "key");
        positions.load();
        positions.of("PRMR-1", "PRMR-1", null, Map.of("s1", "orders")).save("ignored", ChangePosition.tail(3, 3));
        assertTrue(ClusterPositionStore.isClusterPosition(texts.get("key")), texts.get("key"));
        assertTrue(ClusterPositionStore.isClusterPosition(" {\"cluster\":{}}"));
        assertFalse(ClusterPositionStore.isClusterPosition(ChangePosition.tail(5, 5).toJson()));
        assertFalse(ClusterPositionStore.isClusterPosition("{\"cluster\":\"PRMR-1\"}"));
        assertFalse(ClusterPositionStore.isClusterPosition("not json"));
        assertFalse(ClusterPositionStore.isClusterPosition(""));
    }

    private ClusterPositions reread() {
        ClusterPositions positions = new ClusterPositions(store, "key");
        positions.load();
        return positions;
    }
}
