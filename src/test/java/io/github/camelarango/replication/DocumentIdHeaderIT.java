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

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.cdc.ChangeType;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code CamelArangoReplicationDocumentId} names collection and key ({@code orders/1}), so that documents of the same
 * {@code _key} in different collections stay apart (in one compacted Kafka topic, for example): on every document
 * change and tombstone, in both envelopes, and on the dump consumer's documents.
 */
class DocumentIdHeaderIT extends ChangesConsumerTestSupport {

    @Test
    void everyDocumentChangeAndTombstoneNamesCollectionAndKeyInTheNativeEnvelope() throws Exception {
        assertDocumentIds("native");
    }

    @Test
    void everyDocumentChangeAndTombstoneNamesCollectionAndKeyInTheDebeziumEnvelope() throws Exception {
        List<Message> received = assertDocumentIds("debezium");
        for (Message m : received) {
            if (m.getBody() != null) {
                JsonNode value = JSON.readTree(m.getBody(String.class));
                assertEquals(m.getHeader(ArangoReplicationConstants.COLLECTION),
                        value.path("source").path("collection").asText(), "source names the collection: " + value);
            }
        }
    }

    @Test
    void dumpDocumentsNameCollectionAndKey() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers")) {
            f.insert("orders", Map.of("_key", "1"));
            f.insert("customers", Map.of("_key", "1"));
            List<Message> received = new CopyOnWriteArrayList<>();
            route("arango-replication:dump?initialDelay=0&repeatCount=1&" + f.connection(),
                    exchange -> received.add(exchange.getMessage().copy()));
            await("the dump", () -> received.size() == 2);
            assertEquals(List.of("customers/1", "orders/1"), received.stream()
                    .map(m -> m.getHeader(ArangoReplicationConstants.DOCUMENT_ID, String.class)).sorted().toList());
        }
    }

    /** Captures orders/1 and customers/1 through snapshot, update, delete (with tombstone) and a new collection. */
    private List<Message> assertDocumentIds(String envelope) throws Exception {
        try (CaptureFixture f = fixture("orders", "customers")) {
            f.insert("orders", Map.of("_key", "1", "total", 10));
            f.insert("customers", Map.of("_key", "1", "name", "Ada"));
            List<Message> received = new CopyOnWriteArrayList<>();
            route("arango-replication:changes?envelope=" + envelope + "&tombstoneOnDelete=true"
                  + "&offsetRepository=#offsets&" + f.connection(), exchange -> received.add(exchange.getMessage().copy()));
            await("the snapshot", () -> received.size() == 2);
            f.update("orders", "1", Map.of("total", 11));
            f.remove("orders", "1");
            f.db.collection("later").create();
            f.update("customers", "1", Map.of("name", "Ada L."));
            await("update, delete, tombstone, collection create, update", () -> received.size() == 7);

            List<String> seen = received.stream().map(m -> m.getHeader(ArangoReplicationConstants.CHANGE_TYPE)
                    + (Boolean.TRUE.equals(m.getHeader(ArangoReplicationConstants.TOMBSTONE)) ? " tombstone" : "")
                    + " " + m.getHeader(ArangoReplicationConstants.DOCUMENT_ID)
                    + " " + m.getHeader(ArangoReplicationConstants.KEY)).toList();
            assertEquals(List.of("SNAPSHOT_READ customers/1 1", "SNAPSHOT_READ orders/1 1", "UPSERT orders/1 1",
                    "DELETE orders/1 1", "DELETE tombstone orders/1 1", "COLLECTION_CREATE null null",
                    "UPSERT customers/1 1"), sortSnapshot(seen), "the key header stays the bare _key");
            Message create = received.stream()
                    .filter(m -> m.getHeader(ArangoReplicationConstants.CHANGE_TYPE) == ChangeType.COLLECTION_CREATE)
                    .findFirst().orElseThrow();
            assertNull(create.getHeader(ArangoReplicationConstants.DOCUMENT_ID), "a schema change names no document");
            assertTrue(received.stream().filter(m -> m.getHeader(ArangoReplicationConstants.KEY) != null)
                    .allMatch(m -> m.getHeader(ArangoReplicationConstants.DOCUMENT_ID).equals(
                            m.getHeader(ArangoReplicationConstants.COLLECTION) + "/"
                            + m.getHeader(ArangoReplicationConstants.KEY))));
            return received;
        }
    }

    /** The snapshot's two rows in a stable order (a snapshot dumps collections in no promised order). */
    private static List<String> sortSnapshot(List<String> seen) {
        List<String> sorted = new java.util.ArrayList<>(seen.subList(0, 2).stream().sorted().toList());
        sorted.addAll(seen.subList(2, seen.size()));
        return sorted;
    }
}
