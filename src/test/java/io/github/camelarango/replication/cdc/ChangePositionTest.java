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

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangePositionTest {

    @Test
    void tailPositionRoundTripsThroughJson() {
        ChangePosition position = ChangePosition.tail(189495, 189505);
        String json = position.toJson();
        assertEquals("{\"v\":2,\"phase\":\"TAIL\",\"from\":\"189495\",\"lastScanned\":\"189505\"}", json);
        assertEquals(position, ChangePosition.parse(json));
    }

    @Test
    void snapshotPositionRoundTripsWithCompletedCollections() {
        ChangePosition position = ChangePosition.snapshot(42, Set.of("b", "a")).withCompleted("c");
        ChangePosition parsed = ChangePosition.parse(position.toJson());
        assertEquals(ChangePosition.Phase.SNAPSHOT, parsed.phase());
        assertEquals(42, parsed.snapshotTick());
        assertEquals(Set.of("a", "b", "c"), parsed.completedCollections());
        assertEquals("{\"v\":2,\"phase\":\"SNAPSHOT\",\"snapshotTick\":\"42\",\"done\":[\"a\",\"b\",\"c\"]}",
                position.toJson());
    }

    @Test
    void capturedCollectionsRoundTripAndSurviveACompletedCollection() {
        ChangePosition position = ChangePosition.snapshot(42, Set.of()).withCollections(Map.of("h1/200", "b",
                "h1/100", "a"));
        assertEquals("{\"v\":2,\"phase\":\"SNAPSHOT\",\"snapshotTick\":\"42\",\"done\":[],"
                + "\"collections\":{\"h1/100\":\"a\",\"h1/200\":\"b\"}}", position.toJson());
        ChangePosition done = position.withCompleted("a");
        assertEquals(Optional.of(Map.of("h1/100", "a", "h1/200", "b")), done.collections());
        assertEquals(done, ChangePosition.parse(done.toJson()));
        ChangePosition tail = ChangePosition.tail(7, 0).withCollections(Map.of());
        assertEquals("{\"v\":2,\"phase\":\"TAIL\",\"from\":\"7\",\"lastScanned\":\"0\",\"collections\":{}}",
                tail.toJson());
        assertEquals(Optional.of(Map.of()), ChangePosition.parse(tail.toJson()).collections(), "none captured");
        assertEquals(Optional.empty(), ChangePosition.tail(7, 0).collections(), "not known");
        assertTrue(tail.withCollections(Map.of()) == tail);
    }

    @Test
    void formatOneIsStillReadAndUnknownFieldsAreIgnored() {
        assertEquals(ChangePosition.tail(5, 6),
                ChangePosition.parse("{\"v\":1,\"phase\":\"TAIL\",\"from\":\"5\",\"lastScanned\":\"6\"}"));
        assertEquals(ChangePosition.tail(5, 0).withCollections(Map.of("c", "x")), ChangePosition.parse(
                "{\"v\":2,\"phase\":\"TAIL\",\"from\":\"5\",\"collections\":{\"c\":\"x\"},\"later\":{\"a\":1}}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChangePosition.parse(
                "{\"v\":2,\"phase\":\"TAIL\",\"from\":\"5\",\"collections\":[\"x\"]}")).getMessage()
                .contains("'collections'"));
    }

    @Test
    void ticksAtAndAbove2Pow63AreWrittenUnsigned() {
        long max = Long.parseUnsignedLong("18446744073709551615");
        long half = Long.parseUnsignedLong("9223372036854775808");
        ChangePosition position = ChangePosition.tail(max, half);
        assertTrue(position.toJson().contains("\"from\":\"18446744073709551615\""), position.toJson());
        assertTrue(position.toJson().contains("\"lastScanned\":\"9223372036854775808\""), position.toJson());
        ChangePosition parsed = ChangePosition.parse(position.toJson());
        assertEquals(max, parsed.from());
        assertEquals(half, parsed.lastScanned());
    }

    @Test
    void rejectsBadTextNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChangePosition.parse("nope")).getMessage()
                .contains("not JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChangePosition.parse("{\"v\":9}")).getMessage()
                .contains("unknown format"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ChangePosition.parse("{\"v\":1,\"phase\":\"TAIL\",\"from\":\"-5\"}"));
        assertTrue(negative.getMessage().contains("'from' = '-5'"), negative.getMessage());
        IllegalArgumentException phase = assertThrows(IllegalArgumentException.class,
                () -> ChangePosition.parse("{\"v\":1,\"phase\":\"DONE\",\"from\":\"5\"}"));
        assertTrue(phase.getMessage().contains("allowed are SNAPSHOT and TAIL"), phase.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChangePosition.parse(" "));
    }

    @Test
    void stringStoreAdapterKeepsTheJsonForm() {
        ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
        PositionStore store = PositionStore.ofStrings(map::get, map::put);
        assertEquals(Optional.empty(), store.load("k"));
        store.save("k", ChangePosition.tail(7, 0));
        assertEquals("{\"v\":2,\"phase\":\"TAIL\",\"from\":\"7\",\"lastScanned\":\"0\"}", map.get("k"));
        assertEquals(Optional.of(ChangePosition.tail(7, 0)), store.load("k"));
    }
}
