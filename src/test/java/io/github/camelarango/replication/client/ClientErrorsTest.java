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

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.client.CannedArangoServer.Answer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error answers and I/O failures become ArangoReplicationExceptions naming the request; nothing leaks. */
class ClientErrorsTest {

    private CannedArangoServer server;
    private HttpArangoReplicationClient client;

    @BeforeEach
    void start() throws Exception {
        server = new CannedArangoServer();
        client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(server.url()).password("t0p-secret")
                .responseTimeout(Duration.ofMillis(500)).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void errorBodyIsMappedToStatusErrorNumAndMessage() {
        // [REAL 3.11.4] error body shape
        server.on("GET", "/_db/_system/_api/wal/tail",
                json(404, "{\"code\":404,\"error\":true,\"errorMessage\":\"collection or view not found\",\"errorNum\":1203}"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class,
                () -> client.walTail(new WalTailRequest(5, null, 0, null, false, "nope", null, null, null, null)));
        assertEquals("walTail failed: GET /_db/_system/_api/wal/tail -> 404 errorNum 1203: collection or view not found",
                e.getMessage());
        assertEquals(404, e.getStatus());
        assertEquals(1203, e.getErrorNum());
        assertEquals("collection or view not found", e.getErrorMessage());
        assertEquals("GET", e.getMethod());
        assertEquals("/_db/_system/_api/wal/tail", e.getPath());
        assertEquals("walTail", e.getOperation());
        assertEquals("Not Found", e.getReason());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void unknownCollectionOnCountIs404WithErrorNum1203() {
        // [REAL 3.11.4] the document API's answer for a missing collection
        server.on("GET", "/_db/_system/_api/collection/nope/count", json(404,
                "{\"code\":404,\"error\":true,\"errorMessage\":\"collection or view not found: nope\",\"errorNum\":1203}"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class, () -> client.collectionCount("nope"));
        assertEquals("collectionCount failed: GET /_db/_system/_api/collection/nope/count -> 404 errorNum 1203: collection"
                     + " or view not found: nope", e.getMessage());
        assertEquals(404, e.getStatus());
        assertEquals(1203, e.getErrorNum());
        assertEquals("collectionCount", e.getOperation());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void expiredBatchOnDumpIs404WithErrorNum400() {
        // protocol doc §6.3
        server.on("GET", "/_db/_system/_api/replication/dump", json(404, "{\"error\":true,\"code\":404,\"errorNum\":400,"
                + "\"errorMessage\":\"replication dump - unable to find context (it could be expired)\"}"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class,
                () -> client.dump(DumpRequest.of("products", "189533")));
        assertEquals(404, e.getStatus());
        assertEquals(400, e.getErrorNum());
        assertEquals("dump failed: GET /_db/_system/_api/replication/dump -> 404 errorNum 400: replication dump - unable to"
                     + " find context (it could be expired)", e.getMessage());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void unknownBatchOnExtendIs1600() {
        server.on("PUT", "/_db/_system/_api/replication/batch/999",
                json(404, "{\"error\":true,\"code\":404,\"errorNum\":1600,\"errorMessage\":\"cursor not found\"}"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class,
                () -> client.extendDumpBatch(ExtendDumpBatchRequest.of("999", 60)));
        assertEquals(1600, e.getErrorNum());
        assertEquals("/_db/_system/_api/replication/batch/999", e.getPath());
    }

    @Test
    void aNonJsonErrorBodyBecomesTheMessage() {
        server.on("GET", "/_db/_system/_api/replication/logger-state", new CannedArangoServer.Answer(502,
                Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class, client::loggerState);
        assertEquals("loggerState failed: GET /_db/_system/_api/replication/logger-state -> 502: <html>Bad Gateway</html>",
                e.getMessage());
        assertEquals(0, e.getErrorNum());
    }

    @Test
    void theGeneric401NeverShowsThePassword() {
        server.on("GET", "/_db/_system/_api/replication/logger-state", json(401,
                "{\"error\":true,\"errorNum\":11,\"errorMessage\":\"not authorized to execute this request\",\"code\":401}"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class, client::loggerState);
        assertEquals(401, e.getStatus());
        assertEquals(11, e.getErrorNum());
        assertTrue(e.getMessage().endsWith("not authorized to execute this request (the server rejected the credentials: "
                                           + "check the user and password, or the JWT, of the connection)"), e.getMessage());
        assertFalse(e.getMessage().contains("t0p-secret"));
        assertFalse(String.valueOf(e.getPath()).contains("t0p-secret"));
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsAnInvalidResponse() {
        server.on("GET", "/_db/_system/_api/wal/lastTick", new CannedArangoServer.Answer(200, Map.of(), "tick=5"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class, client::walLastTick);
        assertEquals(1401, e.getErrorNum());
        assertTrue(e.getMessage().contains("body is not JSON: tick=5"), e.getMessage());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void refusedConnectionNamesHostAndPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (HttpArangoReplicationClient offline = new HttpArangoReplicationClient(
                ArangoClientConfiguration.builder("http://127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(2)).build())) {
            ArangoReplicationException e = assertThrows(ArangoReplicationException.class, offline::walRange);
            assertInstanceOf(ArangoConnectionException.class, e);
            assertEquals(0, e.getStatus());
            assertEquals("127.0.0.1:" + port, ((ArangoConnectionException) e).getHostAndPort());
            assertTrue(e.getMessage().contains("-> no response from 127.0.0.1:" + port + ": "), e.getMessage());
            assertEquals(0, offline.leasedConnections());
        }
    }

    @Test
    void responseTimeoutIsAConnectionFailure() {
        server.on("GET", "/_db/_system/_api/wal/range", exchange -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CannedArangoServer.write(exchange, json(200, "{}"));
        });
        ArangoReplicationException e = assertThrows(ArangoConnectionException.class, client::walRange);
        assertTrue(e.getMessage().startsWith("walRange failed: GET /_db/_system/_api/wal/range -> no response from"),
                e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("timeout") || e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void versionRefusalHappensBeforeAnyRequest() {
        server.version("3.12.10", "SINGLE");
        ArangoOperationUnavailableException e = assertThrows(ArangoOperationUnavailableException.class,
                client::loggerFirstTick);
        assertEquals("loggerFirstTick is not available on ArangoDB 3.12.10 (role SINGLE): removed in 3.12.10; use walRange"
                     + " (tickMin is the first tick)", e.getMessage());
        assertThrows(ArangoOperationUnavailableException.class, () -> client.applierState(false));
        assertTrue(server.requests().isEmpty(), "only the version/role probes were sent: " + server.requests());
    }

    @Test
    void coordinatorRefusalsAndForwarding() {
        server.version("3.11.4", "COORDINATOR");
        ArangoOperationUnavailableException e = assertThrows(ArangoOperationUnavailableException.class,
                () -> client.walTail(WalTailRequest.from(1)));
        assertTrue(e.getMessage().startsWith("walTail is not available on ArangoDB 3.11.4 (role COORDINATOR): not served by"
                                             + " a coordinator"), e.getMessage());
        assertThrows(ArangoOperationUnavailableException.class, () -> client.dump(DumpRequest.of("c", "1")));
        server.on("GET", "/_db/_system/_api/replication/inventory", json(200, "{\"collections\":[],\"views\":[]}"));
        client.inventory(new InventoryRequest("1", null, null, null, null, "PRMR-1"));
        assertEquals("batchId=1&DBserver=PRMR-1", server.last().query());
        server.on("GET", "/_db/_system/_api/replication/clusterInventory",
                json(200, "{\"collections\":[],\"views\":[],\"tick\":\"5\",\"state\":\"unused\"}"));
        ClusterInventory inventory = client.clusterInventory(false);
        assertEquals("unused", inventory.state().asText());
        assertEquals(5L, inventory.tick());
    }
}
