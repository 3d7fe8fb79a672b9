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

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.client.CannedArangoServer.Answer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed results from the [REAL]/[COMPOSED] examples of the protocol (docs/protocol.md), and the requests that fetch them. */
class ClientResultsTest {

    private CannedArangoServer server;
    private HttpArangoReplicationClient client;

    @BeforeEach
    void start() throws Exception {
        server = new CannedArangoServer();
        client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(server.url()).password("secret")
                .serverId("64074660150299").clientInfo("camel test").build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void loggerStateKeepsEveryField() {
        // [REAL 3.11.4]
        server.on("GET", "/_db/_system/_api/replication/logger-state", json(200,
                "{\"state\":{\"running\":true,\"lastLogTick\":\"189051\",\"lastUncommittedLogTick\":\"189051\",\"totalEvents\":189051,"
                + "\"time\":\"2023-09-07T01:20:07Z\"},\"server\":{\"version\":\"3.11.4\",\"serverId\":\"64074660150298\","
                + "\"engine\":\"rocksdb\"},\"clients\":[{\"syncerId\":\"7\",\"serverId\":\"\",\"clientInfo\":\"x\","
                + "\"time\":\"t\",\"expires\":\"e\",\"lastServedTick\":\"189000\"}]}"));
        LoggerState state = client.loggerState();
        assertTrue(state.state().running());
        assertEquals(189051L, state.state().lastLogTick());
        assertEquals(189051L, state.state().totalEvents());
        assertEquals("2023-09-07T01:20:07Z", state.state().time());
        assertEquals(new ServerIdentity("3.11.4", "64074660150298", "rocksdb"), state.server());
        assertEquals(189000L, state.clients().get(0).lastServedTick());
        assertEquals("rocksdb", state.raw().path("server").path("engine").asText());
        assertEquals("GET", server.last().method());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("root:secret".getBytes()),
                server.last().headers().getFirst("Authorization"));
    }

    @Test
    void walRangeAndLastTickWithTicksAbove2Pow63() {
        server.on("GET", "/_db/_system/_api/wal/range", json(200,
                "{\"time\":\"2023-09-07T01:20:10Z\",\"tickMin\":\"1\",\"tickMax\":\"18446744073709551614\","
                + "\"server\":{\"version\":\"3.11.4\",\"serverId\":\"64074660150298\"}}"));
        server.on("GET", "/_db/_system/_api/wal/lastTick", json(200,
                "{\"time\":\"2023-09-07T01:20:08Z\",\"tick\":\"189449\",\"server\":{\"version\":\"3.11.4\","
                + "\"serverId\":\"64074660150298\"}}"));
        WalRange range = client.walRange();
        assertEquals(1L, range.tickMin());
        assertEquals("18446744073709551614", Ticks.format(range.tickMax()));
        assertTrue(Ticks.isAfter(range.tickMax(), Long.MAX_VALUE));
        assertEquals("64074660150298", range.server().serverId());
        assertEquals(189449L, client.walLastTick().tick());
    }

    @Test
    void createDumpBatchRegistersTheClientAndSendsTtl() throws Exception {
        server.on("POST", "/_db/_system/_api/replication/batch", json(200,
                "{\"id\":\"189533\",\"lastTick\":\"189532\",\"state\":{\"state\":{\"running\":true,\"lastLogTick\":\"189532\","
                + "\"lastUncommittedLogTick\":\"189532\",\"totalEvents\":189532,\"time\":\"2023-09-07T01:20:11Z\"},"
                + "\"server\":{\"version\":\"3.11.4\",\"serverId\":\"64074660150298\",\"engine\":\"rocksdb\"},\"clients\":[]}}"));
        DumpBatch batch = client.createDumpBatch(new CreateDumpBatchRequest(600L, true, null));
        assertEquals("189533", batch.id());
        assertEquals(189532L, batch.lastTick());
        assertEquals(189532L, batch.state().state().lastLogTick());
        assertEquals("3.11.4", batch.state().raw().path("server").path("version").asText(), "nested raw is the state object");
        CannedArangoServer.Recorded request = server.last();
        assertEquals("{\"ttl\":600}", request.body());
        assertEquals("serverId=64074660150299&clientInfo=camel%20test&state=true", request.query());
    }

