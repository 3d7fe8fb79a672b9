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
package io.github.camelarango.replication;

import java.util.List;
import java.util.Map;

import io.github.camelarango.replication.ReplicaSink.Received;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.emulator.BadLines;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line of a dump or wal/tail answer that cannot be read (issue 12 item 10): under badLinePolicy FAIL the consumer
 * stops once, DOWN, naming where the line is and the ways out, and reads the line no more; under SKIP a SKIPPED
 * change takes its place and the stream goes on.
 */
class BadLinesIT extends ChangesConsumerTestSupport {

    private static final String DUMP = "/_api/replication/dump";
    private static final String TAIL = "/_api/wal/tail";

    @AfterEach
    void clearFaults() {
        SERVER.emulator().faults().clear();
    }

    @Test
    void aBadTailLineStopsTheConsumerOnceNamingItsTickAndTheWayOut() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?snapshotMode=NEVER&offsetRepository=#offsets&initialDelay=0&delay=20&"
                  + f.connection(), sink);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.emulator.faults().rewriteLine("GET", TAIL, "\"_key\":\"bad1\"", BadLines.truncated(), 2);
            insertInOneTailAnswer(f, "ok1", "bad1", "ok2");
            await("the failure", () -> changesConsumer().consumerStatus().lastFailure() != null);
            Thread.sleep(500); // many polls
            String message = health().getMessage().orElse("");
            assertEquals(HealthCheck.State.DOWN, health().getState());
            assertTrue(message.contains("cannot read line 2 of a wal/tail answer of database '" + f.database + "'")
                       && message.contains("(tick ") && message.contains("badLinePolicy=SKIP")
                       && message.contains("repair what corrupts the server's answers"), message);
            assertEquals(List.of("ok1"), sink.received().stream().map(Received::key).toList(),
                    "the change before the bad line is delivered, nothing after it");
            assertEquals(1, f.emulator.faults().pending(), "the bad answer was read once, not at every poll");
        }
    }

    @Test
    void aBadTailLineUnderSkipBecomesASkippedChange() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?snapshotMode=NEVER&badLinePolicy=SKIP&offsetRepository=#offsets"
                  + "&initialDelay=0&" + f.connection(), sink);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.emulator.faults().rewriteLine("GET", TAIL, "\"_key\":\"bad1\"", BadLines.invalidUtf8(), 1);
            insertInOneTailAnswer(f, "ok1", "bad1", "ok2");
            await("three changes", () -> sink.count() == 3);
            List<Received> received = sink.received();
            assertEquals(List.of(ChangeType.UPSERT, ChangeType.SKIPPED, ChangeType.UPSERT),
                    received.stream().map(Received::type).toList());
            Map<String, Object> skipped = map(received.get(1).body());
            assertTrue(String.valueOf(skipped.get("reason")).contains("malformed line 2"), skipped.toString());
            assertTrue(String.valueOf(skipped.get("lineStart")).contains("\"bad1\""), skipped.toString());
            assertEquals(2, ((Number) skipped.get("lineNumber")).intValue());
            assertEquals("ok2", received.get(2).key());
            assertEquals(1L, changesConsumer().consumerStatus().eventsByType().get("SKIPPED"));
            assertEquals(HealthCheck.State.UP, health().getState());
        }
    }

    @Test
    void aBadDumpLineStopsTheSnapshotOnceNamingTheCollection() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 1; i <= 5; i++) {
                f.insert("orders", Map.of("_key", "d" + i));
            }
            f.emulator.faults().rewriteLine("GET", DUMP, "\"_key\":\"d3\"", BadLines.truncated(), 2);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?offsetRepository=#offsets&initialDelay=0&delay=20&" + f.connection(),
                    sink);
            await("the failure", () -> changesConsumer().consumerStatus().lastFailure() != null);
            Thread.sleep(500); // many polls
            String message = health().getMessage().orElse("");
            assertEquals(HealthCheck.State.DOWN, health().getState());
            assertTrue(message.contains("of a dump chunk of collection 'orders' of database '" + f.database + "'")
                       && message.contains("after about 2 documents of it") && message.contains("badLinePolicy"),
                    message);
            assertEquals(List.of("d1", "d2"), sink.received().stream().map(Received::key).toList());
            assertEquals(1, f.emulator.faults().pending(), "the collection was dumped once, not at every poll");
        }
    }

    @Test
    void aBadDumpLineUnderSkipBecomesASkippedChangeOfItsCollection() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 1; i <= 5; i++) {
                f.insert("orders", Map.of("_key", "d" + i));
            }
            f.emulator.faults().rewriteLine("GET", DUMP, "\"_key\":\"d5\"", BadLines.truncated(), 1);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?badLinePolicy=SKIP&offsetRepository=#offsets&initialDelay=0&"
                  + f.connection(), sink);
            await("the snapshot", () -> sink.count() == 5);
            f.insert("orders", Map.of("_key", "later"));
            await("the change after it", () -> sink.count() == 6);
            List<Received> received = sink.received();
            assertEquals(List.of("d1", "d2", "d3", "d4"), received.subList(0, 4).stream().map(Received::key).toList());
            assertEquals(ChangeType.SKIPPED, received.get(4).type());
            assertEquals("orders", received.get(4).collection());
            assertEquals("later", received.get(5).key());
        }
    }

    /**
     * Inserts the documents while the route does not poll, so that its next wal/tail answer holds them all and the
     * line numbers the tests expect are those of these inserts (a poll between two inserts would make "line 2" a
     * "line 1" of the next answer).
     */
    private void insertInOneTailAnswer(CaptureFixture f, String... keys) throws Exception {
        context.getRouteController().suspendRoute("cdc");
        Thread.sleep(300); // a tail call under way (or read ahead) answers before the inserts
        for (String key : keys) {
            f.insert("orders", Map.of("_key", key));
        }
        context.getRouteController().resumeRoute("cdc");
    }
}
