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
package io.github.camelarango.replication.emulator.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static io.github.camelarango.replication.emulator.selftest.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The applier (§3.15–3.20): configuration rules and state shapes, and real replication from a leader emulator. */
class ApplierIT {

    private static final String FRESH_CONFIG = "{\"requestTimeout\":600,\"connectTimeout\":10,\"ignoreErrors\":0,\"maxConnectRetries\":100,"
            + "\"lockTimeoutRetries\":0,\"sslProtocol\":0,\"chunkSize\":0,\"skipCreateDrop\":false,\"autoStart\":false,\"adaptivePolling\":true,"
            + "\"autoResync\":false,\"autoResyncRetries\":2,\"maxPacketSize\":536870912,\"includeSystem\":true,\"includeFoxxQueues\":false,"
            + "\"requireFromPresent\":true,\"verbose\":false,\"incremental\":false,\"restrictType\":\"\",\"restrictCollections\":[],"
            + "\"connectionRetryWaitTime\":15,\"initialSyncMaxWaitTime\":300,\"idleMinWaitTime\":1,\"idleMaxWaitTime\":2.5}";

    @Test
    void configDefaultsValidationAndPasswordNeverEchoed() {
        try (ArangoEmulator emu = ArangoEmulator.builder().build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals(FRESH_CONFIG, http.get("/_api/replication/applier-config").body());
            RawHttp.Reply put = http.put("/_api/replication/applier-config", "{\"endpoint\":\"tcp://127.0.0.1:8529\",\"username\":\"replicationApplier\","
                    + "\"password\":\"applier1234@foxx\",\"chunkSize\":4194304,\"autoStart\":false,\"adaptivePolling\":true}");
            assertEquals(200, put.status());
            JsonNode config = put.json();
            assertEquals("tcp://127.0.0.1:8529", config.path("endpoint").asText());
            assertEquals("_system", config.path("database").asText());
            assertEquals("replicationApplier", config.path("username").asText());
            assertEquals(4194304, config.path("chunkSize").asLong());
            assertFalse(put.body().contains("applier1234"), "the password is never echoed");
            assertFalse(http.get("/_api/replication/applier-config").body().contains("password"));
            RawHttp.Reply noEndpoint = http.put("/_api/replication/applier-config", "{\"chunkSize\":1}");
            assertEquals(400, noEndpoint.status());
            assertEquals(1410, noEndpoint.errorNum());
            RawHttp.Reply badType = http.put("/_api/replication/applier-config", "{\"endpoint\":\"tcp://x:1\",\"chunkSize\":\"big\"}");
            assertEquals(1410, badType.errorNum());
            assertTrue(badType.json().path("errorMessage").asText().contains("'chunkSize'"));
            RawHttp.Reply state = http.get("/_api/replication/applier-state");
            JsonNode s = state.json().path("state");
            assertEquals("", s.path("started").asText());
            assertEquals(false, s.path("running").asBoolean());
            assertEquals("inactive", s.path("phase").asText());
            assertTrue(s.path("lastAppliedContinuousTick").isNull());
            assertFalse(s.has("ticksBehind"), "ticksBehind only while running");
            assertEquals(0, s.path("lastError").path("errorNum").asInt());
            assertEquals(emu.serverId(), state.json().path("server").path("serverId").asText());
        }
    }

