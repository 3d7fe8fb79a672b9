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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelarango.replication.cdc.StreamRun.changes;
import static io.github.camelarango.replication.cdc.StreamRun.deliverAll;
import static io.github.camelarango.replication.cdc.StreamRun.deliverInto;
import static io.github.camelarango.replication.cdc.StreamRun.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markers the engine does not know (issue 12 item 5): no {@code type}, a type that is not a number, an unknown code,
 * a known code without a change of its own (the legacy edge marker 2301, MMFiles' 1000/1001). They are never a
 * silent advance of the position.
 */
class UnknownMarkerTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no type          | {\"tid\":\"0\"}                                              | no type",
        "text type        | {\"type\":\"2300\",\"tid\":\"0\"}                            | type '2300' (not a number)",
        "unknown code     | {\"type\":9999}                                                | type 9999",
        "legacy edge 2301 | {\"type\":2301,\"tid\":\"0\",\"data\":{\"_key\":\"e1\"}}      | type 2301",
        "replication stop | {\"type\":1000}                                                | type 1000"})
    void stopsByDefaultAfterDeliveringWhatCameBeforeIt(String kind, String marker, String typeText) {
        source.createCollection("a");
        try (ChangeStream stream = new ChangeStream(source, options().build(), store)) {
            deliverAll(stream);
            source.upsert("a", "before");
            long tick = source.appendRaw(marker);
            source.upsert("a", "after");
            List<ChangeEvent> delivered = new ArrayList<>();
            ChangeStreamException e = assertThrows(ChangeStreamException.class, () -> deliverInto(stream, delivered));
            assertEquals(List.of("before"), changes(delivered).stream().map(ChangeEvent::key).toList(),
                    "what came before the marker is delivered, nothing after it");
            assertEquals(tick - 1, stream.committedPosition().orElseThrow().from(),
                    "the position stops right before the marker");
            String message = e.getMessage();
            assertTrue(message.contains("tick " + tick), message);
            assertTrue(message.contains(typeText), message);
            assertTrue(message.contains("database 'shop'"), message);
            assertTrue(message.contains("unknownMarkerPolicy=SKIP"), message);
            assertEquals(e, stream.failure().orElseThrow(), "the stream stays stopped");
            assertEquals(e, assertThrows(ChangeStreamException.class, () -> stream.poll(10)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no type      | {\"tid\":\"0\"}      | 0",
        "unknown code | {\"type\":9999}         | 9999"})
    void deliverPolicyHandsOutAnUnknownEventCarryingTheMarker(String kind, String marker, int markerType) {
        source.createCollection("a");
        try (ChangeStream stream = new ChangeStream(source,
                options().unknownMarkerPolicy(UnknownMarkerPolicy.DELIVER).build(), store)) {
            deliverAll(stream);
            long tick = source.appendRaw(marker);
            source.upsert("a", "after");
            List<ChangeEvent> changes = changes(deliverAll(stream));
            assertEquals(List.of(ChangeType.UNKNOWN, ChangeType.UPSERT), changes.stream().map(ChangeEvent::type).toList());
            ChangeEvent unknown = changes.get(0);
            assertEquals(tick, unknown.tick());
            assertEquals(markerType, unknown.markerType());
            assertEquals("shop", unknown.database());
            assertEquals(Long.toUnsignedString(tick), unknown.data().path("tick").asText(), "the whole marker");
            assertEquals(tick, unknown.position().from());
            assertEquals(1, stream.metrics().unknownMarkers());
        }
    }

    @ParameterizedTest(name = "operationTypes {0}")
    @CsvSource({"UPSERT", "UNKNOWN"})
    void deliverPolicyIsNotUndoneByTheOperationTypes(String operationType) {
        source.createCollection("a");
        try (ChangeStream stream = new ChangeStream(source, options().unknownMarkerPolicy(UnknownMarkerPolicy.DELIVER)
                .changeTypes(Set.of(ChangeType.valueOf(operationType))).build(), store)) {
            deliverAll(stream);
            source.appendRaw("{\"type\":9999}");
            assertEquals(List.of(ChangeType.UNKNOWN), changes(deliverAll(stream)).stream().map(ChangeEvent::type).toList());
        }
    }

    @ParameterizedTest(name = "collections {0}")
    @CsvSource({"a", "b"})
    void unknownMarkerOfACollectionTheStreamDoesNotCaptureIsNotItsConcern(String captured) {
        source.createCollection("a");
        source.createCollection("b");
        try (ChangeStream stream = new ChangeStream(source, options().includeCollections(Set.of(captured)).build(),
                store)) {
            deliverAll(stream);
            source.appendRaw("{\"type\":9999,\"cuid\":\"hFAKE/100\"}"); // collection a
            source.upsert(captured, "after");
            if (captured.equals("a")) {
                assertThrows(ChangeStreamException.class, () -> deliverAll(stream));
            } else {
                assertEquals(List.of("after"), changes(deliverAll(stream)).stream().map(ChangeEvent::key).toList());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"standalone", "in a transaction"})
    void skipPolicyGoesOnAndCountsEveryOne(String where) {
        source.createCollection("a");
        try (ChangeStream stream = new ChangeStream(source, options().unknownMarkerPolicy(UnknownMarkerPolicy.SKIP)
                .build(), store)) {
            deliverAll(stream);
            String tid = where.equals("standalone") ? "0" : "77";
            if (!tid.equals("0")) {
                source.appendRaw("{\"type\":2200,\"tid\":\"77\"}");
            }
            source.appendRaw("{\"type\":9999,\"tid\":\"" + tid + "\"}");
            source.appendRaw("{\"type\":9999,\"tid\":\"" + tid + "\"}");
            long last = source.appendRaw("{\"type\":2301,\"tid\":\"" + tid + "\",\"data\":{\"_key\":\"e\"}}");
            if (!tid.equals("0")) {
                last = source.appendRaw("{\"type\":2201,\"tid\":\"77\"}");
            }
            source.upsert("a", "after");
            assertEquals(List.of("after"), changes(deliverAll(stream)).stream().map(ChangeEvent::key).toList());
            assertEquals(3, stream.metrics().unknownMarkers());
            assertTrue(Long.compareUnsigned(stream.committedPosition().orElseThrow().from(), last) > 0);
        }
    }
}
