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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client registration by {@code wal/tail} (§4.6: key (syncerId, serverId), lastServedTick = from, TTL 7200 s on the
 * emulator clock), {@code from == to}, unregistering, and the server-like purge that keeps what live registrations and
 * batches need.
 */
class RegistrationAndPurgeIT extends ScratchEmulatorTest {

    @BeforeEach
    void createCollection() {
        admin.createCollection("_system", "c");
    }

    private void insert(String key) {
        admin.insert("_system", "c", Map.of("_key", key));
    }

    private JsonNode client(String syncerId) {
        for (JsonNode c : http.get("/_api/replication/logger-state").json().path("clients")) {
            if (c.path("syncerId").asText().equals(syncerId)) {
                return c;
            }
        }
        return null;
    }

    private RawHttp.Reply tail(String query) {
        return http.get("/_api/wal/tail?" + query);
    }

    @Test
    void everySuccessfulTailRegistersAtItsFromAndTheEntryExpiresAfterItsTtl() {
        insert("a");
        long first = emu.lastTick();
        insert("b");
        assertEquals(200, tail("from=" + (first - 1) + "&serverId=11&syncerId=12&clientInfo=probe").status());
        assertEquals(String.valueOf(first - 1), client("12").path("lastServedTick").asText());
        assertEquals("11", client("12").path("serverId").asText());
        assertEquals(204, tail("from=" + emu.lastTick() + "&serverId=11&syncerId=12").status());
        assertEquals(String.valueOf(emu.lastTick()), client("12").path("lastServedTick").asText(), "refreshed at the new from");

        assertEquals(400, tail("from=9&to=3&serverId=11&syncerId=99").status());
        assertNull(client("99"), "a refused call registers nothing");

        emu.clock().advance(Duration.ofSeconds(7199));
        assertTrue(client("12") != null, "still registered within the TTL");
        emu.clock().advance(Duration.ofSeconds(2));
        assertNull(client("12"), "gone after 7200 s without a call");
    }

    @Test
    void fromEqualToToIsAValidRegistrationCallWithoutMarkers() {
        insert("a");
        long c = emu.lastTick();
        insert("b");
        RawHttp.Reply reply = tail("from=" + c + "&to=" + c + "&serverId=5&syncerId=6");
        assertEquals(204, reply.status(), "from == to is valid: no tick is above from and at most to");
        assertEquals("", reply.body());
        assertEquals("true", reply.header("x-arango-replication-frompresent"));
        assertEquals("0", reply.header("x-arango-replication-lastincluded"));
        assertEquals(String.valueOf(c), client("6").path("lastServedTick").asText());
        RawHttp.Reply upTo = tail("from=" + (c - 1) + "&to=" + c);
        assertEquals(1, upTo.lines().size(), "to is inclusive");
        assertEquals("a", upTo.lines().get(0).path("data").path("_key").asText());
    }

    @Test
    void deleteUnregistersAndAnswers204() {
        tail("from=" + emu.lastTick() + "&serverId=5&syncerId=6");
        assertEquals(204, http.delete("/_api/wal/tail?serverId=5&syncerId=6").status());
        assertNull(client("6"));
        assertEquals(204, http.delete("/_api/wal/tail?serverId=5&syncerId=6").status(), "unknown clients too");
    }

    @Test
    void aServerLikePurgeKeepsWhatALiveRegistrationNeeds() {
        insert("a");
        insert("b");
        long c = emu.lastTick();
        insert("c");
        insert("d");
        tail("from=" + c + "&to=" + c + "&serverId=5&syncerId=6");
        long purged = emu.purgeWal();
        assertEquals(c - 1, purged, "everything before the registered tick goes");
        RawHttp.Reply fromC = tail("from=" + c);
        assertEquals("true", fromC.header("x-arango-replication-frompresent"), "the registered position is intact");
        assertEquals(2, fromC.lines().size());
        assertEquals("false", tail("from=" + (c - 2)).header("x-arango-replication-frompresent"));

        emu.clock().advance(Duration.ofSeconds(7201));
        emu.purgeWal();
        assertEquals("false", tail("from=" + c).header("x-arango-replication-frompresent"),
                "an expired registration protects nothing");
    }

    @Test
    void aServerLikePurgeKeepsWhatALiveBatchNeedsAndPurgesAllWithoutClients() {
        insert("a");
        JsonNode batch = http.post("/_api/replication/batch", "{\"ttl\":60}").json();
        long snapshot = Long.parseLong(batch.path("lastTick").asText());
        insert("b");
        insert("c");
        emu.purgeWal();
        assertEquals("true", tail("from=" + snapshot).header("x-arango-replication-frompresent"), "the batch holds it");
        assertEquals(204, http.delete("/_api/replication/batch/" + batch.path("id").asText()).status());
        emu.purgeWal();
        assertEquals("true", tail("from=" + snapshot).header("x-arango-replication-frompresent"),
                "the batch's client entry lives for the batch TTL after the delete");
        emu.clock().advance(Duration.ofSeconds(61));
        assertEquals(emu.lastTick(), emu.purgeWal(), "nothing registered: the whole WAL goes");
        assertEquals("false", tail("from=" + snapshot).header("x-arango-replication-frompresent"));
    }
}
