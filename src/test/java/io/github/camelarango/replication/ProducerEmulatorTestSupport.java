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

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.client.DumpBatch;
import io.github.camelarango.replication.client.Inventory;
import io.github.camelarango.replication.client.InventoryCollection;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.client.RevisionDocuments;
import io.github.camelarango.replication.client.RevisionRanges;
import io.github.camelarango.replication.client.RevisionTree;
import io.github.camelarango.replication.client.WalLastTick;
import io.github.camelarango.replication.client.WalMarker;
import io.github.camelarango.replication.client.WalRange;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.ArangoReplicationConstants.BATCH_ID;
import static io.github.camelarango.replication.ArangoReplicationConstants.CHECK_MORE;
import static io.github.camelarango.replication.ArangoReplicationConstants.CHUNK_SIZE;
import static io.github.camelarango.replication.ArangoReplicationConstants.COLLECTION;
import static io.github.camelarango.replication.ArangoReplicationConstants.DESERIALIZE;
import static io.github.camelarango.replication.ArangoReplicationConstants.FROM;
import static io.github.camelarango.replication.ArangoReplicationConstants.FROM_PRESENT;
import static io.github.camelarango.replication.ArangoReplicationConstants.LAST_INCLUDED;
import static io.github.camelarango.replication.ArangoReplicationConstants.LAST_TICK;
import static io.github.camelarango.replication.ArangoReplicationConstants.OPERATION;
import static io.github.camelarango.replication.ArangoReplicationConstants.TTL;
import static io.github.camelarango.replication.ArangoReplicationConstants.USE_ENVELOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The producer against a running server (the emulator, or a real ArangoDB with -Darango.url): a route calls the
 * operations selected by the {@code CamelArangoReplicationOperation} header and gets typed results with the
 * replication headers. Subclasses pick the server version and role and add what differs between versions.
 */
abstract class ProducerEmulatorTestSupport extends CamelTestSupport {

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    /** The server of the concrete test class. */
    protected abstract ArangoEmulatorExtension server();

    protected String connection() {
        URI url = URI.create(server().url());
        return "host=" + url.getHost() + "&port=" + url.getPort() + "&user=" + server().user() + "&password="
               + server().password();
    }

