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
import io.github.camelarango.replication.emulator.HotBackup;
import io.github.camelarango.replication.emulator.WalMarker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The restore controls: a hot-backup restore (data, WAL and ticks go back, the server id stays) and a replaced server
 * (a new server id, ticks starting low). Neither keeps batches, registrations or running stream transactions.
 */
class HotBackupAndReplacedServerIT extends ScratchEmulatorTest {

    @BeforeEach
    void createData() {
        admin.createCollection("_system", "orders");
        admin.createCollection("_system", "old");
        admin.insert("_system", "orders", Map.of("_key", "a", "v", 1));
        admin.insert("_system", "orders", Map.of("_key", "b", "v", 1));
        admin.insert("_system", "old", Map.of("_key", "x"));
    }

    private long tick(String path) {
        return Long.parseLong(http.get(path).json().path("tick").asText());
    }

    @Test
    void restoringAHotBackupBringsBackDataWalAndTicksAndKeepsTheServerId() {
        HotBackup backup = emu.hotBackup();
        Map<String, Map<String, Object>> ordersAtBackup = emu.documents("_system", "orders");
        List<WalMarker> walAtBackup = emu.wal();
        assertEquals(emu.lastTick(), backup.lastTick());
        assertEquals(emu.serverId(), backup.serverId());

        admin.update("_system", "orders", "a", Map.of("v", 2));
        admin.remove("_system", "orders", "b");
        admin.insert("_system", "orders", Map.of("_key", "c"));
        admin.createCollection("_system", "later");
        admin.renameCollection("_system", "orders", "orders2");
        admin.dropCollection("_system", "old");
        long afterTick = emu.lastTick();
        assertTrue(afterTick > backup.lastTick());

        emu.restoreHotBackup(backup);
        reconnect();

        assertEquals(backup.lastTick(), emu.lastTick(), "the tick counter goes back to the backup's");
        assertEquals(backup.lastTick(), tick("/_api/wal/lastTick"));
        assertEquals(backup.serverId(), emu.serverId(), "a restore on the same server keeps its id");
        assertEquals(ordersAtBackup, emu.documents("_system", "orders"), "documents as they were, under the old name");
        assertEquals(Map.of("x", emu.documents("_system", "old").get("x")), emu.documents("_system", "old"),
                "a collection dropped after the backup is back");
        assertEquals(404, http.get("/_api/collection/later").status(), "a collection created after the backup is gone");
        assertEquals(404, http.get("/_api/collection/orders2").status());
        assertEquals(walAtBackup.stream().map(WalMarker::json).toList(), emu.wal().stream().map(WalMarker::json).toList(),
                "the WAL is the backup's: the markers written after it are gone");

        admin.insert("_system", "orders", Map.of("_key", "d"));
        assertEquals(backup.lastTick() + 1, emu.lastTick(), "new writes take the ticks after the backup's last tick again");
        RawHttp.Reply tail = http.get("/_api/wal/tail?from=" + backup.lastTick());
        assertEquals(1, tail.lines().size());
        assertEquals("d", tail.lines().get(0).path("data").path("_key").asText());
        assertEquals(String.valueOf(backup.lastTick() + 1), tail.lines().get(0).path("tick").asText());

        admin.insert("_system", "orders", Map.of("_key", "e"));
        emu.restoreHotBackup(backup);
        reconnect();
        assertEquals(ordersAtBackup, emu.documents("_system", "orders"), "a backup can be restored again");
        admin.insert("_system", "orders", Map.of("_key", "a2"));
        assertEquals("a2", emu.documents("_system", "orders").get("a2").get("_key"), "the restored state takes writes");
    }

    @Test
    void batchesRegistrationsAndStreamTransactionsDoNotSurviveARestore() {
        HotBackup backup = emu.hotBackup();
        String batch = http.post("/_api/replication/batch", "{\"ttl\":600}").json().path("id").asText();
        assertEquals(204, http.get("/_api/wal/tail?from=" + emu.lastTick() + "&serverId=77&syncerId=78").status());
        assertEquals(2, http.get("/_api/replication/logger-state").json().path("clients").size(), "batch and tail clients");
        String tx = http.post("/_api/transaction/begin", "{\"collections\":{\"write\":[\"orders\"]}}")
                .json().path("result").path("id").asText();
        assertEquals(202, http.send("POST", "/_api/document/orders", "{\"_key\":\"t\"}", "x-arango-trx-id", tx).status());

        emu.restoreHotBackup(backup);
        reconnect();

        assertEquals(404, http.put("/_api/replication/batch/" + batch, "{\"ttl\":600}").status());
        assertEquals(0, http.get("/_api/replication/logger-state").json().path("clients").size());
        assertEquals(404, http.put("/_api/transaction/" + tx, "").status(), "the transaction is gone with the restart");
        assertFalse(emu.documents("_system", "orders").containsKey("t"), "its staged write is gone");
    }

    @Test
    void aReplacedServerHasANewIdOnlySystemAndTicksStartingLow() {
        long before = emu.lastTick();
        String oldId = emu.serverId();
        String newId = emu.replaceServer();
        reconnect();
        assertNotEquals(oldId, newId);
        assertEquals(newId, emu.serverId());
        JsonNode lastTick = http.get("/_api/wal/lastTick").json();
        assertEquals(newId, lastTick.path("server").path("serverId").asText());
        assertEquals(newId, http.get("/_api/replication/logger-state").json().path("server").path("serverId").asText());
        assertTrue(emu.lastTick() < before, "ticks start low again: " + emu.lastTick() + " < " + before);
        assertEquals(404, http.get("/_api/collection/orders").status());
        assertEquals(List.of("_system"), names(http.get("/_api/database").json().path("result")));

        admin.createCollection("_system", "orders");
        String cuid = http.get("/_api/collection/orders").json().path("globallyUniqueId").asText();
        assertTrue(cuid.startsWith("h" + Long.toHexString(Long.parseLong(newId)).toUpperCase() + "/"),
                "new collections carry the new server id in their globallyUniqueId: " + cuid);
        assertEquals("4711", emu.replaceServer(4711));
        assertThrows(IllegalArgumentException.class, () -> emu.replaceServer(0));
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void aRestoreResetsOpenConnections() throws Exception {
        HotBackup backup = emu.hotBackup();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", emu.port())) {
            socket.getOutputStream().write("GET /_api/version HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            socket.getOutputStream().flush();
            byte[] buffer = new byte[4096];
            assertTrue(socket.getInputStream().read(buffer) > 0);
            Thread.sleep(50);
            emu.restoreHotBackup(backup);
            socket.setSoTimeout(5000);
            boolean closed;
            try {
                int n;
                do {
                    n = socket.getInputStream().read(buffer);
                } while (n > 0);
                closed = true;
            } catch (java.net.SocketException e) {
                closed = true;
            }
            assertTrue(closed);
        }
        assertFalse(RawHttp.of(emu).get("/_api/version").body().isEmpty(), "the server still listens");
    }
}