    @Test
    void makeFollowerSyncsThenTailsTheLeader() throws Exception {
        try (ArangoEmulator leader = ArangoEmulator.builder().authentication("root", "leaderpw").serverId(111).build().start();
             ArangoEmulator follower = ArangoEmulator.builder().serverId(222).build().start()) {
            RawHttp l = RawHttp.of(leader);
            RawHttp f = new RawHttp(follower.url());
            l.post("/_api/collection", "{\"name\":\"orders\"}");
            l.post("/_api/document/orders", "[{\"_key\":\"a\",\"v\":1},{\"_key\":\"b\",\"v\":1}]");

            String config = "{\"endpoint\":\"tcp://127.0.0.1:" + leader.port() + "\",\"username\":\"root\",\"password\":\"leaderpw\","
                    + "\"idleMinWaitTime\":0.05,\"connectionRetryWaitTime\":0.1,\"includeSystem\":false}";
            RawHttp.Reply made = f.put("/_api/replication/make-follower", config);
            assertEquals(200, made.status(), made.body());
            assertEquals("running", made.json().path("state").path("phase").asText());
            assertEquals(leader.documents("_system", "orders"), follower.documents("_system", "orders"), "initial sync keeps keys and revisions");

            RawHttp.Reply running = f.put("/_api/replication/applier-config", config);
            assertEquals(400, running.status());
            assertEquals(1411, running.errorNum());

            l.send("PATCH", "/_api/document/orders/a", "{\"v\":2}");
            l.delete("/_api/document/orders/b");
            l.post("/_api/collection", "{\"name\":\"later\"}");
            l.post("/_api/document/later", "{\"_key\":\"x\"}");
            String tx = l.post("/_api/transaction/begin", "{\"collections\":{\"write\":[\"orders\"]}}").json().path("result").path("id").asText();
            l.send("POST", "/_api/document/orders", "{\"_key\":\"t\"}", "x-arango-trx-id", tx);
            l.put("/_api/transaction/" + tx, "");
            waitFor(() -> follower.documents("_system", "orders").containsKey("t") && hasCollection(follower, "later"));
            assertEquals(leader.documents("_system", "orders"), follower.documents("_system", "orders"));
            assertEquals(Map.of("x", leader.documents("_system", "later").get("x")), follower.documents("_system", "later"));

            JsonNode state = f.get("/_api/replication/applier-state").json();
            assertEquals(true, state.path("state").path("running").asBoolean());
            assertTrue(state.path("state").path("totalDocuments").asLong() >= 3);
            assertTrue(state.path("state").path("totalRemovals").asLong() >= 1);
            assertTrue(state.path("state").path("totalRequests").asLong() >= 1);
            assertTrue(state.path("state").has("ticksBehind"), "ticksBehind is shown while running");
            assertEquals("tcp://127.0.0.1:" + leader.port(), state.path("endpoint").asText());
            JsonNode logger = RawHttp.of(leader).get("/_api/replication/logger-state").json();
            assertTrue(logger.path("clients").toString().contains("\"serverId\":\"222\""), "the follower is a registered client");

            JsonNode stopped = f.put("/_api/replication/applier-stop", "").json().path("state");
            assertEquals(false, stopped.path("running").asBoolean());
            assertEquals("inactive", stopped.path("phase").asText());
            assertEquals("applier shut down", stopped.path("progress").path("message").asText());
            assertFalse(stopped.has("ticksBehind"), "a stopped applier's state has no ticksBehind (§3.20, recorded 3.11.4)");
            assertEquals("{\"errorNum\":0}", stopped.path("lastError").toString());
        }
    }