    @Test
    void extendAndDeleteBatch() {
        server.on("PUT", "/_db/_system/_api/replication/batch/189533", new CannedArangoServer.Answer(204, java.util.Map.of(), null));
        server.on("DELETE", "/_db/_system/_api/replication/batch/189533", new CannedArangoServer.Answer(204, java.util.Map.of(), null));
        client.extendDumpBatch(ExtendDumpBatchRequest.of("189533", 300));
        assertEquals("{\"ttl\":300}", server.last().body());
        client.deleteDumpBatch(DeleteDumpBatchRequest.of("189533"));
        assertEquals("DELETE", server.last().method());
        assertEquals(0, client.leasedConnections());
    }

    @Test
    void theEndpointPathDatabaseAndPathValuesArePercentEncoded() {
        try (HttpArangoReplicationClient prefixed = new HttpArangoReplicationClient(
                ArangoClientConfiguration.builder(server.url() + "/arango").password("secret").build())) {
            server.on("PUT", "/arango/_db/caf%C3%A9%20bar/_api/replication/batch/7%2F8",
                    new CannedArangoServer.Answer(204, java.util.Map.of(), null));
            prefixed.withDatabase("café bar").extendDumpBatch(new ExtendDumpBatchRequest("7/8", null, "PRMR 1"));
            assertEquals("/arango/_db/caf%C3%A9%20bar/_api/replication/batch/7%2F8", server.last().path());
            assertEquals("DBserver=PRMR%201", server.last().query());
            assertEquals("{}", server.last().body());
        }
    }

    @Test
    void inventoryWithCollectionsIndexesAndSnapshotTick() {
        // [COMPOSED from code + real collection properties of 3.11.4], see protocol doc §3.9
        server.on("GET", "/_db/shop/_api/replication/inventory", json(200,
                "{\"collections\":[{\"indexes\":[{\"id\":\"69200\",\"type\":\"persistent\",\"name\":\"idx_1776289386000\","
                + "\"fields\":[\"name\"],\"unique\":false,\"sparse\":false}],\"parameters\":{\"cid\":\"69183\","
                + "\"deleted\":false,\"globallyUniqueId\":\"h3A468B5B7C1A/69183\",\"id\":\"69183\",\"isSystem\":false,"
                + "\"name\":\"products\",\"status\":3,\"syncByRevision\":true,\"type\":2}}],\"views\":[],"
                + "\"properties\":{\"id\":\"1\",\"name\":\"shop\",\"isSystem\":false,\"path\":\"none\"},"
                + "\"state\":{\"running\":true,\"lastLogTick\":\"189532\",\"lastUncommittedLogTick\":\"189532\","
                + "\"totalEvents\":189532,\"time\":\"2023-09-07T01:20:11Z\"},\"tick\":\"189540\"}"));
        Inventory inventory = client.withDatabase("shop")
                .inventory(new InventoryRequest("189533", false, null, null, null, null));
        assertEquals("batchId=189533&includeSystem=false", server.last().query());
        InventoryCollection products = inventory.collections().get(0);
        assertEquals("products", products.name());
        assertEquals("69183", products.id());
        assertEquals("h3A468B5B7C1A/69183", products.globallyUniqueId());
        assertEquals(2, products.type());
        assertFalse(products.deleted());
        assertEquals("name", products.indexes().get(0).path("fields").get(0).asText());
        assertEquals(189532L, inventory.snapshotTick());
        assertEquals(189540L, inventory.tick());
        assertEquals("none", inventory.properties().path("path").asText());
        assertTrue(inventory.databases().isEmpty());
    }

    @Test
    void globalInventoryHasDatabases() {
        server.on("GET", "/_db/_system/_api/replication/inventory", json(200,
                "{\"databases\":{\"shop\":{\"id\":\"2\",\"name\":\"shop\",\"collections\":[],\"views\":[]}},"
                + "\"state\":{\"running\":true,\"lastLogTick\":\"10\"},\"tick\":\"11\"}"));
        Inventory inventory = client.inventory(new InventoryRequest("5", null, true, null, null, null));
        assertEquals("batchId=5&global=true", server.last().query());
        assertEquals("2", inventory.databases().get("shop").id());
        assertTrue(inventory.collections().isEmpty());
    }

