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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches (§3.7, §6.3) and inventory (§3.9): global ids, sliding TTL on the emulator clock, 404/1600, snapshot tick. */
class BatchProtocolIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create();

    private final RawHttp http = RawHttp.of(ARANGO.emulator());

    private JsonNode createBatch(String prefix, String body) {
        RawHttp.Reply reply = http.post(prefix + "/_api/replication/batch", body);
        assertEquals(200, reply.status());
        return reply.json();
    }

    @Test
    void createReturnsIdAndSnapshotTickAsStrings() {
        long tick = ARANGO.emulator().lastTick();
        JsonNode batch = createBatch("", "{\"ttl\":30}");
        assertTrue(batch.path("id").isTextual());
        assertEquals(String.valueOf(tick), batch.path("lastTick").asText());
        assertFalse(batch.has("state"));
        JsonNode withState = http.post("/_api/replication/batch?state=true", "{}").json();
        assertEquals(withState.path("lastTick").asText(), withState.path("state").path("state").path("lastLogTick").asText());
        assertEquals("rocksdb", withState.path("state").path("server").path("engine").asText());
    }

    @Test
    void aBatchWithoutServerIdRegistersTheBatchIdAsClient() {
        JsonNode anonymous = createBatch("", "{}");
        JsonNode named = http.post("/_api/replication/batch?serverId=4242&clientInfo=named", "{}").json();
        JsonNode byBatchId = client(anonymous.path("id").asText());
        assertEquals("0", byBatchId.path("syncerId").asText());
        assertEquals(anonymous.path("lastTick").asText(), byBatchId.path("lastServedTick").asText());
        assertEquals(named.path("lastTick").asText(), client("4242").path("lastServedTick").asText());
        assertEquals("named", client("4242").path("clientInfo").asText());
    }

    /** The logger-state client entry with this serverId. */
    private JsonNode client(String serverId) {
        for (JsonNode c : http.get("/_api/replication/logger-state").json().path("clients")) {
            if (c.path("serverId").asText().equals(serverId)) {
                return c;
            }
        }
        throw new AssertionError("no client with serverId " + serverId + " in logger-state");
    }

    @Test
    void batchesAreGlobalAcrossDatabasePrefixes() {
        http.post("/_api/database", "{\"name\":\"batchdb\"}");
        String id = createBatch("/_db/batchdb", "{}").path("id").asText();
        assertEquals(200, http.get("/_api/replication/inventory?batchId=" + id).status());
        assertEquals(204, http.put("/_db/_system/_api/replication/batch/" + id, "{\"ttl\":10}").status());
        assertEquals(204, http.delete("/_api/replication/batch/" + id).status());
        RawHttp.Reply again = http.delete("/_db/batchdb/_api/replication/batch/" + id);
        assertEquals(404, again.status());
        assertEquals(1600, again.errorNum());
    }

    @Test
    void ttlIsSlidingAndMeasuredOnTheEmulatorClock() {
        String id = createBatch("", "{\"ttl\":100}").path("id").asText();
        ARANGO.emulator().clock().advance(Duration.ofSeconds(90));
        assertEquals(200, http.get("/_api/replication/inventory?batchId=" + id).status(), "use renews the batch");
        ARANGO.emulator().clock().advance(Duration.ofSeconds(90));
        assertEquals(204, http.put("/_api/replication/batch/" + id, "{\"ttl\":100}").status());
        ARANGO.emulator().clock().advance(Duration.ofSeconds(101));
        RawHttp.Reply expired = http.get("/_api/replication/inventory?batchId=" + id);
        assertEquals(404, expired.status());
        assertEquals(1600, expired.errorNum());
        assertEquals(404, http.put("/_api/replication/batch/" + id, "{\"ttl\":100}").status());
    }

    @Test
    void defaultTtlIs7200Seconds() {
        String id = createBatch("", "{}").path("id").asText();
        ARANGO.emulator().clock().advance(Duration.ofSeconds(7100));
        assertEquals(204, http.put("/_api/replication/batch/" + id, "{}").status());
        ARANGO.emulator().clock().advance(Duration.ofSeconds(7201));
        assertEquals(1600, http.put("/_api/replication/batch/" + id, "{}").errorNum());
    }

    @Test
    void droppingTheDatabaseDropsItsBatches() {
        http.post("/_api/database", "{\"name\":\"doomed\"}");
        String id = createBatch("/_db/doomed", "{}").path("id").asText();
        assertEquals(200, http.delete("/_api/database/doomed").status());
        RawHttp.Reply inventory = http.get("/_api/replication/inventory?batchId=" + id);
        assertEquals(404, inventory.status());
        assertEquals(1600, inventory.errorNum());
        RawHttp.Reply dump = http.get("/_api/replication/dump?collection=_users&batchId=" + id);
        assertEquals(404, dump.status(), "dump answers a dropped context like an expired one");
        assertEquals(400, dump.errorNum());
        RawHttp.Reply extend = http.put("/_api/replication/batch/" + id, "{}");
        assertEquals(404, extend.status());
        assertEquals(1600, extend.errorNum());
        assertEquals(1600, http.delete("/_api/replication/batch/" + id).errorNum());
    }

    @Test
    void wrongShapesAndBodies() {
        String id = createBatch("", "{}").path("id").asText();
        String[][] wrong = {{"GET", "/_api/replication/batch"}, {"PUT", "/_api/replication/batch"},
                {"GET", "/_api/replication/batch/" + id}, {"POST", "/_api/replication/batch/" + id},
                {"DELETE", "/_api/replication/batch/" + id + "/2"}, {"PUT", "/_api/replication/batch/" + id + "/2"},
                {"PATCH", "/_api/replication/batch/" + id}, {"DELETE", "/_api/replication/batch"}};
        for (String[] call : wrong) {
            RawHttp.Reply reply = http.send(call[0], call[1], call[0].equals("GET") ? null : "{}");
            assertEquals(405, reply.status(), call[0] + " " + call[1] + ": any other method/shape of batch is 405 (§3.7)");
            assertEquals(405, reply.errorNum(), call[0] + " " + call[1]);
        }
        assertEquals(204, http.delete("/_api/replication/batch/" + id).status(), "the wrong calls left the batch alone");
        RawHttp.Reply badJson = http.post("/_api/replication/batch", "{nope");
        assertEquals(400, badJson.status());
        assertEquals(600, badJson.errorNum());
        RawHttp.Reply unknown = http.put("/_api/replication/batch/12345678", "{}");
        assertEquals(404, unknown.status());
        assertEquals(1600, unknown.errorNum());
    }

    @Test
    void inventoryStateIsTheBatchSnapshotAndTickIsNow() {
        http.post("/_api/collection", "{\"name\":\"inv\"}");
        JsonNode batch = createBatch("", "{}");
        http.post("/_api/document/inv", "{}");
        http.post("/_api/index?collection=inv", "{\"type\":\"persistent\",\"fields\":[\"name\"]}");
        JsonNode inventory = http.get("/_api/replication/inventory?batchId=" + batch.path("id").asText()).json();
        assertEquals(batch.path("lastTick").asText(), inventory.path("state").path("lastLogTick").asText());
        assertEquals(batch.path("lastTick").asLong(), inventory.path("state").path("totalEvents").asLong());
        assertTrue(inventory.path("tick").asLong() > inventory.path("state").path("lastLogTick").asLong());
        assertEquals("_system", inventory.path("properties").path("name").asText());
        assertTrue(inventory.path("views").isArray());
        JsonNode inv = find(inventory, "inv");
        JsonNode parameters = inv.path("parameters");
        assertEquals(parameters.path("id").asText(), parameters.path("cid").asText());
        assertFalse(parameters.has("objectId"));
        assertFalse(parameters.has("statusString"));
        assertEquals(1, inv.path("indexes").size(), "no primary/edge index, the persistent one created after the batch is current");
        assertEquals("persistent", inv.path("indexes").get(0).path("type").asText());
    }

    @Test
    void inventoryFiltersSystemCollections() {
        String id = createBatch("", "{}").path("id").asText();
        List<String> all = names(http.get("/_api/replication/inventory?batchId=" + id).json());
        assertTrue(all.contains("_users"), "includeSystem defaults to true");
        assertFalse(all.stream().anyMatch(n -> n.startsWith("_statistics")));
        assertFalse(all.contains("_jobs"));
        assertTrue(names(http.get("/_api/replication/inventory?batchId=" + id + "&includeFoxxQueues=true").json()).contains("_jobs"));
        assertFalse(names(http.get("/_api/replication/inventory?batchId=" + id + "&includeSystem=false").json()).contains("_users"));
    }

    @Test
    void inventoryCollectionFormListsOnlyThatCollectionWithoutProperties() {
        http.post("/_api/collection", "{\"name\":\"only1\"}");
        String cid = http.post("/_api/collection", "{\"name\":\"only2\"}").json().path("id").asText();
        String id = createBatch("", "{}").path("id").asText();
        JsonNode byName = http.get("/_api/replication/inventory?batchId=" + id + "&collection=only2").json();
        assertEquals(List.of("only2"), names(byName));
        assertEquals(0, byName.path("views").size());
        assertFalse(byName.has("properties"), "the stripped-down form has no database properties (§3.9)");
        assertTrue(byName.has("state") && byName.has("tick"));
        assertEquals(List.of("only2"), names(http.get("/_api/replication/inventory?batchId=" + id + "&collection=" + cid).json()));
        RawHttp.Reply unknown = http.get("/_api/replication/inventory?batchId=" + id + "&collection=nope");
        assertEquals(200, unknown.status());
        assertEquals(List.of(), names(unknown.json()), "not found: an empty collections array, no error");
    }

    @Test
    void inventoryErrorsAndGlobal() {
        RawHttp.Reply missing = http.get("/_api/replication/inventory");
        assertEquals(404, missing.status());
        assertEquals(1600, missing.errorNum());
        http.post("/_api/database", "{\"name\":\"invdb\"}");
        String id = createBatch("", "{}").path("id").asText();
        RawHttp.Reply forbidden = http.get("/_db/invdb/_api/replication/inventory?global=true&batchId=" + id);
        assertEquals(403, forbidden.status());
        assertEquals(11, forbidden.errorNum());
        JsonNode global = http.get("/_api/replication/inventory?global=true&batchId=" + id).json();
        JsonNode entry = global.path("databases").path("invdb");
        for (String field : new String[] {"id", "name", "collections", "views"}) {
            assertTrue(entry.has(field), field);
        }
        assertTrue(global.has("state") && global.has("tick"));
    }

    private static JsonNode find(JsonNode inventory, String name) {
        for (JsonNode c : inventory.path("collections")) {
            if (c.path("parameters").path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("collection " + name + " not in inventory");
    }

    private static List<String> names(JsonNode inventory) {
        List<String> names = new ArrayList<>();
        inventory.path("collections").forEach(c -> names.add(c.path("parameters").path("name").asText()));
        return names;
    }
}