    @Test
    void applierStopClearsTheLastErrorOfFailedConnects() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ArangoEmulator follower = ArangoEmulator.builder().serverId(555).build().start()) {
            RawHttp f = new RawHttp(follower.url());
            f.put("/_api/replication/applier-config", "{\"endpoint\":\"tcp://127.0.0.1:" + closedPort + "\","
                    + "\"connectionRetryWaitTime\":0.05,\"idleMinWaitTime\":0.05}");
            assertEquals(200, f.put("/_api/replication/applier-start?from=1", "").status());
            waitFor(() -> f.get("/_api/replication/applier-state").json().path("state").path("totalFailedConnects").asLong() >= 2);
            JsonNode running = f.get("/_api/replication/applier-state").json().path("state");
            assertEquals(1400, running.path("lastError").path("errorNum").asInt());
            assertTrue(running.path("lastError").path("errorMessage").asText().startsWith("no response from leader"));
            assertTrue(running.path("lastError").has("time"), "an error carries its time");
            assertTrue(running.path("progress").path("failedConnects").asLong() >= 1);

            JsonNode stopped = f.put("/_api/replication/applier-stop", "").json().path("state");
            assertEquals(false, stopped.path("running").asBoolean());
            assertEquals("{\"errorNum\":0}", stopped.path("lastError").toString(),
                    "recorded 3.11.4 applier-stop answers show errorNum 0 alone after failed connects (§3.20)");
            assertEquals(0, stopped.path("progress").path("failedConnects").asLong());
            assertTrue(stopped.path("totalFailedConnects").asLong() >= 2, "the failed connects stay counted");
            assertFalse(stopped.has("ticksBehind"));
            assertEquals(stopped.path("lastError"), f.get("/_api/replication/applier-state").json().path("state").path("lastError"));
        }
    }

    @Test
    void syncCopiesCollectionsAndReportsTheLeaderTick() {
        try (ArangoEmulator leader = ArangoEmulator.builder().build().start();
             ArangoEmulator follower = ArangoEmulator.builder().serverId(333).build().start()) {
            RawHttp l = new RawHttp(leader.url());
            l.post("/_api/collection", "{\"name\":\"s1\"}");
            l.post("/_api/document/s1", "[{\"_key\":\"1\"},{\"_key\":\"2\"}]");
            l.post("/_api/collection", "{\"name\":\"s2\",\"type\":3}");
            RawHttp.Reply sync = new RawHttp(follower.url()).put("/_api/replication/sync",
                    "{\"endpoint\":\"tcp://127.0.0.1:" + leader.port() + "\",\"restrictType\":\"include\",\"restrictCollections\":[\"s1\"]}");
            assertEquals(200, sync.status(), sync.body());
            assertEquals(String.valueOf(leader.lastTick()), sync.json().path("lastLogTick").asText());
            assertEquals(1, sync.json().path("collections").size());
            assertEquals("s1", sync.json().path("collections").get(0).path("name").asText());
            assertEquals(leader.documents("_system", "s1"), follower.documents("_system", "s1"));
            assertFalse(hasCollection(follower, "s2"));
        }
    }

    @Test
    void applierStopsWithStartTickNotPresentAfterLeaderPurge() throws Exception {
        try (ArangoEmulator leader = ArangoEmulator.builder().build().start();
             ArangoEmulator follower = ArangoEmulator.builder().serverId(444).build().start()) {
            RawHttp l = new RawHttp(leader.url());
            l.post("/_api/collection", "{\"name\":\"p\"}");
            long start = leader.lastTick();
            l.post("/_api/document/p", "{}");
            l.post("/_api/document/p", "{}");
            leader.purgeWalUpTo(leader.lastTick() - 1);
            RawHttp f = new RawHttp(follower.url());
            f.put("/_api/replication/applier-config", "{\"endpoint\":\"tcp://127.0.0.1:" + leader.port() + "\",\"idleMinWaitTime\":0.05}");
            JsonNode started = f.put("/_api/replication/applier-start?from=" + start, "").json().path("state");
            assertEquals(true, started.path("running").asBoolean());
            waitFor(() -> !f.get("/_api/replication/applier-state").json().path("state").path("running").asBoolean());
            JsonNode error = f.get("/_api/replication/applier-state").json().path("state").path("lastError");
            assertEquals(1414, error.path("errorNum").asInt());
            assertTrue(error.has("time"));
            RawHttp.Reply restarted = f.put("/_api/replication/applier-start?from=" + leader.lastTick(), "");
            assertEquals(200, restarted.status(), "a stopped applier can be started again");
            assertEquals(0, restarted.json().path("state").path("lastError").path("errorNum").asInt());
            f.put("/_api/replication/applier-stop", "");
        }
    }

    private static boolean hasCollection(ArangoEmulator emu, String name) {
        try {
            emu.documents("_system", name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
