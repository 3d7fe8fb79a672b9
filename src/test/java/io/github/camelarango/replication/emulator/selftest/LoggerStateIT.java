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
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** logger-state, logger-first-tick, logger-tick-ranges, server-id, wal/range, wal/lastTick and the dispatcher (§3.1–3.6, §4.2–4.5). */
class LoggerStateIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create();

    private final RawHttp http = RawHttp.of(ARANGO.emulator());

    @Test
    void serverWideTicksAreConsistentAcrossEndpointsAndPrefixes() {
        http.post("/_api/database", "{\"name\":\"ticks\"}");
        String tick = String.valueOf(ARANGO.emulator().lastTick());
        JsonNode state = http.get("/_db/ticks/_api/replication/logger-state").json();
        assertEquals(true, state.path("state").path("running").asBoolean());
        assertEquals(tick, state.path("state").path("lastLogTick").asText());
        assertEquals(tick, state.path("state").path("lastUncommittedLogTick").asText());
        assertEquals(Long.parseLong(tick), state.path("state").path("totalEvents").asLong());
        assertTrue(state.path("state").path("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals("3.11.4", state.path("server").path("version").asText());
        assertEquals(ARANGO.emulator().serverId(), state.path("server").path("serverId").asText());
        assertTrue(state.path("clients").isArray());
        JsonNode last = http.get("/_api/wal/lastTick").json();
        assertEquals(tick, last.path("tick").asText());
        assertEquals(ARANGO.emulator().serverId(), last.path("server").path("serverId").asText());
        JsonNode range = http.get("/_db/ticks/_api/wal/range").json();
        assertEquals("1", range.path("tickMin").asText());
        assertEquals(tick, range.path("tickMax").asText());
        assertEquals("{\"firstTick\":\"1\"}", http.get("/_api/replication/logger-first-tick").body());
        JsonNode ranges = http.get("/_api/replication/logger-tick-ranges").json();
        assertEquals(tick, ranges.get(ranges.size() - 1).path("tickMax").asText());
        assertEquals("{\"serverId\":\"" + ARANGO.emulator().serverId() + "\"}", http.get("/_api/replication/server-id").body());
    }

    @Test
    void dispatcherRules() {
        RawHttp.Reply unknown = http.get("/_api/replication/nope");
        assertEquals(400, unknown.status());
        assertEquals(400, unknown.errorNum());
        assertEquals("invalid command 'nope'", unknown.json().path("errorMessage").asText());
        RawHttp.Reply wrongMethod = http.post("/_api/replication/logger-state", "{}");
        assertEquals(405, wrongMethod.status());
        assertEquals(405, wrongMethod.errorNum());
        RawHttp.Reply superfluous = http.post("/_api/replication/logger-state/x", "{}");
        assertEquals(400, superfluous.status());
        assertEquals(601, superfluous.errorNum());
        RawHttp.Reply none = http.get("/_api/replication");
        assertEquals(400, none.status());
        assertEquals(601, none.errorNum());
        RawHttp.Reply keys = http.post("/_api/replication/keys?collection=x&batchId=1", "{}");
        assertEquals(404, keys.status());
        assertEquals(1600, keys.errorNum());
        RawHttp.Reply cluster = http.get("/_api/replication/clusterInventory");
        assertEquals(403, cluster.status());
        assertEquals(1471, cluster.errorNum());
    }

    @Test
    void openTransactionsAreAlwaysEmptyOnRocksDb() {
        RawHttp.Reply determine = http.get("/_api/replication/determine-open-transactions?from=1");
        assertEquals(200, determine.status());
        assertEquals("[]", determine.body());
        assertEquals("application/x-arango-dump", determine.header("content-type"));
        assertEquals("0", determine.header("x-arango-replication-lasttick"));
        RawHttp.Reply wal = http.get("/_api/wal/open-transactions");
        assertEquals(204, wal.status());
        assertEquals("0", wal.header("x-arango-replication-lastincluded"));
    }

    @Test
    void loggerFollowUsesTheLegacyFormat() {
        http.post("/_api/collection", "{\"name\":\"follow\"}");
        long from = ARANGO.emulator().lastTick();
        http.post("/_api/document/follow", "{\"_key\":\"f\"}");
        RawHttp.Reply reply = http.get("/_api/replication/logger-follow?from=" + from);
        assertEquals(200, reply.status());
        assertEquals("true", reply.header("x-arango-replication-active"));
        JsonNode marker = reply.lines().get(0);
        assertEquals("1", marker.path("database").asText(), "database id, not name");
        assertEquals("follow", marker.path("cname").asText());
        assertEquals("follow/f", marker.path("data").path("_id").asText());
        RawHttp.Reply empty = http.get("/_api/replication/logger-follow?from=" + ARANGO.emulator().lastTick());
        assertEquals(204, empty.status());
        assertEquals("0", empty.header("x-arango-replication-lastincluded"));
    }
}
