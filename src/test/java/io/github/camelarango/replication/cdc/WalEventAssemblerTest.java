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

import io.github.camelarango.replication.client.WalMarker;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.Markers.CUID_A;
import static io.github.camelarango.replication.cdc.Markers.CUID_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalEventAssemblerTest {

    private final List<StreamStep> out = new ArrayList<>();

    private WalEventAssembler assembler(Set<String> include, int maxTransactionEvents, long start) {
        ChangeStreamOptions options = StreamRun.options().includeCollections(include).build();
        CollectionCatalog catalog = new CollectionCatalog(options.filter());
        catalog.seed(List.of(new ReplicationSource.CollectionInfo("a", CUID_A, false),
                new ReplicationSource.CollectionInfo("b", CUID_B, false)));
        return new WalEventAssembler("shop", catalog, new TransactionBuffer(16L * 1024 * 1024, maxTransactionEvents),
                ChangePosition.tail(start, 0), options, new ChangeStreamMetrics());
    }

    private List<ChangeEvent> events() {
        return out.stream().filter(StreamStep::isEvent).map(StreamStep::event).toList();
    }

    private void feed(WalEventAssembler assembler, WalMarker... markers) {
        for (WalMarker m : markers) {
            assembler.accept(m, out::add);
        }
    }

    @Test
    void standaloneChangesCarryTheirOwnTick() {
        WalEventAssembler assembler = assembler(Set.of(), 10, 100);
        feed(assembler, Markers.upsert("101", "0", CUID_A, "a", "k1"), Markers.remove("102", "0", CUID_B, "k2"));
        List<ChangeEvent> events = events();
        assertEquals(2, events.size());
        ChangeEvent upsert = events.get(0);
        assertEquals(ChangeType.UPSERT, upsert.type());
        assertEquals("a", upsert.collection());
        assertEquals("k1", upsert.key());
        assertEquals("_r101", upsert.rev());
        assertNull(upsert.transactionId());
        assertEquals(ChangePosition.tail(101, 0), upsert.position());
        ChangeEvent delete = events.get(1);
        assertEquals(ChangeType.DELETE, delete.type());
        assertEquals("b", delete.collection());
        assertEquals("_x102", delete.rev());
        assertEquals(ChangePosition.tail(102, 0), delete.position());
    }

    @Test
    void transactionIsHeldUntilCommitAndOnlyItsLastEventCarriesTheCommitPosition() {
        WalEventAssembler assembler = assembler(Set.of(), 10, 100);
        feed(assembler, Markers.begin("110", "77"), Markers.upsert("111", "77", CUID_A, "a", "x"),
                Markers.upsert("112", "77", CUID_B, "b", "y"));
        assertTrue(events().isEmpty(), "nothing of an open transaction is delivered");
        assertEquals(100, assembler.position().from());
        assembler.endOfResponse(112, 112, out::add);
        assertEquals(ChangePosition.tail(109, 0), out.get(out.size() - 1).position(),
                "the end of a response inside a transaction stops just before the transaction's begin");
        feed(assembler, Markers.remove("113", "77", CUID_A, "z"), Markers.commit("114", "77"));
        List<ChangeEvent> events = events();
        assertEquals(List.of("x", "y", "z"), events.stream().map(ChangeEvent::key).toList());
        assertEquals(ChangePosition.tail(109, 0), events.get(0).position());
        assertEquals(ChangePosition.tail(109, 0), events.get(1).position());
        assertEquals(ChangePosition.tail(114, 0), events.get(2).position());
        assertEquals("77", events.get(2).transactionId());
    }

    @Test
    void abortedTransactionIsDropped() {
        WalEventAssembler assembler = assembler(Set.of(), 10, 100);
        feed(assembler, Markers.begin("110", "9"), Markers.upsert("111", "9", CUID_A, "a", "x"),
                Markers.abort("112", "9"), Markers.upsert("113", "0", CUID_A, "a", "after"));
        assertEquals(List.of("after"), events().stream().map(ChangeEvent::key).toList());
        assertEquals(ChangePosition.tail(113, 0), assembler.position());
    }

    @Test
    void standaloneChangeDuringAnOpenTransactionDoesNotCommitPastItsBegin() {
        WalEventAssembler assembler = assembler(Set.of(), 10, 100);
        feed(assembler, Markers.begin("110", "5"), Markers.upsert("111", "5", CUID_A, "a", "t"),
                Markers.upsert("112", "0", CUID_B, "b", "solo"));
        ChangeEvent solo = events().get(0);
        assertEquals("solo", solo.key());
        assertEquals(ChangePosition.tail(109, 0), solo.position(), "stays before the open transaction's begin");
        feed(assembler, Markers.commit("113", "5"));
        assertEquals(ChangePosition.tail(113, 0), events().get(1).position());
    }

    @Test
    void transactionBeyondTheEventLimitStreamsWithThePositionBeforeItsBegin() {
        WalEventAssembler assembler = assembler(Set.of(), 2, 100);
        feed(assembler, Markers.begin("110", "31"), Markers.upsert("111", "31", CUID_A, "a", "1"),
                Markers.upsert("112", "31", CUID_A, "a", "2"));
        assertTrue(events().isEmpty(), "held while within the buffer");
        feed(assembler, Markers.upsert("113", "31", CUID_A, "a", "3"));
        assertEquals(List.of("1", "2", "3"), events().stream().map(ChangeEvent::key).toList(),
                "the held events and the one beyond the limit go out at once");
        feed(assembler, Markers.upsert("114", "31", CUID_A, "a", "4"));
        assertEquals(List.of("1", "2", "3", "4"), events().stream().map(ChangeEvent::key).toList());
        assertTrue(events().stream().allMatch(e -> e.position().equals(ChangePosition.tail(109, 0))),
                "every streamed event carries the position before the begin");
        assertEquals(0, assembler.bufferedEvents());
        feed(assembler, Markers.commit("115", "31"));
        assertEquals(ChangePosition.tail(115, 0), out.get(out.size() - 1).position(), "the commit moves it on");
        assertFalse(out.get(out.size() - 1).isEvent());
    }

    @Test
    void bytesBeyondTheBufferStreamTheTransaction() {
        ChangeStreamOptions options = StreamRun.options().build();
        CollectionCatalog catalog = new CollectionCatalog(options.filter());
        catalog.seed(List.of(new ReplicationSource.CollectionInfo("a", CUID_A, false)));
        WalMarker first = Markers.upsert("111", "31", CUID_A, "a", "1");
        WalEventAssembler assembler = new WalEventAssembler("shop", catalog,
                new TransactionBuffer(first.rawLine().length() * 2L, 1_000), ChangePosition.tail(100, 0), options,
                new ChangeStreamMetrics());
        feed(assembler, Markers.begin("110", "31"), first, Markers.upsert("112", "31", CUID_A, "a", "2"));
        assertTrue(events().isEmpty(), "two markers fit in the buffer");
        feed(assembler, Markers.upsert("113", "31", CUID_A, "a", "3"));
        assertEquals(3, events().size(), "the third one does not: the transaction streams");
    }

    @Test
    void anAbortAfterStreamingBeganHaltsNamingTheTransactionAndItsTicks() {
        WalEventAssembler assembler = assembler(Set.of(), 1, 100);
        feed(assembler, Markers.begin("110", "31"), Markers.upsert("111", "31", CUID_A, "a", "1"),
                Markers.upsert("112", "31", CUID_A, "a", "2"), Markers.abort("113", "31"),
                Markers.upsert("114", "0", CUID_A, "a", "after"));
        StreamStep last = out.get(out.size() - 1);
        assertTrue(last.isHalt());
        String message = last.halt().getMessage();
        assertTrue(message.contains("WAL transaction 31") && message.contains("begun at tick 110")
                && message.contains("aborted it at tick 113") && message.contains("transactionBufferSize"), message);
        assertEquals(List.of("1", "2"), events().stream().map(ChangeEvent::key).toList(), "nothing after the halt");
    }

    @Test
    void anAbortOfAHeldTransactionDropsItsEvents() {
        WalEventAssembler assembler = assembler(Set.of(), 10, 100);
        feed(assembler, Markers.begin("110", "31"), Markers.upsert("111", "31", CUID_A, "a", "1"),
                Markers.abort("112", "31"), Markers.upsert("113", "0", CUID_A, "a", "after"));
        assertEquals(List.of("after"), events().stream().map(ChangeEvent::key).toList());
    }

    @Test
    void filteredChangesAdvanceThePositionWithoutEvents() {
        WalEventAssembler assembler = assembler(Set.of("a"), 10,
                100);
        feed(assembler, Markers.upsert("101", "0", CUID_B, "b", "skip"), Markers.begin("102", "4"),
                Markers.upsert("103", "4", CUID_B, "b", "skip2"), Markers.commit("104", "4"));
        assertTrue(events().isEmpty());
        assertEquals(ChangePosition.tail(104, 0), out.get(out.size() - 1).position());
    }

    @Test
    void namesFollowCreatesAndRenames() {
        WalEventAssembler assembler = assembler(Set.of(), 10, 100);
        String cuid = "h3A468B5B7C1A/300";
        feed(assembler, Markers.createCollection("101", cuid, "fresh"), Markers.upsert("102", "0", cuid, "fresh", "k"),
                Markers.rename("103", cuid, "renamed"), Markers.remove("104", "0", cuid, "k"));
        List<ChangeEvent> events = events();
        assertEquals(ChangeType.COLLECTION_CREATE, events.get(0).type());
        assertEquals("fresh", events.get(0).collection());
        assertEquals("fresh", events.get(1).collection());
        assertEquals(ChangeType.COLLECTION_RENAME, events.get(2).type());
        assertEquals("renamed", events.get(2).collection());
        assertEquals("renamed", events.get(3).collection());
    }

    @Test
    void theRenameEventNamesTheOldNameWithoutChangingTheMarker() {
        WalEventAssembler assembler = assembler(Set.of(), 10, 100);
        WalMarker rename = Markers.rename("101", CUID_A, "a2");
        String line = rename.rawLine().toString();
        assertEquals("a2", rename.data().path("name").asText(), "the marker's tree is built before the engine reads it");
        feed(assembler, rename);
        ChangeEvent event = events().get(0);
        assertEquals("a", event.data().path("oldName").asText());
        assertTrue(rename.data().path("oldName").isMissingNode(), "the marker's tree is not the event's");
        assertEquals("{\"name\":\"a2\"}", rename.rawData().json().toString());
        assertEquals(line, rename.rawLine().toString());
    }

    @Test
    void ticksAbove2Pow63StayMonotonic() {
        long start = Long.parseUnsignedLong("9223372036854775806");
        WalEventAssembler assembler = assembler(Set.of(), 10, start);
        feed(assembler, Markers.upsert("9223372036854775807", "0", CUID_A, "a", "1"),
                Markers.upsert("9223372036854775808", "0", CUID_A, "a", "2"),
                Markers.upsert("18446744073709551615", "0", CUID_A, "a", "3"));
        List<ChangeEvent> events = events();
        assertEquals("9223372036854775808", events.get(1).tickString());
        assertEquals(Long.parseUnsignedLong("18446744073709551615"), events.get(2).position().from());
        assembler.endOfResponse(Long.parseUnsignedLong("9223372036854775809"), 0, out::add);
        assertEquals(Long.parseUnsignedLong("18446744073709551615"), assembler.position().from(),
                "a smaller (unsigned) tick never moves the position back");
    }
}
