package io.github.camelarango.replication.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.camelarango.replication.client.WalMarker;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.Markers.CUID_A;
import static io.github.camelarango.replication.cdc.Markers.CUID_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalEventAssemblerTest {

    private final List<StreamStep> out = new ArrayList<>();

    private WalEventAssembler assembler(Set<String> include, int maxTransactionEvents, long start) {
        ChangeStreamOptions options = StreamRun.options().includeCollections(include).build();
        CollectionCatalog catalog = new CollectionCatalog(options.filter());
        catalog.seed(List.of(new ReplicationSource.CollectionInfo("a", CUID_A, false),
                new ReplicationSource.CollectionInfo("b", CUID_B, false)));
        return new WalEventAssembler("shop", catalog, new TransactionBuffer(maxTransactionEvents),
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
    void bufferLimitFailsNamingTransactionLimitAndOption() {
        WalEventAssembler assembler = assembler(Set.of(), 2, 100);
        feed(assembler, Markers.begin("110", "31"), Markers.upsert("111", "31", CUID_A, "a", "1"),
                Markers.upsert("112", "31", CUID_A, "a", "2"));
        TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class,
                () -> feed(assembler, Markers.upsert("113", "31", CUID_A, "a", "3")));
        assertTrue(e.getMessage().contains("transaction 31"), e.getMessage());
        assertTrue(e.getMessage().contains("maxTransactionEvents=2"), e.getMessage());
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