    protected EmulatorAdmin documents() {
        return new EmulatorAdmin(server().url(), server().user(), server().password());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:replication").routeId("replication")
                        .to("arango-replication:loggerState?" + connection());
                from("direct:raw").routeId("raw")
                        .to("arango-replication:loggerState?deserialize=false&" + connection())
                        .convertBodyTo(String.class);
                from("direct:dumpOneByOne").routeId("dumpOneByOne")
                        .to("arango-replication:dump?chunkSize=1&" + connection());
            }
        };
    }

    protected Exchange call(String endpoint, String operation, Object body, Map<String, Object> headers) {
        return template.send(endpoint, exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            exchange.getMessage().setHeader(OPERATION, operation);
            exchange.getMessage().setBody(body);
        });
    }

    /** Calls the operation through the main route and fails the test with the exception when it fails. */
    protected Exchange ok(String operation, Map<String, Object> headers) {
        Exchange exchange = call("direct:replication", operation, null, headers);
        if (exchange.getException() != null) {
            fail(operation + " failed: " + exchange.getException(), exchange.getException());
        }
        return exchange;
    }

    protected <T> T okBody(String operation, Map<String, Object> headers, Class<T> type) {
        return assertInstanceOf(type, ok(operation, headers).getMessage().getBody());
    }

    /** A new collection with documents k0..k(count-1). */
    protected String collectionWith(int count) {
        String name = "orders" + COLLECTIONS.incrementAndGet();
        EmulatorAdmin documents = documents();
        documents.createCollection("_system", name);
        for (int i = 0; i < count; i++) {
            documents.insert("_system", name, Map.of("_key", "k" + i, "amount", i));
        }
        return name;
    }

    protected static Set<String> keys(List<?> documents) {
        Set<String> keys = new TreeSet<>();
        for (Object document : documents) {
            keys.add(String.valueOf(((Map<?, ?>) document).get("_key")));
        }
        return keys;
    }

    @Test
    void snapshotThroughBatchInventoryAndDump() {
        String collection = collectionWith(5);
        DumpBatch batch = okBody("createDumpBatch", Map.of(TTL, 120), DumpBatch.class);
        assertNotNull(batch.id());
        assertTrue(batch.lastTick() > 0, "the batch pins a snapshot tick");

        Inventory inventory = okBody("inventory", Map.of(BATCH_ID, batch.id()), Inventory.class);
        assertTrue(inventory.collections().stream().map(InventoryCollection::name).anyMatch(collection::equals),
                "inventory lists " + collection);

        documents().insert("_system", collection, Map.of("_key", "afterSnapshot"));
        List<Object> dumped = new ArrayList<>();
        Exchange chunk;
        int calls = 0;
        do {
            chunk = call("direct:dumpOneByOne", "dump", null, Map.of(COLLECTION, collection, BATCH_ID, batch.id()));
            assertNull(chunk.getException(), "dump failed");
            dumped.addAll(chunk.getMessage().getBody(List.class));
            calls++;
        } while (Boolean.TRUE.equals(chunk.getMessage().getHeader(CHECK_MORE)) && calls < 20);
        assertEquals(Set.of("k0", "k1", "k2", "k3", "k4"), keys(dumped), "the dump reads the batch snapshot");
        assertEquals(5, calls, "chunkSize=1 gives one document per call");
        assertEquals(Boolean.FALSE, chunk.getMessage().getHeader(CHECK_MORE));

        assertEquals(Boolean.TRUE, ok("extendDumpBatch", Map.of(BATCH_ID, batch.id(), TTL, 300)).getMessage().getBody());
        assertEquals(Boolean.TRUE, ok("deleteDumpBatch", Map.of(BATCH_ID, batch.id())).getMessage().getBody());
    }

    @Test
    void headerChunkSizeOverridesTheOption() {
        String collection = collectionWith(4);
        DumpBatch batch = okBody("createDumpBatch", Map.of(), DumpBatch.class);
        Exchange all = call("direct:dumpOneByOne", "dump", null,
                Map.of(COLLECTION, collection, BATCH_ID, batch.id(), CHUNK_SIZE, 1_000_000));
        assertEquals(Set.of("k0", "k1", "k2", "k3"), keys(all.getMessage().getBody(List.class)));
        assertEquals(Boolean.FALSE, all.getMessage().getHeader(CHECK_MORE));
        ok("deleteDumpBatch", Map.of(BATCH_ID, batch.id()));
    }

    @Test
    void rawDumpIsNewlineDelimitedJson() throws Exception {
        String collection = collectionWith(3);
        DumpBatch batch = okBody("createDumpBatch", Map.of(), DumpBatch.class);
        Exchange raw = call("direct:raw", "dump", null,
                Map.of(COLLECTION, collection, BATCH_ID, batch.id(), USE_ENVELOPE, true));
        assertFalse(raw.isFailed(), () -> "raw dump failed: " + raw.getException());
        List<String> lines = raw.getMessage().getBody(String.class).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(2300, first.get("type").asInt(), "useEnvelope=true wraps each document");
        assertTrue(first.get("data").get("_key").asText().startsWith("k"));
        ok("deleteDumpBatch", Map.of(BATCH_ID, batch.id()));
    }

    @Test
    void walTailReturnsMarkersAndReplicationHeaders() {
        WalLastTick before = okBody("walLastTick", Map.of(), WalLastTick.class);
        String collection = collectionWith(2);
        Exchange tail = ok("walTail", Map.of(FROM, Long.toUnsignedString(before.tick())));
        List<?> markers = tail.getMessage().getBody(List.class);
        List<String> insertedKeys = new ArrayList<>();
        for (Object element : markers) {
            WalMarker marker = assertInstanceOf(WalMarker.class, element);
            assertTrue(Long.compareUnsigned(marker.tick(), before.tick()) > 0, "from is exclusive");
            if (marker.type() == 2300 && marker.data() != null && marker.data().path("_id").asText().startsWith(collection + "/")) {
                insertedKeys.add(marker.data().get("_key").asText());
            }
        }
        assertEquals(List.of("k0", "k1"), insertedKeys);
        assertEquals(Boolean.TRUE, tail.getMessage().getHeader(FROM_PRESENT));
        String lastIncluded = tail.getMessage().getHeader(LAST_INCLUDED, String.class);
        assertEquals(Long.toUnsignedString(((WalMarker) markers.get(markers.size() - 1)).tick()), lastIncluded);
        assertNotNull(tail.getMessage().getHeader(LAST_TICK));

        Exchange idle = ok("walTail", Map.of(FROM, tail.getMessage().getHeader(LAST_TICK)));
        assertEquals(List.of(), idle.getMessage().getBody(List.class));
        assertEquals("0", idle.getMessage().getHeader(LAST_INCLUDED), "an empty answer has lastIncluded 0");
        assertEquals(Boolean.FALSE, idle.getMessage().getHeader(CHECK_MORE));
    }

    @Test
    void rawWalTailIsNewlineDelimitedJson() throws Exception {
        WalLastTick before = okBody("walLastTick", Map.of(), WalLastTick.class);
        collectionWith(1);
        Exchange raw = call("direct:raw", "walTail", null, Map.of(FROM, Long.toUnsignedString(before.tick()), DESERIALIZE, false));
        assertFalse(raw.isFailed(), () -> "raw walTail failed: " + raw.getException());
        List<String> lines = raw.getMessage().getBody(String.class).lines().toList();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            JsonNode marker = new ObjectMapper().readTree(line);
            assertTrue(Long.compareUnsigned(Long.parseUnsignedLong(marker.get("tick").asText()), before.tick()) > 0, line);
        }
    }

    @Test
    void loggerStateAndWalTicks() {
        collectionWith(1);
        LoggerState logger = okBody("loggerState", Map.of(), LoggerState.class);
        WalLastTick last = okBody("walLastTick", Map.of(), WalLastTick.class);
        WalRange range = okBody("walRange", Map.of(), WalRange.class);
        assertTrue(logger.state().running());
        assertTrue(Long.compareUnsigned(logger.state().lastLogTick(), last.tick()) <= 0);
        assertTrue(Long.compareUnsigned(range.tickMin(), range.tickMax()) <= 0);
        assertTrue(Long.compareUnsigned(last.tick(), range.tickMax()) <= 0);
        assertEquals(server().emulator().version(), logger.server().version());
    }

    @Test
    void revisionTreeRangesAndDocuments() {
        String collection = collectionWith(3);
        DumpBatch batch = okBody("createDumpBatch", Map.of(), DumpBatch.class);
        Map<String, Object> target = Map.of(COLLECTION, collection, BATCH_ID, batch.id());
        RevisionTree tree = okBody("revisionTree", target, RevisionTree.class);
        assertEquals(3L, tree.count());

        Exchange ranges = call("direct:replication", "revisionRanges", "[[\"" + tree.rangeMin() + "\",\"" + tree.rangeMax() + "\"]]", target);
        assertFalse(ranges.isFailed(), () -> "revisionRanges failed: " + ranges.getException());
        List<String> revisions = ranges.getMessage().getBody(RevisionRanges.class).ranges().get(0);
        assertEquals(3, revisions.size(), revisions.toString());

        Exchange documents = call("direct:replication", "revisionDocuments", revisions, target);
        assertFalse(documents.isFailed(), () -> "revisionDocuments failed: " + documents.getException());
        List<JsonNode> found = documents.getMessage().getBody(RevisionDocuments.class).documents();
        assertEquals(revisions, found.stream().map(document -> document.get("_rev").asText()).toList());
        ok("deleteDumpBatch", Map.of(BATCH_ID, batch.id()));
    }
}
