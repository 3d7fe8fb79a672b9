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

import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Versions (§2, §8) and roles: removed endpoints, coordinator restrictions, version/role endpoints. */
class PersonalityIT {

    private static final List<String[]> REMOVED_IN_3_12_10 = List.of(
            new String[] {"GET", "applier-config"}, new String[] {"PUT", "applier-start"}, new String[] {"PUT", "applier-stop"},
            new String[] {"GET", "applier-state"}, new String[] {"GET", "applier-state-all"}, new String[] {"PUT", "make-follower"},
            new String[] {"PUT", "make-slave"}, new String[] {"GET", "logger-follow"}, new String[] {"GET", "logger-first-tick"},
            new String[] {"GET", "logger-tick-ranges"}, new String[] {"GET", "server-id"}, new String[] {"PUT", "sync"});

    @Test
    void version312BeforePatch10StillHasTheLegacyEndpoints() {
        try (ArangoEmulator emu = ArangoEmulator.builder().version("3.12.4").build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals("3.12.4", http.get("/_api/version").json().path("version").asText());
            assertEquals(200, http.get("/_api/replication/applier-config").status());
            assertEquals(200, http.get("/_api/replication/logger-first-tick").status());
            assertEquals(200, http.get("/_api/replication/server-id").status());
        }
    }

    @Test
    void version31210AndLaterAnswerInvalidCommandForRemovedEndpoints() {
        for (String version : List.of("3.12.10", "4.0.0")) {
            try (ArangoEmulator emu = ArangoEmulator.builder().version(version).build().start()) {
                RawHttp http = new RawHttp(emu.url());
                for (String[] call : REMOVED_IN_3_12_10) {
                    RawHttp.Reply reply = http.send(call[0], "/_api/replication/" + call[1], call[0].equals("GET") ? null : "{}");
                    assertEquals(400, reply.status(), version + " " + call[1]);
                    assertEquals(400, reply.errorNum());
                    assertEquals("invalid command '" + call[1] + "'", reply.json().path("errorMessage").asText());
                }
                assertEquals(200, http.get("/_api/replication/logger-state").status());
                assertEquals(200, http.post("/_api/replication/batch", "{}").status());
                assertEquals(200, http.get("/_api/wal/lastTick").status());
                RawHttp.Reply openTransactions = http.get("/_api/wal/open-transactions");
                assertEquals(version.startsWith("4") ? 400 : 204, openTransactions.status(), version + " wal/open-transactions");
                if (version.startsWith("4")) {
                    assertEquals(400, openTransactions.errorNum(), "removed in 4.x: the wal handler's usage answer (§4.1)");
                    assertEquals("expected GET /_api/wal/[tail|range|lastTick|open-transactions]>",
                            openTransactions.json().path("errorMessage").asText());
                }
            }
        }
    }

    @Test
    void openAuthWithAuthenticationOffIs404UpTo3125And200From3126() {
        for (String version : List.of("3.12.5", "3.12.6", "4.0.0")) {
            try (ArangoEmulator emu = ArangoEmulator.builder().version(version).build().start()) {
                RawHttp.Reply reply = new RawHttp(emu.url()).post("/_open/auth", "{\"username\":\"root\",\"password\":\"\"}");
                if (version.equals("3.12.5")) {
                    assertEquals(404, reply.status(), version);
                    assertEquals(404, reply.errorNum(), version);
                } else {
                    assertEquals(200, reply.status(), version);
                    assertEquals("{\"jwt\":\"invalid\"}", reply.body(), version);
                }
            }
        }
    }

    @Test
    void coordinatorRestrictions() {
        try (ArangoEmulator emu = ArangoEmulator.builder().role(EmulatorRole.COORDINATOR).build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals("COORDINATOR", http.get("/_admin/server/role").json().path("role").asText());
            RawHttp.Reply wal = http.get("/_api/wal/tail?from=1");
            assertEquals(501, wal.status());
            assertEquals(1470, wal.errorNum());
            RawHttp.Reply batch = http.post("/_api/replication/batch", "{}");
            assertEquals(400, batch.status());
            assertEquals(400, batch.errorNum());
            assertEquals("need \"DBserver\" parameter", batch.json().path("errorMessage").asText());
            assertEquals(200, http.post("/_api/replication/batch?DBserver=PRMR-1", "{}").status());
            RawHttp.Reply tickRanges = http.get("/_api/replication/logger-tick-ranges");
            assertEquals(501, tickRanges.status());
            assertEquals(1470, tickRanges.errorNum());
            RawHttp.Reply inventory = http.get("/_api/replication/clusterInventory");
            assertEquals(200, inventory.status());
            assertEquals("unused", inventory.json().path("state").asText());
            assertEquals(200, http.get("/_api/replication/logger-state").status());
        }
    }

    @Test
    void singleServerRoleAndEngine() {
        try (ArangoEmulator emu = ArangoEmulator.builder().build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals("{\"error\":false,\"code\":200,\"role\":\"SINGLE\",\"mode\":\"default\"}", http.get("/_admin/server/role").body());
            assertEquals("rocksdb", http.get("/_api/engine").json().path("name").asText());
        }
    }

    @Test
    void unsupportedVersionsAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArangoEmulator.builder().version("3.10.1"));
        assertEquals("version '3.10.1' is not emulated; supported: 3.11.x, 3.12.x, 4.x", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArangoEmulator.builder().version("latest"));
    }
}