    @Test
    void loggerFirstTickAndTickRanges() {
        server.on("GET", "/_db/_system/_api/replication/logger-first-tick", json(200, "{\"firstTick\":\"1\"}"));
        server.on("GET", "/_db/_system/_api/replication/logger-tick-ranges", json(200,
                "[{\"datafile\":\"/archive/000004.log\",\"status\":\"collected\",\"tickMin\":\"1\",\"tickMax\":\"181111\"},"
                + "{\"datafile\":\"/000126.log\",\"status\":\"open\",\"tickMin\":\"182202\",\"tickMax\":\"189051\"}]"));
        assertEquals(1L, client.loggerFirstTick().firstTick());
        LoggerTickRanges ranges = client.loggerTickRanges();
        assertEquals(2, ranges.files().size());
        assertEquals(new WalFileTickRange("/000126.log", "open", 182202L, 189051L), ranges.files().get(1));
        assertTrue(ranges.raw().isArray());
    }

    @Test
    void applierConfigRealExampleAndSetSendsOnlyWhatIsSet() throws Exception {
        String stored = "{\"endpoint\":\"tcp://127.0.0.1:8529\",\"database\":\"_system\",\"username\":\"replicationApplier\","
                        + "\"requestTimeout\":600,\"connectTimeout\":10,\"ignoreErrors\":0,\"maxConnectRetries\":100,"
                        + "\"lockTimeoutRetries\":0,\"sslProtocol\":0,\"chunkSize\":4194304,\"skipCreateDrop\":false,"
                        + "\"autoStart\":false,\"adaptivePolling\":true,\"autoResync\":false,\"autoResyncRetries\":2,"
                        + "\"maxPacketSize\":536870912,\"includeSystem\":true,\"includeFoxxQueues\":false,"
                        + "\"requireFromPresent\":true,\"verbose\":false,\"incremental\":false,\"restrictType\":\"\","
                        + "\"restrictCollections\":[],\"connectionRetryWaitTime\":15,\"initialSyncMaxWaitTime\":300,"
                        + "\"idleMinWaitTime\":1,\"idleMaxWaitTime\":2.5}";
        server.on("PUT", "/_db/_system/_api/replication/applier-config", json(200, stored));
        ApplierConfig config = ApplierConfig.builder().endpoint("tcp://127.0.0.1:8529").username("replicationApplier")
                .password("applier1234@foxx").chunkSize(4194304L).autoStart(false).adaptivePolling(true).build();
        ApplierConfig result = client.setApplierConfig(config, false);
        ObjectMapper mapper = Json.mapper();
        assertEquals(mapper.readTree("{\"endpoint\":\"tcp://127.0.0.1:8529\",\"username\":\"replicationApplier\","
                                     + "\"password\":\"applier1234@foxx\",\"chunkSize\":4194304,\"autoStart\":false,"
                                     + "\"adaptivePolling\":true}"),
                mapper.readTree(server.last().body()));
        assertEquals(4194304L, result.chunkSize());
        assertEquals(2.5, result.idleMaxWaitTime());
        assertEquals("_system", result.database());
        assertEquals(List.of(), result.restrictCollections());
        assertNull(result.password());
        assertEquals(mapper.readTree(stored), result.raw());
    }

    @Test
    void applierStateRealStartExample() {
        server.on("PUT", "/_db/_system/_api/replication/applier-start", json(200,
                "{\"state\":{\"started\":\"\",\"running\":true,\"phase\":\"running\",\"lastAppliedContinuousTick\":null,"
                + "\"lastProcessedContinuousTick\":null,\"lastAvailableContinuousTick\":null,\"safeResumeTick\":null,"
                + "\"ticksBehind\":0,\"progress\":{\"time\":\"2023-09-07T01:19:51Z\",\"message\":\"applier initially "
                + "created for database '_system'\",\"failedConnects\":0},\"totalRequests\":0,\"totalFailedConnects\":0,"
                + "\"totalEvents\":0,\"totalDocuments\":0,\"totalRemovals\":0,\"totalResyncs\":0,"
                + "\"totalOperationsExcluded\":0,\"totalApplyTime\":0,\"averageApplyTime\":0,\"totalFetchTime\":0,"
                + "\"averageFetchTime\":0,\"lastError\":{\"errorNum\":0},\"time\":\"2023-09-07T01:20:04Z\"},"
                + "\"server\":{\"version\":\"3.11.4\",\"serverId\":\"64074660150298\"},\"endpoint\":\"tcp://127.0.0.1:8529\","
                + "\"database\":\"_system\"}"));
        ApplierState state = client.startApplier(189000L, true);
        assertEquals("global=true&from=189000", server.last().query());
        assertTrue(state.state().running());
        assertEquals("running", state.state().phase());
        assertNull(state.state().lastAppliedContinuousTick());
        assertEquals(0L, state.state().ticksBehind());
        assertEquals(0, state.state().lastError().errorNum());
        assertEquals("tcp://127.0.0.1:8529", state.endpoint());
        assertEquals("64074660150298", state.server().serverId());
    }

