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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The position knows its server (issue 12 item 1): it names the server's id and the last delivered document change,
 * and a restart that finds another server, or a server restored to another history, reports a lost position instead
 * of skipping the changes the new server counts below the stored tick.
 */
class PositionContinuityTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final PositionStore store = PositionStore.ofStrings(texts::get, texts::put);
    private final ReplayedState sink = new ReplayedState();

    private static ChangeStreamOptions.Builder options() {
        return FakeStreams.options();
    }

    private ChangeStream stream(ChangeStreamOptions.Builder options) {
        return new ChangeStream(source, options.build(), store);
    }

    private List<ChangeEvent> catchUp(ChangeStream stream) {
        return FakeStreams.catchUp(stream, source, sink::apply);
    }

    private JsonNode stored() throws Exception {
        return Json.mapper().readTree(texts.get("test"));
    }

    @Test
    void thePositionNamesItsServerAndTheLastDeliveredChange() throws Exception {
        source.createCollection("a");
        source.upsert("a", "a0");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            String rev = source.upsert("a", "x");
            source.transaction("a", "t1", "t2");
            List<ChangeEvent> delivered = catchUp(stream);
            assertEquals(List.of("x", "t1", "t2"), delivered.stream().map(ChangeEvent::key).toList());
            JsonNode position = stored();
            assertEquals(2, position.get("v").asInt());
            assertEquals("4711", position.get("server").asText());
            JsonNode witness = position.get("witness");
            assertEquals("t2", witness.get("key").asText(), "the transaction's last change: " + position);
            assertEquals(delivered.get(2).rev(), witness.get("rev").asText());
            assertEquals(delivered.get(2).tickString(), witness.get("tick").asText());
            assertEquals(delivered.get(2).cuid(), witness.get("cuid").asText());
            assertTrue(Long.compareUnsigned(delivered.get(2).tick(), position.get("from").asLong()) < 0,
                    "the witness lies before the position (the transaction's commit marker)");
            assertEquals("4711", delivered.get(0).position().server().orElseThrow(),
                    "the handed-out position is the one stored");
            assertEquals(rev, delivered.get(0).position().witness().orElseThrow().rev());
        }
    }

    @Test
    void aChangeDeliveredWhileATransactionWasOpenIsNotTakenForAnUndeliveredOne() throws Exception {
        source.createCollection("a");
        source.upsert("a", "a0");
        String cuid = "hFAKE/100";
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            // a transaction open while a standalone change is written: the standalone change is handed out first,
            // the transaction's change (on an earlier tick) at its commit
            source.appendRaw("{\"type\":2200,\"tid\":\"77\"}");
            source.appendRaw("{\"type\":2300,\"tid\":\"77\",\"cuid\":\"" + cuid
                    + "\",\"data\":{\"_key\":\"t\",\"_id\":\"a/t\",\"_rev\":\"_revT\"}}");
            source.upsert("a", "s");
            source.appendRaw("{\"type\":2201,\"tid\":\"77\"}");
            List<ChangeEvent> delivered = catchUp(stream);
            assertEquals(List.of("s", "t"), delivered.stream().map(ChangeEvent::key).toList());
            assertEquals("s", stored().get("witness").get("key").asText(),
                    "the witness is the delivered change on the highest tick: " + stored());
        }
        try (ChangeStream restarted = stream(options())) {
            source.upsert("a", "later");
            assertEquals(List.of("later"), catchUp(restarted).stream().map(ChangeEvent::key).toList(),
                    "the same server and history: no lost position");
        }
    }

    @Test
    void aReplacedServerIsALostPositionNotAPlaceToGoOnFrom() {
        source.createCollection("a");
        for (int i = 0; i < 5; i++) {
            source.upsert("a", "a" + i);
        }
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
        }
        source.replaceServer("9999"); // its ticks start low again and soon pass the stored tick
        source.createCollection("a");
        for (int i = 0; i < 20; i++) {
            source.upsert("a", "new" + i);
        }
        try (ChangeStream restarted = stream(options())) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> restarted.poll(100));
            assertTrue(e.getMessage().contains("server 9999 is not server 4711 that the position belongs to"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("positionLostPolicy=RESNAPSHOT"), e.getMessage());
            assertEquals(1, restarted.metrics().positionLostCount());
        }
    }

    @Test
    void aReplacedServerUnderResnapshotTakesANewSnapshotOfIt() {
        source.createCollection("a");
        source.upsert("a", "old");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
        }
        source.replaceServer("9999");
        source.createCollection("a");
        for (int i = 0; i < 20; i++) {
            source.upsert("a", "new" + i);
        }
        try (ChangeStream restarted = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            List<ChangeEvent> events = catchUp(restarted);
            assertEquals(20, events.stream().filter(ChangeEvent::snapshot).count());
            source.upsert("a", "later");
            catchUp(restarted);
            assertEquals(source.state().get("a").keySet(), sinkKeysWithout("old"));
        }
    }

    private java.util.Set<String> sinkKeysWithout(String key) {
        java.util.Set<String> keys = new java.util.TreeSet<>(sink.state().get("a").keySet());
        keys.remove(key);
        return keys;
    }

    @Test
    void aServerRestoredFromABackupIsALostPosition() {
        source.createCollection("a");
        source.upsert("a", "a0");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            FakeReplicationSource.Backup backup = source.hotBackup();
            source.upsert("a", "x"); // delivered: the position's witness
            catchUp(stream);
            source.restoreHotBackup(backup);
        }
        source.upsert("a", "y"); // takes x's tick on the restored server
        source.upsert("a", "z");
        try (ChangeStream restarted = stream(options())) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> restarted.poll(100));
            assertTrue(e.getMessage().contains("the server's history differs from the one the position was taken on"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("document 'x'") && e.getMessage().contains("document 'y'"),
                    e.getMessage());
        }
    }

    @Test
    void aRestoredServerWithoutNewWritesIsBehindThePosition() {
        source.createCollection("a");
        source.upsert("a", "a0");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            FakeReplicationSource.Backup backup = source.hotBackup();
            source.upsert("a", "x");
            source.upsert("a", "x2");
            catchUp(stream);
            source.restoreHotBackup(backup);
        }
        try (ChangeStream restarted = stream(options())) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> {
                for (int i = 0; i < 5; i++) {
                    restarted.poll(100);
                }
            });
            assertTrue(e.getMessage().contains("is below the position's tick"), e.getMessage());
        }
    }

    @Test
    void aRestoredServerUnderSkipDeclaresTheGapAndGoesOnFromItsHistory() {
        source.createCollection("a");
        source.upsert("a", "a0");
        long lostAfter;
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            FakeReplicationSource.Backup backup = source.hotBackup();
            source.upsert("a", "x");
            catchUp(stream);
            lostAfter = stream.committedPosition().orElseThrow().from();
            source.restoreHotBackup(backup);
        }
        source.upsert("a", "y");
        source.upsert("a", "z");
        try (ChangeStream restarted = stream(options().positionLostPolicy(PositionLostPolicy.SKIP))) {
            List<ChangeEvent> first = restarted.poll(10);
            assertEquals(ChangeType.GAP, first.get(0).type());
            assertEquals(Long.toUnsignedString(lostAfter), first.get(0).data().get("lostAfterTick").asText());
            assertEquals("the server's history differs from the stream's position",
                    first.get(0).data().get("reason").asText());
            restarted.commit(first.get(0));
            source.upsert("a", "after");
            assertEquals(List.of("after"), catchUp(restarted).stream().map(ChangeEvent::key).toList());
        }
        try (ChangeStream again = stream(options())) {
            source.upsert("a", "more");
            assertEquals(List.of("more"), catchUp(again).stream().map(ChangeEvent::key).toList(),
                    "the position taken after the gap belongs to the restored history");
        }
    }

    @Test
    void aServerRestoredFromABackupTakenAfterTheLastDeliveredChangeIsALostPosition() {
        source.createCollection("a");
        source.createCollection("other");
        source.upsert("a", "a0");
        try (ChangeStream stream = stream(options().includeCollections(java.util.Set.of("a")))) {
            catchUp(stream);
            source.upsert("a", "a1");
            catchUp(stream); // the witness: a1
            FakeReplicationSource.Backup backup = source.hotBackup();
            for (int i = 0; i < 10; i++) {
                source.upsert("other", "o" + i); // not captured: the stream passes them, its position moves on
            }
            catchUp(stream);
            source.restoreHotBackup(backup);
        }
        for (int i = 0; i < 15; i++) {
            source.upsert("a", "new" + i); // the restored server writes on the ticks the stream had passed
        }
        try (ChangeStream restarted = stream(options().includeCollections(java.util.Set.of("a")))) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> restarted.poll(100));
            assertTrue(e.getMessage().contains("restored from a backup") && e.getMessage().contains("document 'new0'")
                    && e.getMessage().contains("a change the stream never delivered"), e.getMessage());
        }
    }

    @Test
    void anAbortedTransactionAfterTheWitnessIsNoEvidence() {
        source.createCollection("a");
        source.createCollection("other");
        source.upsert("a", "a0");
        try (ChangeStream stream = stream(options().includeCollections(java.util.Set.of("a")))) {
            catchUp(stream);
            source.upsert("a", "x"); // the witness
            source.abortedTransaction("a", "never1", "never2"); // in the WAL, never delivered
            source.upsert("other", "o1");
            catchUp(stream);
        }
        source.upsert("a", "y");
        try (ChangeStream restarted = stream(options().includeCollections(java.util.Set.of("a")))) {
            assertEquals(List.of("y"), catchUp(restarted).stream().map(ChangeEvent::key).toList());
        }
    }

    @Test
    void changesOfATypeTheStreamDoesNotDeliverAreNoEvidence() {
        source.createCollection("a");
        source.upsert("a", "a0");
        source.remove("a", "a0");
        ChangeStreamOptions.Builder deletesOnly = options().changeTypes(java.util.Set.of(ChangeType.DELETE));
        try (ChangeStream stream = stream(deletesOnly)) {
            catchUp(stream);
            source.upsert("a", "x");
            source.remove("a", "x"); // the witness
            source.upsert("a", "y"); // passed, not delivered: an upsert
            catchUp(stream);
        }
        source.remove("a", "y");
        try (ChangeStream restarted = stream(deletesOnly)) {
            assertEquals(List.of("y"), catchUp(restarted).stream().map(ChangeEvent::key).toList());
        }
    }

    @Test
    void aServerRestoredDuringTheSnapshotIsFoundWhenTheSnapshotResumes() {
        source.createCollection("a");
        source.createCollection("b");
        FakeReplicationSource.Backup backup = source.hotBackup();
        for (int i = 0; i < 100; i++) { // more than a few polls can dump
            source.upsert("a", "a" + i);
            source.upsert("b", "b" + i);
        }
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> rows = stream.poll(4);
            stream.commit(rows.get(rows.size() - 1));
            source.restoreHotBackup(backup); // the batch is gone with the restart; the ticks went back
            PositionLostException e = assertThrows(PositionLostException.class, () -> {
                stream.poll(4); // the restarted server's answers, before new writes pass the snapshot's tick
                for (int i = 0; i < 300; i++) {
                    source.upsert("a", "new" + i);
                }
                for (int i = 0; i < 200; i++) {
                    stream.poll(4);
                }
            });
            assertTrue(e.getMessage().contains("is below the position's tick")
                    && e.getMessage().contains("restored from a backup"), e.getMessage());
        }
    }

    @Test
    void aPositionFoundLostStaysLostAfterTheServerPassedTheTicksThatShowedIt() throws Exception {
        source.createCollection("a");
        source.createCollection("b");
        FakeReplicationSource.Backup backup = source.hotBackup();
        for (int i = 0; i < 100; i++) {
            source.upsert("a", "a" + i);
            source.upsert("b", "b" + i);
        }
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> rows = new ArrayList<>();
            while (rows.stream().noneMatch(e -> e.collection().equals("b"))) {
                List<ChangeEvent> polled = stream.poll(20);
                rows.addAll(polled);
                stream.commit(polled.get(polled.size() - 1)); // collection a completed
            }
            source.restoreHotBackup(backup); // the batch is gone with the restart; the ticks went back
            assertThrows(PositionLostException.class, () -> stream.poll(4));
        }
        assertTrue(stored().has("lost"), texts.get("test"));
        for (int i = 0; i < 300; i++) {
            source.upsert("a", "new" + i); // the ticks pass the snapshot's: nothing would show the loss any more
        }
        try (ChangeStream restarted = stream(options())) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> restarted.poll(4));
            assertTrue(e.getMessage().contains("an earlier run found this position lost: the server's last tick"),
                    e.getMessage());
        }
        try (ChangeStream resnapshot = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            List<ChangeEvent> events = catchUp(resnapshot);
            assertEquals(300, events.stream().filter(e -> e.collection().equals("a")).count(),
                    "collection a is dumped again by the new snapshot: " + texts.get("test"));
            assertFalse(stored().has("lost"));
        }
    }

    @Test
    void aServerReplacedDuringTheSnapshotIsFoundWhenTheSnapshotResumes() {
        source.createCollection("a");
        for (int i = 0; i < 20; i++) {
            source.upsert("a", "a" + i);
        }
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> rows = stream.poll(4);
            stream.commit(rows.get(rows.size() - 1));
            source.replaceServer("9999");
            source.createCollection("a");
            for (int i = 0; i < 40; i++) {
                source.upsert("a", "n" + i);
            }
            PositionLostException e = assertThrows(PositionLostException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    stream.poll(4);
                }
            });
            assertTrue(e.getMessage().contains("server 9999 is not server 4711"), e.getMessage());
        }
    }

    @Test
    void aWitnessWhoseCollectionWasDroppedIsNoEvidenceAgainstTheServer() {
        source.createCollection("a");
        source.createCollection("b");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            source.upsert("b", "b1"); // the witness
            catchUp(stream);
        }
        source.dropCollection("b"); // the server hides b's markers from now on
        source.upsert("a", "a1");
        try (ChangeStream restarted = stream(options())) {
            List<ChangeEvent> events = catchUp(restarted);
            assertEquals(List.of(ChangeType.COLLECTION_DROP, ChangeType.UPSERT),
                    events.stream().map(ChangeEvent::type).toList());
        }
    }

    @Test
    void aWitnessPurgedFromTheWalLeavesTheServerIdToProveContinuity() {
        source.createCollection("a");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            source.transaction("a", "t1"); // the witness t1 lies before the position (the commit marker)
            catchUp(stream);
        }
        long position = source.lastTick();
        source.purgeUpTo(position - 1); // the server kept the WAL from the position on, as its registration asked
        source.upsert("a", "a1");
        try (ChangeStream restarted = stream(options())) {
            assertEquals(List.of("a1"), catchUp(restarted).stream().map(ChangeEvent::key).toList());
        }
    }

    @Test
    void aWitnessBelowTheOldestTickOfTheWalCannotBeCheckedEvenWhenTheTailSaysFromIsPresent() {
        source.createCollection("a");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            source.transaction("a", "t1"); // the witness t1 lies before the position (the commit marker)
            catchUp(stream);
        }
        long position = source.lastTick();
        source.purgeUpTo(position - 1);
        source.sayFromPresentAlways(); // wal/range's oldest tick is the server's word that the witness is gone
        source.upsert("a", "a1");
        try (ChangeStream restarted = stream(options())) {
            assertEquals(List.of("a1"), catchUp(restarted).stream().map(ChangeEvent::key).toList());
        }
    }

    @Test
    void everyPositionCarriesTheHighestLastTickTheStreamSawOfTheServer() throws Exception {
        source.createCollection("a");
        try (ChangeStream stream = stream(options())) {
            catchUp(stream);
            for (int i = 0; i < 5; i++) {
                source.upsert("a", "y" + i);
            }
            List<ChangeEvent> first = stream.poll(1); // the tail answer holds all five
            stream.commit(first.get(0));
            assertEquals(Long.toString(source.lastTick()), stored().get("serverTick").asText(), texts.get("test"));
            assertEquals(first.get(0).tickString(), stored().get("from").asText());
        }
    }

    @Test
    void aServerWhoseLastTickWentBelowWhatThePositionSawIsALostPosition() {
        source.createCollection("a");
        source.createCollection("other");
        try (ChangeStream stream = stream(options().includeCollections(java.util.Set.of("a")))) {
            catchUp(stream);
            source.upsert("a", "y0");
            FakeReplicationSource.Backup backup = source.hotBackup(); // after y0: the witness survives the restore
            for (int i = 1; i < 10; i++) {
                source.upsert("a", "y" + i);
            }
            List<ChangeEvent> first = stream.poll(1); // y0; the stream has seen the server at y9's tick
            stream.commit(first.get(0));
            source.restoreHotBackup(backup);
        }
        for (int i = 0; i < 3; i++) {
            source.upsert("other", "o" + i); // past the position, still below what the stream saw
        }
        try (ChangeStream restarted = stream(options().includeCollections(java.util.Set.of("a")))) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> restarted.poll(100));
            assertTrue(e.getMessage().contains("that the stream had seen of it")
                    && e.getMessage().contains("restored from a backup?"), e.getMessage());
        }
    }

    @Test
    void aSnapshotPositionOnAServerRestoredToBeforeItsTickIsLostAtTheRestart() {
        source.createCollection("a");
        source.createCollection("b");
        FakeReplicationSource.Backup backup = source.hotBackup();
        for (int i = 0; i < 50; i++) {
            source.upsert("a", "a" + i);
            source.upsert("b", "b" + i);
        }
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> rows = stream.poll(4);
            stream.commit(rows.get(rows.size() - 1));
        }
        source.restoreHotBackup(backup);
        try (ChangeStream restarted = stream(options())) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> restarted.poll(4));
            assertTrue(e.getMessage().contains("is below the position's tick"), e.getMessage());
        }
    }

    @Test
    void aPositionOfFormat1IsAcceptedOnceAndNamesItsServerAfterTheNextCommit() throws Exception {
        source.createCollection("a");
        source.upsert("a", "a0");
        long tick = source.lastTick();
        texts.put("test", "{\"v\":1,\"phase\":\"TAIL\",\"from\":\"" + tick + "\",\"lastScanned\":\"0\"}");
        source.upsert("a", "a1");
        try (ChangeStream stream = stream(options())) {
            assertEquals(List.of("a1"), catchUp(stream).stream().map(ChangeEvent::key).toList());
        }
        assertEquals("4711", stored().get("server").asText());
        assertEquals("a1", stored().get("witness").get("key").asText());
    }

    @Test
    void aSnapshotPositionOfAnotherServerIsLostAndResnapshotStartsAFreshSnapshot() {
        source.createCollection("a");
        source.createCollection("b");
        for (int i = 0; i < 5; i++) {
            source.upsert("a", "a" + i);
            source.upsert("b", "b" + i);
        }
        try (ChangeStream stream = stream(options())) {
            List<ChangeEvent> events = new ArrayList<>();
            while (events.stream().noneMatch(e -> e.position().completedCollections().contains("a"))) {
                events.addAll(stream.poll(1));
            }
            stream.commit(events.get(events.size() - 1));
        }
        source.replaceServer("9999");
        source.createCollection("a");
        source.createCollection("b");
        source.upsert("a", "n1");
        source.upsert("b", "n2");
        try (ChangeStream failing = stream(options())) {
            PositionLostException e = assertThrows(PositionLostException.class, () -> failing.poll(10));
            assertTrue(e.getMessage().contains("server 9999 is not server 4711"), e.getMessage());
        }
        try (ChangeStream restarted = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            List<ChangeEvent> events = catchUp(restarted);
            assertEquals(List.of("n1", "n2"), events.stream().filter(ChangeEvent::snapshot).map(ChangeEvent::key)
                    .toList(), "both collections again, not only b");
        }
        assertFalse(texts.get("test").contains("SNAPSHOT"));
    }
}
