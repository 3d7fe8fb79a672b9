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
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelarango.replication.ReplicaSink.Received;
import io.github.camelarango.replication.cdc.ChangeType;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captured collections renamed, dropped and truncated through the official driver while the changes consumer runs or
 * is stopped (issue 12 item 6): the consumer follows a collection by its identity, across a restart too.
 */
class ChangesConsumerCollectionsIT extends ChangesConsumerTestSupport {

    /** The old-name header of every exchange, in order (null where absent). */
    private final List<String> oldNames = new CopyOnWriteArrayList<>();

    private void capture(CaptureFixture f, String options, ReplicaSink sink) throws Exception {
        route("arango-replication:changes?collections=orders&offsetRepository=#offsets&initialDelay=0&" + options
              + f.connection(), (Exchange e) -> oldNames.add(e.getMessage().getHeader(
                      ArangoReplicationConstants.OLD_COLLECTION, String.class)), sink);
    }

    private static List<String> describe(List<Received> received) {
        return received.stream().map(r -> r.type() + " " + r.collection() + (r.key() == null ? "" : "/" + r.key()))
                .toList();
    }

    @Test
    void aRenamedCollectionIsFollowedAlsoAfterARestart() throws Exception {
        try (CaptureFixture f = fixture("orders", "other")) {
            f.insert("orders", Map.of("_key", "o1"));
            ReplicaSink sink = new ReplicaSink();
            capture(f, "", sink);
            await("the snapshot", () -> sink.count() == 1);
            f.db.collection("orders").rename("orders2");
            f.insert("orders2", Map.of("_key", "o2"));
            f.insert("other", Map.of("_key", "x"));
            await("the rename and o2", () -> sink.count() == 3);
            assertEquals(List.of("SNAPSHOT_READ orders/o1", "COLLECTION_RENAME orders2", "UPSERT orders2/o2"),
                    describe(sink.received()));
            assertEquals("orders", oldNames.get(1), "the rename names the old name in a header");
            assertEquals(Map.of("name", "orders2", "oldName", "orders"), map(sink.received().get(1).body()));

            context.getRouteController().stopRoute("cdc");
            f.insert("orders2", Map.of("_key", "o3"));
            context.getRouteController().startRoute("cdc");
            await("o3 after the restart", () -> sink.count() == 4);
            assertEquals("UPSERT orders2/o3", describe(sink.received()).get(3));
            Map<String, String> replayed = new java.util.TreeMap<>(sink.state(List.of("orders")).get("orders"));
            replayed.putAll(sink.state(List.of("orders2")).get("orders2")); // a replica applies the rename
            assertEquals(f.truth(List.of("orders2")).get("orders2"), replayed);
        }
    }

    @Test
    void aCollectionDroppedWhileStoppedIsDeliveredWithItsName() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            ReplicaSink sink = new ReplicaSink();
            capture(f, "", sink);
            await("the snapshot", () -> sink.count() == 1);
            awaitCommitted(changesConsumer().getOffsetKey());
            context.getRouteController().stopRoute("cdc");
            f.insert("orders", Map.of("_key", "o2"));
            f.db.collection("orders").drop();
            context.getRouteController().startRoute("cdc");
            await("the drop", () -> sink.count() == 2);
            assertEquals("COLLECTION_DROP orders", describe(sink.received()).get(1),
                    "the tail hides the dropped collection's other markers (o2), but its drop is delivered, named");
        }
    }

    @Test
    void renameFailPolicyDeliversTheRenameThenReportsTheConsumerDown() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = new ReplicaSink();
            capture(f, "collectionRenamePolicy=FAIL&", sink);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.db.collection("orders").rename("archive");
            f.insert("archive", Map.of("_key", "a1"));
            await("the rename", () -> sink.count() == 1);
            await("the consumer DOWN", () -> health().getState() == HealthCheck.State.DOWN);
            String message = health().getMessage().orElse("");
            assertTrue(message.contains("'orders' was renamed to 'archive'") && message.contains("offsetKey='"
                    + changesConsumer().getOffsetKey() + "'"), message);
            Thread.sleep(300);
            assertEquals(List.of("COLLECTION_RENAME archive"), describe(sink.received()), "nothing after the rename");
        }
    }

    @Test
    void aTruncateOfALargeCapturedCollectionIsDelivered() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = new ReplicaSink();
            capture(f, "snapshotMode=NEVER&operationTypes=COLLECTION_TRUNCATE&", sink);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.emulator.generateDocuments(f.database, "orders", 32_768, i -> Map.of("n", i)); // one 2004 marker
            f.db.collection("orders").truncate();
            await("the truncate", () -> sink.count() == 1);
            assertEquals(ChangeType.COLLECTION_TRUNCATE, sink.received().get(0).type());
            assertEquals("orders", sink.received().get(0).collection());
        }
    }
}