    @Test
    void applierStateStoppedAndErrorShapes() {
        server.on("PUT", "/_db/_system/_api/replication/applier-stop", json(200,
                "{\"state\":{\"started\":\"2023-09-07T01:20:04Z\",\"running\":false,\"phase\":\"inactive\","
                + "\"progress\":{\"time\":\"2023-09-07T01:20:05Z\",\"message\":\"applier shut down\",\"failedConnects\":0},"
                + "\"totalRequests\":6,\"totalFailedConnects\":3,\"lastError\":{\"errorNum\":0},\"time\":\"2023-09-07T01:20:05Z\"},"
                + "\"server\":{\"version\":\"3.11.4\",\"serverId\":\"64074660150298\"}}"));
        ApplierState stopped = client.stopApplier(false);
        assertFalse(stopped.state().running());
        assertNull(stopped.state().ticksBehind(), "a stopped applier's state has no ticksBehind");
        assertEquals(new ApplierError(0, null, null), stopped.state().lastError());
        assertEquals(3L, stopped.state().totalFailedConnects());

        server.on("GET", "/_db/_system/_api/replication/applier-state", json(200,
                "{\"state\":{\"running\":false,\"phase\":\"inactive\",\"lastError\":{\"errorNum\":1414,"
                + "\"errorMessage\":\"start tick 12 is no longer present on the leader\",\"time\":\"2023-09-07T01:21:00Z\"}},"
                + "\"server\":{\"version\":\"3.11.4\",\"serverId\":\"64074660150298\"}}"));
        assertEquals(new ApplierError(1414, "start tick 12 is no longer present on the leader", "2023-09-07T01:21:00Z"),
                client.applierState(false).state().lastError());
    }

    @Test
    void makeFollowerUsesMakeFollowerSince38AndMakeSlaveBefore() throws Exception {
        String state = "{\"state\":{\"running\":true,\"phase\":\"running\"},\"server\":{\"version\":\"3.11.4\",\"serverId\":\"1\"}}";
        server.on("PUT", "/_db/_system/_api/replication/make-follower", json(200, state));
        ApplierConfig config = ApplierConfig.builder().endpoint("tcp://leader:8529").build();
        assertTrue(client.makeFollower(config).state().running());

        try (CannedArangoServer old = new CannedArangoServer().version("3.7.2", "SINGLE");
             HttpArangoReplicationClient oldClient = new HttpArangoReplicationClient(
                     ArangoClientConfiguration.builder(old.url()).build())) {
            old.on("PUT", "/_db/_system/_api/replication/make-slave", json(200, state));
            assertTrue(oldClient.makeFollower(config).state().running());
            assertEquals("/_db/_system/_api/replication/make-slave", old.last().path());
        }
    }

    @Test
    void serverIdSyncAndClusterInventory() {
        server.on("GET", "/_db/_system/_api/replication/server-id", json(200, "{\"serverId\":\"64074660150298\"}"));
        assertEquals("64074660150298", client.serverId().serverId());
        server.on("PUT", "/_db/_system/_api/replication/sync", json(200,
                "{\"collections\":[{\"id\":\"1\",\"name\":\"products\"}],\"lastLogTick\":\"189600\"}"));
        SyncResult sync = client.synchronize(new SyncRequest("tcp://leader:8529", null, "root", "pw", null, true, "include",
                List.of("products"), null));
        assertEquals(189600L, sync.lastLogTick());
        assertEquals("products", sync.collections().get(0).path("name").asText());
        assertEquals("{\"endpoint\":\"tcp://leader:8529\",\"username\":\"root\",\"password\":\"pw\",\"incremental\":true,"
                     + "\"restrictType\":\"include\",\"restrictCollections\":[\"products\"]}", server.last().body());
    }

