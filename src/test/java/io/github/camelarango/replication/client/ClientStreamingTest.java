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
package io.github.camelarango.replication.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dump and wal/tail bodies are parsed as streams; connections go back to the pool on close, end of body or error. */
class ClientStreamingTest {

    private static final String DUMP_TYPE = "application/x-arango-dump";

    private CannedArangoServer server;
    private HttpArangoReplicationClient client;

    @BeforeEach
    void start() throws Exception {
        server = new CannedArangoServer();
        client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(server.url())
                .serverId("64074660150299").build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static CannedArangoServer.Answer dump(int status, Map<String, String> replicationHeaders, String body) {
        Map<String, String> headers = new java.util.HashMap<>(replicationHeaders);
        headers.put("Content-Type", DUMP_TYPE);
        return new CannedArangoServer.Answer(status, headers, body);
    }

    @Test
    void walTailRealExampleWithOneSurvivingDropMarker() {
        // [REAL 3.11.4] GET /_api/wal/tail?from=189479
        server.on("GET", "/_db/_system/_api/wal/tail", dump(200, Map.of("x-arango-replication-checkmore", "true",
                "x-arango-replication-frompresent", "true", "x-arango-replication-lastincluded", "189495",
                "x-arango-replication-lastscanned", "189505", "x-arango-replication-lasttick", "189505"),
                "{\"tick\":\"189495\",\"type\":2001,\"db\":\"_system\",\"cuid\":\"h3A468B5B7C1A/71947\"}\n"));
        try (WalTailResponse tail = client.walTail(WalTailRequest.from(189479))) {
            assertEquals(200, tail.status());
            assertTrue(tail.hasContent());
            assertEquals(new ReplicationHeaders(true, 189495L, 189505L, 189505L, true, null), tail.headers());
            List<WalMarker> markers = new ArrayList<>();
            tail.markers().forEachRemaining(markers::add);
            assertEquals(1, markers.size());
            WalMarker drop = markers.get(0);
            assertEquals(189495L, drop.tick());
            assertEquals(MarkerType.COLLECTION_DROP, drop.markerType());
            assertEquals("_system", drop.db());
            assertEquals("h3A468B5B7C1A/71947", drop.cuid());
            assertNull(drop.data());
        }
        assertEquals("from=189479&serverId=64074660150299", server.last().query());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void markerTypeIsAJsonIntegerOrUnknown() {
        server.on("GET", "/_db/_system/_api/wal/tail", dump(200, Map.of("x-arango-replication-frompresent", "true",
                "x-arango-replication-lastincluded", "5"), "{\"tick\":\"1\",\"type\":2300}\n"
                + "{\"tick\":\"2\",\"type\":\"2300\"}\n{\"tick\":\"3\"}\n{\"tick\":\"4\",\"type\":2300.5}\n"
                + "{\"tick\":\"5\",\"type\":9999}\n"));
        try (WalTailResponse tail = client.walTail(WalTailRequest.from(0))) {
            List<Integer> types = new ArrayList<>();
            tail.markers().forEachRemaining(m -> types.add(m.type()));
            assertEquals(List.of(2300, -1, -1, -1, 9999), types, "a text, missing or fractional type is no type");
        }
    }

    @Test
    void walTailEmptyAnswersOf311And312() {
        // [REAL 3.11.4] ?from=189479 -> 204; [REAL 3.12.0-devel] ?from=189438 -> 204 with lastscanned < from
        server.on("GET", "/_db/_system/_api/wal/tail",
                dump(204, Map.of("x-arango-replication-checkmore", "false", "x-arango-replication-frompresent", "true",
                        "x-arango-replication-lastincluded", "0", "x-arango-replication-lastscanned", "189479",
                        "x-arango-replication-lasttick", "189479"), null),
                dump(204, Map.of("x-arango-replication-checkmore", "false", "x-arango-replication-frompresent", "true",
                        "x-arango-replication-lastincluded", "0", "x-arango-replication-lastscanned", "189435",
                        "x-arango-replication-lasttick", "189438"), null));
        try (WalTailResponse tail = client.walTail(WalTailRequest.from(189479))) {
            assertFalse(tail.hasContent());
            assertFalse(tail.markers().hasNext());
            assertEquals(0L, tail.headers().lastIncluded());
            assertFalse(tail.headers().hasMore());
        }
        try (WalTailResponse tail = client.walTail(new WalTailRequest(189438, null, 189435, 400L, false, "products", true,
                null, "17", "me"))) {
            assertEquals(189435L, tail.headers().lastScanned());
            assertTrue(Ticks.isAfter(189438, tail.headers().lastScanned()));
        }
        assertEquals("from=189438&lastScanned=189435&chunkSize=400&collection=products&includeSystem=true"
                     + "&serverId=64074660150299&syncerId=17&clientInfo=me", server.last().query());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void dumpUnwrapsEnvelopesAndKeepsBareDocuments() {
        server.on("GET", "/_db/_system/_api/replication/dump",
                dump(200, Map.of("x-arango-replication-checkmore", "true", "x-arango-replication-lastincluded", "1"),
                        "{\"type\":2300,\"data\":{\"_key\":\"69715\",\"_id\":\"products/69715\",\"_rev\":\"_gky3flq--_\",\"Hello\":\"World\"}}\n"
                        + "{\"type\":2300,\"data\":{\"_key\":\"lock\",\"_id\":\"products/lock\",\"_rev\":\"_gky3flW---\",\"Hello\":\"Universe\"}}\n"),
                dump(200, Map.of("x-arango-replication-checkmore", "false", "x-arango-replication-lastincluded", "1"),
                        "{\"_key\":\"k\",\"_id\":\"products/k\",\"_rev\":\"_r\",\"type\":2300,\"data\":{\"x\":1}}\n"));
        List<String> keys = new ArrayList<>();
        try (DumpResponse chunk = client.dump(new DumpRequest("products", "189533", 131072L, null, null))) {
            chunk.documents().forEachRemaining(doc -> keys.add(doc.path("_key").asText()));
            assertTrue(chunk.headers().hasMore());
            assertEquals(1L, chunk.headers().lastIncluded());
            assertNull(chunk.headers().lastTick(), "dump sends no lasttick");
        }
        assertEquals(List.of("69715", "lock"), keys);
        assertEquals("collection=products&batchId=189533&chunkSize=131072", server.last().query());
        try (DumpResponse chunk = client.dump(new DumpRequest("products", "189533", null, false, null))) {
            JsonNode doc = chunk.documents().next();
            assertEquals("k", doc.path("_key").asText(), "a document with type/data attributes is not an envelope");
            assertEquals(1, doc.path("data").path("x").asInt());
            assertFalse(chunk.headers().hasMore());
        }
        assertEquals("collection=products&batchId=189533&useEnvelope=false", server.last().query());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void rawBodyForCallersWhoWantText() throws IOException {
        String body = "{\"type\":2300,\"data\":{\"_key\":\"a\"}}\n{\"type\":2300,\"data\":{\"_key\":\"b\"}}\n";
        server.on("GET", "/_db/_system/_api/replication/dump",
                dump(200, Map.of("x-arango-replication-checkmore", "false"), body));
        try (DumpResponse chunk = client.dump(DumpRequest.of("products", "1"))) {
            try (InputStream in = chunk.body()) {
                assertEquals(body, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThrows(IllegalStateException.class, chunk::lines, "the body can be read once");
        }
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void linesAreParsedWhileTheBodyIsStillArriving() throws Exception {
        CountDownLatch firstLineRead = new CountDownLatch(1);
        server.on("GET", "/_db/_system/_api/wal/tail", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", DUMP_TYPE);
            exchange.getResponseHeaders().add("x-arango-replication-lastincluded", "12");
            exchange.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"tick\":\"11\",\"type\":2300,\"db\":\"_system\",\"tid\":\"0\",\"data\":{\"_key\":\"a\"}}\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!firstLineRead.await(10, TimeUnit.SECONDS)) {
                    return;
                }
                out.write("{\"tick\":\"12\",\"type\":2302,\"db\":\"_system\",\"tid\":\"0\",\"data\":{\"_key\":\"a\"}}\n"
                        .getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            try (WalTailResponse tail = client.walTail(WalTailRequest.from(10))) {
                Iterator<WalMarker> markers = tail.markers();
                assertEquals(MarkerType.DOCUMENT, markers.next().markerType());
                firstLineRead.countDown();
                WalMarker remove = markers.next();
                assertEquals(12L, remove.tick());
                assertEquals(MarkerType.REMOVE, remove.markerType());
                assertFalse(markers.hasNext());
            }
        });
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void closingEarlyDiscardsTheConnectionInsteadOfWaitingForTheRest() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        server.on("GET", "/_db/_system/_api/replication/dump", exchange -> {
            exchange.getResponseHeaders().add("x-arango-replication-checkmore", "true");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"_key\":\"first\"}\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                released.await(10, TimeUnit.SECONDS); // the rest of the body never comes while the client waits
                out.write("{\"_key\":\"second\"}\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                // the client went away: expected
            }
        });
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            try (DumpResponse chunk = client.dump(DumpRequest.of("products", "1"))) {
                assertEquals("first", chunk.documents().next().path("_key").asText());
                assertEquals(1, client.leasedConnections());
            }
        });
        released.countDown();
        assertEquals(0, client.leasedConnections());
        server.on("GET", "/_db/_system/_api/replication/logger-first-tick",
                CannedArangoServer.Answer.json(200, "{\"firstTick\":\"1\"}"));
        assertEquals(1L, client.loggerFirstTick().firstTick(), "the pool still serves requests");
    }

    @Test
    void connectionResetMidBodyIsAConnectionFailureAndLeaksNothing() {
        server.on("GET", "/_db/_system/_api/wal/tail", exchange -> {
            exchange.getResponseHeaders().add("x-arango-replication-lastincluded", "12");
            exchange.sendResponseHeaders(200, 10_000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"tick\":\"11\",\"type\":2300,\"db\":\"_system\",\"data\":{}}\n{\"tick\":\"12\",\"ty"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            exchange.getHttpContext().getServer().stop(0); // drops the connection mid-body
        });
        try (WalTailResponse tail = client.walTail(WalTailRequest.from(10))) {
            Iterator<WalMarker> markers = tail.markers();
            assertEquals(11L, markers.next().tick());
            ArangoReplicationException e = assertThrows(ArangoReplicationException.class, markers::next);
            assertInstanceOf(ArangoConnectionException.class, e);
            assertEquals(0, e.getStatus());
            assertTrue(e.getMessage().startsWith("walTail failed: GET /_db/_system/_api/wal/tail -> no response from 127.0.0.1:"
                                                 + server.port() + ": "), e.getMessage());
        }
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void aMalformedLineIsAnInvalidResponseNamingTheLineAndTheTick() {
        server.on("GET", "/_db/_system/_api/wal/tail", dump(200, Map.of("x-arango-replication-lastincluded", "7"),
                "{\"tick\":\"5\",\"type\":2300}\n{oops\n{\"tick\":\"6\",\"type\":2300,\"data\":{\"a\":}}\n"
                + "{\"tick\":\"7\",\"type\":2302}\n"));
        try (WalTailResponse tail = client.walTail(WalTailRequest.from(1))) {
            Iterator<WalMarker> markers = tail.markers();
            assertEquals(5L, markers.next().tick());
            MalformedLineException notJson = assertThrows(MalformedLineException.class, markers::next);
            assertEquals(1401, notJson.getErrorNum());
            assertEquals(200, notJson.getStatus());
            assertEquals(2, notJson.getLineNumber());
            assertNull(notJson.getTick(), "no tick could be read");
            assertEquals("{oops", notJson.getLineStart());
            assertTrue(notJson.getMessage().startsWith("walTail failed: GET /_db/_system/_api/wal/tail -> 200 errorNum 1401:"
                                                       + " invalid response: malformed line 2: Unexpected character ('o'"),
                    notJson.getMessage());
            MalformedLineException badData = assertThrows(MalformedLineException.class, markers::next,
                    "the lines after a malformed one can still be read");
            assertEquals(3, badData.getLineNumber());
            assertEquals(6L, badData.getTick());
            assertTrue(badData.getMessage().contains("invalid response: malformed line 3 (tick 6): Unexpected character"),
                    badData.getMessage());
            assertEquals(7L, markers.next().tick());
            assertFalse(markers.hasNext());
        }
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void aMalformedDumpLineNamesTheCollection() {
        server.on("GET", "/_db/_system/_api/replication/dump",
                dump(200, Map.of("x-arango-replication-checkmore", "false"), "{\"_key\":\"a\"}\n[1]\n"));
        try (DumpResponse chunk = client.dump(DumpRequest.of("products", "1"))) {
            Iterator<RawDocument> documents = chunk.rawDocuments();
            assertEquals("a", documents.next().key());
            MalformedLineException e = assertThrows(MalformedLineException.class, documents::next);
            assertEquals("products", e.getCollection());
            assertEquals(2, e.getLineNumber());
            assertTrue(e.getMessage().endsWith("invalid response: malformed line 2 (dump of collection 'products'): "
                                               + "a dump line must be a JSON object, was START_ARRAY"), e.getMessage());
            assertFalse(documents.hasNext());
        }
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void aBrokenReplicationHeaderIsAnInvalidResponse() {
        server.on("GET", "/_db/_system/_api/wal/tail", dump(204, Map.of("x-arango-replication-lasttick", "-3"), null));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class,
                () -> client.walTail(WalTailRequest.from(1)));
        assertEquals(1401, e.getErrorNum());
        assertTrue(e.getMessage().contains("x-arango-replication-lasttick"), e.getMessage());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void walOpenTransactionsIsEmptyOnRocksDb() {
        server.on("GET", "/_db/_system/_api/wal/open-transactions",
                dump(204, Map.of("x-arango-replication-frompresent", "true", "x-arango-replication-lastincluded", "0"), null),
                dump(200, Map.of("x-arango-replication-lastincluded", "77"), "[\"556\",\"601\"]"));
        OpenTransactions none = client.walOpenTransactions(WalOpenTransactionsRequest.all());
        assertEquals(204, none.status());
        assertTrue(none.transactionIds().isEmpty());
        assertEquals(Boolean.TRUE, none.headers().fromPresent());
        OpenTransactions some = client.walOpenTransactions(new WalOpenTransactionsRequest(5L, 80L, false, null, null));
        assertEquals(List.of("556", "601"), some.transactionIds());
        assertEquals("from=5&to=80", server.last().query());
        assertEquals(0, client.leasedConnections());
    }
}
