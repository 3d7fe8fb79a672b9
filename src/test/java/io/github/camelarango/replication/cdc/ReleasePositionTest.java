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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The position each event is handed out with, as the whole stream stamps it (catalog, server, witness), is the one to
 * commit after it: inside a WAL transaction every event but the last carries the position from before the
 * transaction, the last one its commit — across tail answers that cut the transaction, interleaved transactions, a
 * streamed transaction, a rewind and a restart — and every hand-out is an object of its own (the commit tracker tells
 * events apart by identity).
 */
class ReleasePositionTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();
    /** The document changes handed out so far, in hand-out order (the witnesses a position may name). */
    private final List<ChangeEvent> changes = new ArrayList<>();
    private String cuid;
    /** The name of the captured collection the positions list. */
    private String name = "a";

    /** Options with tail answers of 4 markers: a transaction of 3 or more writes is cut by an answer's end. */
    private static ChangeStreamOptions.Builder options() {
        return FakeStreams.options();
    }

    private ChangeStream stream(ChangeStreamOptions.Builder options) {
        return new ChangeStream(source, options.build(), store);
    }

    /** Collection "a" with one document, snapshotted, and one standalone change "w" tailed and committed. */
    private ChangeStream started(ChangeStreamOptions.Builder options) {
        source.createCollection("a");
        source.upsert("a", "seed");
        ChangeStream stream = stream(options);
        FakeStreams.catchUp(stream, source, events -> { });
        source.upsert("a", "w");
        List<ChangeEvent> w = pollAll(stream);
        assertEquals(List.of("w"), keys(w));
        stream.commit(w.get(0));
        cuid = w.get(0).cuid();
        return stream;
    }

    private long begin(String tid) {
        return source.appendRaw("{\"type\":2200,\"tid\":\"" + tid + "\"}");
    }

    private long commit(String tid) {
        return source.appendRaw("{\"type\":2201,\"tid\":\"" + tid + "\"}");
    }

    private long write(String tid, String key) {
        return source.appendRaw("{\"type\":2300,\"tid\":\"" + tid + "\",\"cuid\":\"" + cuid + "\",\"data\":{\"_key\":\""
                + key + "\",\"_id\":\"a/" + key + "\",\"_rev\":\"_r" + key + "\"}}");
    }

    /** Polls until an empty poll, checking each event's position as it is handed out. */
    private List<ChangeEvent> pollAll(ChangeStream stream) {
        List<ChangeEvent> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<ChangeEvent> events = stream.poll(50);
            if (events.isEmpty() && i > 0) {
                return all;
            }
            events.forEach(this::handedOut);
            all.addAll(events);
        }
        return all;
    }

    /** Every tail position names the server, lists the captured collection and has the right witness. */
    private void handedOut(ChangeEvent event) {
        ChangePosition position = event.position();
        assertEquals(source.serverId(), position.server().orElse(null), position::toString);
        assertTrue(position.serverTick() > 0, position::toString);
        if (cuid != null) {
            assertEquals(Map.of(cuid, name), position.collections().orElse(null), position::toString);
        }
        if (event.type().isDocumentChange() && !event.snapshot()) {
            changes.add(event);
        }
        if (!position.isSnapshot() && !changes.isEmpty()) {
            ChangeEvent expected = null;
            for (ChangeEvent c : changes) {
                if (Long.compareUnsigned(c.tick(), position.from()) <= 0
                        && (expected == null || Long.compareUnsigned(c.tick(), expected.tick()) > 0)) {
                    expected = c;
                }
            }
            if (expected != null) {
                assertEquals(new ChangePosition.Witness(expected.tick(), expected.cuid(), expected.key(),
                        expected.rev()), position.witness().orElse(null), "witness of " + event.key() + " at "
                        + position);
            }
        }
    }

    private static List<String> keys(List<ChangeEvent> events) {
        return events.stream().map(ChangeEvent::key).toList();
    }

    private static List<Long> froms(List<ChangeEvent> events) {
        return events.stream().map(e -> e.position().from()).toList();
    }

    private long storedFrom() {
        return store.load("test").orElseThrow().from();
    }

    private static void allDistinct(List<ChangeEvent> events) {
        Set<ChangeEvent> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ChangeEvent e : events) {
            assertTrue(seen.add(e), "one object handed out twice: " + e);
        }
    }

    @Test
    void interleavedTransactionsCutByTailAnswersCarryThePositionBeforeTheOldestOpenOne() {
        try (ChangeStream stream = started(options())) {
            long base = source.lastTick();
            begin("71");
            write("71", "k1");
            long x = write("0", "x");
            begin("72");
            write("72", "k2");
            commit("72");
            write("71", "k3");
            long c1 = commit("71");
            List<ChangeEvent> events = pollAll(stream);
            assertEquals(List.of("x", "k2", "k1", "k3"), keys(events));
            assertEquals(List.of(base, base, base, c1), froms(events),
                    "x (tick " + x + ") and transaction 72 are written while 71 is open: the position stays before it");
            allDistinct(events);
            for (int i = 0; i < 3; i++) {
                stream.commit(events.get(i));
                assertEquals(base, storedFrom(), "after committing " + events.get(i).key());
            }
            stream.commit(events.get(3));
            assertEquals(c1, storedFrom());
        }
    }

    /**
     * An event decoded while an older transaction was open is released after that one committed: it carries the
     * position reached then, not the one it was decoded at.
     */
    @Test
    void anEventIsReleasedAtThePositionOfItsCommitNotTheOneItWasDecodedAt() {
        try (ChangeStream stream = started(options())) {
            long base = source.lastTick();
            long b1 = begin("91");
            begin("92");
            write("92", "m1");
            write("91", "n1");
            commit("91");
            write("92", "m2");
            long c2 = commit("92");
            List<ChangeEvent> events = pollAll(stream);
            assertEquals(List.of("n1", "m1", "m2"), keys(events));
            assertEquals(List.of(b1, b1, c2), froms(events), "m1 was decoded at " + base + ", before 91 committed");
            allDistinct(events);
            stream.commit(events.get(1));
            assertEquals(b1, storedFrom());
            stream.commit(events.get(2));
            assertEquals(c2, storedFrom());
        }
    }

    @Test
    void aStreamedTransactionThenAHeldOneEachCommitAfterTheirLastEvent() {
        try (ChangeStream stream = started(options().maxTransactionEvents(2))) {
            long base = source.lastTick();
            begin("81");
            for (String k : List.of("s1", "s2", "s3", "s4")) {
                write("81", k);
            }
            long c1 = commit("81");
            begin("82");
            write("82", "h1");
            long c2 = commit("82");
            List<ChangeEvent> events = pollAll(stream);
            assertEquals(List.of("s1", "s2", "s3", "s4", "h1"), keys(events));
            assertEquals(List.of(base, base, base, base, c2), froms(events));
            allDistinct(events);
            stream.commit(events.get(3));
            assertEquals(base, storedFrom(), "a streamed transaction is not committed by its events");
            stream.commit(events.get(4));
            assertEquals(c2, storedFrom());
            assertTrue(Long.compareUnsigned(c2, c1) > 0);
        }
    }

    /**
     * A restart from a position saved inside a transaction, with no write since: the transaction's first events carry
     * that very position (nothing to stamp on them), and committing one of them leaves it where it is.
     */
    @Test
    void aRestartInsideATransactionRedeliversItWholeAtTheStoredPosition() {
        long base;
        long c;
        ChangePosition stored;
        try (ChangeStream crashed = started(options())) {
            base = source.lastTick();
            source.transaction("a", "t1", "t2", "t3", "t4");
            c = source.lastTick();
            List<ChangeEvent> first = pollAll(crashed);
            assertEquals(List.of("t1", "t2", "t3", "t4"), keys(first));
            assertEquals(List.of(base, base, base, c), froms(first));
            crashed.commit(first.get(1));
            stored = store.load("test").orElseThrow();
            assertEquals(base, stored.from());
        }
        changes.clear();
        try (ChangeStream restarted = stream(options())) {
            List<ChangeEvent> again = pollAll(restarted);
            assertEquals(List.of("t1", "t2", "t3", "t4"), keys(again), "the transaction is replayed whole");
            assertEquals(List.of(base, base, base, c), froms(again));
            assertEquals(stored, again.get(0).position(), "the position before the transaction, as it was stored");
            allDistinct(again);
            restarted.commit(again.get(2));
            assertEquals(stored, store.load("test").orElseThrow());
            restarted.commit(again.get(3));
            assertEquals(c, storedFrom());
            assertTrue(restarted.failure().isEmpty(), () -> restarted.failure().toString());
        }
    }

    /**
     * A rewind hands the transaction's events out again as new objects: a late commit of an event handed out before
     * the rewind moves nothing, before or after the new ones were committed.
     */
    @Test
    void aRewindRedeliversATransactionAsNewEventsAndIgnoresLateCommitsOfTheOldOnes() {
        try (ChangeStream stream = started(options())) {
            long base = source.lastTick();
            source.transaction("a", "t1", "t2", "t3");
            long c = source.lastTick();
            List<ChangeEvent> before = stream.poll(2);
            before.forEach(this::handedOut);
            assertEquals(List.of("t1", "t2"), keys(before));
            stream.commit(before.get(0));
            stream.rewind();
            List<ChangeEvent> after = pollAll(stream);
            assertEquals(List.of("t1", "t2", "t3"), keys(after));
            assertEquals(List.of(base, base, c), froms(after));
            for (int i = 0; i < before.size(); i++) {
                assertNotSame(before.get(i), after.get(i), "the rewind hands out " + after.get(i).key() + " anew");
                assertEquals(before.get(i).position(), after.get(i).position());
            }
            stream.commit(before.get(1));
            assertEquals(base, storedFrom());
            stream.commit(after.get(2));
            assertEquals(c, storedFrom());
            stream.commit(before.get(1));
            stream.commit(after.get(0));
            assertEquals(c, storedFrom(), "a late commit never moves the position back");
        }
    }

    /**
     * A rename followed: the transaction after it carries positions listing the collection under its new name, and its
     * events name it so, from before the transaction until its commit; a restart inside it resumes under that name.
     */
    @Test
    void aTransactionAfterARenameCarriesTheNewNameInItsPositions() {
        try (ChangeStream stream = started(options())) {
            source.renameCollection("a", "b");
            name = "b";
            long base = source.lastTick();
            source.transaction("b", "t1", "t2", "t3");
            long c = source.lastTick();
            List<ChangeEvent> events = pollAll(stream);
            assertEquals(List.of(ChangeType.COLLECTION_RENAME, ChangeType.UPSERT, ChangeType.UPSERT, ChangeType.UPSERT),
                    events.stream().map(ChangeEvent::type).toList());
            List<ChangeEvent> transaction = events.subList(1, 4);
            assertEquals(List.of("b", "b", "b"), transaction.stream().map(ChangeEvent::collection).toList());
            assertEquals(List.of(base, base, c), froms(transaction));
            stream.commit(transaction.get(1));
            assertEquals(Map.of(cuid, "b"), store.load("test").orElseThrow().collections().orElseThrow());
        }
        changes.clear();
        try (ChangeStream restarted = stream(options())) {
            List<ChangeEvent> again = pollAll(restarted);
            assertEquals(List.of("t1", "t2", "t3"), keys(again));
            assertEquals(List.of("b", "b", "b"), again.stream().map(ChangeEvent::collection).toList());
        }
    }

    /** A held transaction aborted between two committed ones leaves no event and no position inside it. */
    @Test
    void anAbortBetweenTransactionsLeavesTheirPositionsAsTheyAre() {
        try (ChangeStream stream = started(options())) {
            long base = source.lastTick();
            source.transaction("a", "p1", "p2");
            long c1 = source.lastTick();
            source.abortedTransaction("a", "q1", "q2");
            source.transaction("a", "r1", "r2");
            long c3 = source.lastTick();
            List<ChangeEvent> events = pollAll(stream);
            assertEquals(List.of("p1", "p2", "r1", "r2"), keys(events));
            assertEquals(base, events.get(0).position().from());
            assertEquals(c1, events.get(1).position().from());
            assertTrue(Long.compareUnsigned(events.get(2).position().from(), c1) >= 0
                    && Long.compareUnsigned(events.get(2).position().from(), c3 - 3) < 0,
                    "r1 carries a position before r's begin: " + events.get(2).position());
            assertEquals(c3, events.get(3).position().from());
            allDistinct(events);
            stream.commit(events.get(2));
            assertEquals(events.get(2).position(), store.load("test").orElseThrow());
            stream.commit(events.get(3));
            assertEquals(c3, storedFrom());
        }
    }

    /**
     * A lost position taken as a new snapshot (RESNAPSHOT): the transaction after it carries positions on the server,
     * with the collections and the witness, from before it until its last event.
     */
    @Test
    void aTransactionAfterANewSnapshotForALostPositionCarriesItsPositions() {
        try (ChangeStream crashed = started(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            source.upsert("a", "gone");
            crashed.poll(50);
        }
        source.purgeUpTo(source.lastTick());
        changes.clear();
        try (ChangeStream restarted = stream(options().positionLostPolicy(PositionLostPolicy.RESNAPSHOT))) {
            List<ChangeEvent> snapshot = pollAll(restarted);
            assertTrue(snapshot.stream().allMatch(ChangeEvent::snapshot), () -> keys(snapshot).toString());
            restarted.commit(snapshot.get(snapshot.size() - 1));
            long base = source.lastTick();
            source.transaction("a", "t1", "t2", "t3");
            long c = source.lastTick();
            List<ChangeEvent> events = pollAll(restarted);
            assertEquals(List.of("t1", "t2", "t3"), keys(events));
            assertEquals(List.of(base, base, c), froms(events), "the new snapshot's tick, then the commit");
            allDistinct(events);
            restarted.commit(events.get(1));
            assertEquals(base, storedFrom());
            restarted.commit(events.get(2));
            assertEquals(c, storedFrom());
        }
    }
}