    @Test
    void revisionEndpoints() throws Exception {
        server.on("GET", "/_db/_system/_api/replication/revisions/tree", json(200,
                "{\"version\":1,\"maxDepth\":6,\"rangeMin\":\"_gky3fka--_\",\"rangeMax\":\"_gky3flq--_\",\"count\":2,"
                + "\"hash\":\"123\",\"nodes\":[{\"count\":2,\"hash\":\"123\"}]}"));
        RevisionTree tree = client.revisionTree(new RevisionTreeRequest("products", "189533", null));
        assertEquals(6, tree.maxDepth());
        assertEquals(2L, tree.nodes().get(0).count());
        server.on("PUT", "/_db/_system/_api/replication/revisions/ranges", json(200,
                "{\"ranges\":[[\"_gky3fka--_\"],[]],\"resume\":\"_gky3flq--_\"}"));
        RevisionRanges ranges = client.revisionRanges(new RevisionRangesRequest("products", "189533",
                List.of(new RevisionRange("_gky3fka--_", "_gky3fka--_"), new RevisionRange("_gky3flW---", "_gky3flq--_")),
                null));
        assertEquals("[[\"_gky3fka--_\",\"_gky3fka--_\"],[\"_gky3flW---\",\"_gky3flq--_\"]]", server.last().body());
        assertEquals(List.of(List.of("_gky3fka--_"), List.of()), ranges.ranges());
        assertTrue(ranges.truncated());
        server.on("PUT", "/_db/_system/_api/replication/revisions/documents", json(200,
                "[{\"_key\":\"a\",\"_rev\":\"_gky3fka--_\"},{}]"));
        RevisionDocuments documents = client.revisionDocuments(new RevisionDocumentsRequest("products", "189533",
                List.of("_gky3fka--_", "_gky3flq--_")));
        assertEquals("a", documents.documents().get(0).path("_key").asText());
        assertEquals(0, documents.documents().get(1).size());
    }

    @Test
    void collectionCountReadsTheCountBesideTheCollectionProperties() {
        // [REAL 3.11.4] collection properties, plus the count the document API adds (docs/protocol.md §11.2)
        server.on("GET", "/_db/shop/_api/collection/z%C3%A4hlung%20neu/count", json(200,
                "{\"error\":false,\"code\":200,\"writeConcern\":1,\"waitForSync\":false,\"statusString\":\"loaded\","
                + "\"id\":\"68853\",\"name\":\"zählung neu\",\"type\":2,\"status\":3,\"isSystem\":false,"
                + "\"globallyUniqueId\":\"h3A468B5B7C1A/68853\",\"count\":3000000000}"));
        assertEquals(3_000_000_000L, client.withDatabase("shop").collectionCount("zählung neu"));
        assertEquals("GET", server.last().method());
        assertNull(server.last().query());
    }

    @Test
    void collectionCountRefusesAnAnswerWithoutCount() {
        server.on("GET", "/_db/_system/_api/collection/orders/count", json(200, "{\"name\":\"orders\",\"count\":\"12\"}"));
        ArangoReplicationException e = assertThrows(ArangoReplicationException.class,
                () -> client.collectionCount("orders"));
        assertEquals("collectionCount", e.getOperation());
        assertTrue(e.getMessage().contains("expected a non-negative integer count, got \"12\""), e.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> client.collectionCount(" "));
        assertEquals("Invalid value for option collection: ' '; allowed is a non-blank text", blank.getMessage());
    }

    @Test
    void serverInfoIsReadOnce() {
        server.on("GET", "/_db/_system/_api/replication/logger-first-tick", json(200, "{\"firstTick\":\"1\"}"));
        client.loggerFirstTick();
        client.loggerFirstTick();
        ServerInfo info = client.serverInfo();
        assertEquals("3.11.4", info.version().toString());
        assertEquals(ServerRole.SINGLE, info.role());
        assertEquals("community", info.license());
        client.withDatabase("other").serverInfo();
        long probes = server.allRequests().stream().filter(r -> r.path().endsWith("/_api/version")).count();
        assertEquals(1, probes);
    }
}
