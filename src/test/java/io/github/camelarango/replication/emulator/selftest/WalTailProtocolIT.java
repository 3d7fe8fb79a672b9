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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /_api/wal/tail} (§4.4, §5.3, §7.1; §0.3 gotchas 1–6, 10). Each test works in its own database. */
class WalTailProtocolIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private RawHttp http;
    private String db;

    @BeforeEach
    void setUp() {
        http = RawHttp.of(ARANGO.emulator());
        db = "tail" + NAMES.incrementAndGet();
        assertEquals(201, http.post("/_api/database", "{\"name\":\"" + db + "\"}").status());
    }

    private String prefix() {
        return "/_db/" + db;
    }

    private long lastTick() {
        return Long.parseLong(http.get("/_api/wal/lastTick").json().path("tick").asText());
    }

    private RawHttp.Reply tail(String query) {
        return http.get(prefix() + "/_api/wal/tail?" + query);
    }

    private void createCollection(String name) {
        assertEquals(200, http.post(prefix() + "/_api/collection", "{\"name\":\"" + name + "\"}").status());
    }

    private void insert(String collection, String json) {
        assertEquals(202, http.post(prefix() + "/_api/document/" + collection, json).status());
    }

    private static List<Integer> types(RawHttp.Reply reply) {
        List<Integer> types = new ArrayList<>();
        reply.lines().forEach(l -> types.add(l.path("type").asInt()));
        return types;
    }

    @Test
    void markersOfACollectionDroppedBeforeTheRequestAreHiddenExceptTheDrop() {
        long from = lastTick();
        createCollection("products");
        insert("products", "{\"_key\":\"p1\"}");
        insert("products", "{\"_key\":\"p2\"}");
        assertEquals(202, http.delete(prefix() + "/_api/document/products/p1").status());
        assertEquals(202, http.send("PATCH", prefix() + "/_api/document/products/p2", "{\"x\":1}").status());
        String cuid = http.get(prefix() + "/_api/collection/products").json().path("globallyUniqueId").asText();
        assertEquals(200, http.delete(prefix() + "/_api/collection/products").status());
        long dropTick = lastTick();
        http.post("/_api/collection", "{\"name\":\"other" + db + "\"}");
        long latest = lastTick();

        RawHttp.Reply reply = tail("from=" + from);
        assertEquals(200, reply.status());
        assertEquals("{\"tick\":\"" + dropTick + "\",\"type\":2001,\"db\":\"" + db + "\",\"cuid\":\"" + cuid + "\"}\n", reply.body());
        assertEquals(String.valueOf(dropTick), reply.header("x-arango-replication-lastincluded"));
        assertEquals(String.valueOf(latest), reply.header("x-arango-replication-lastscanned"));
        assertEquals(String.valueOf(latest), reply.header("x-arango-replication-lasttick"));
        assertEquals("true", reply.header("x-arango-replication-checkmore"), "checkmore = lastincluded < lasttick, even with nothing visible left");
        assertEquals("true", reply.header("x-arango-replication-frompresent"));
        assertNull(reply.header("x-arango-replication-active"), "wal/tail does not send the active header");

        RawHttp.Reply next = tail("from=" + dropTick + "&lastScanned=" + latest);
        assertEquals(204, next.status());
        assertEquals("false", next.header("x-arango-replication-checkmore"));
        assertEquals("0", next.header("x-arango-replication-lastincluded"), "never copy 0 into from");
    }

    @Test
    void emptyTailHeadersMatchTheRealServer() {
        long from = lastTick();
        RawHttp.Reply reply = tail("from=" + from);
        assertEquals(204, reply.status());
        assertEquals("", reply.body());
        assertEquals("application/x-arango-dump", reply.header("content-type"));
        assertEquals("0", reply.header("content-length"));
        assertEquals("false", reply.header("x-arango-replication-checkmore"));
        assertEquals("true", reply.header("x-arango-replication-frompresent"));
        assertEquals("0", reply.header("x-arango-replication-lastincluded"));
        assertEquals(String.valueOf(from), reply.header("x-arango-replication-lastscanned"));
        assertEquals(String.valueOf(from), reply.header("x-arango-replication-lasttick"));
    }

    @Test
    void fromIsExclusiveToIsInclusiveAndBadRangesAre400() {
        createCollection("c");
        long start = lastTick();
        insert("c", "{\"_key\":\"a\"}");
        insert("c", "{\"_key\":\"b\"}");
        insert("c", "{\"_key\":\"c\"}");
        RawHttp.Reply reply = tail("from=" + (start + 1) + "&to=" + (start + 2));
        assertEquals(1, reply.lines().size());
        assertEquals("b", reply.lines().get(0).path("data").path("_key").asText());
        assertEquals(String.valueOf(start + 2), reply.header("x-arango-replication-lastincluded"));
        RawHttp.Reply backwards = tail("from=10&to=5");
        assertEquals(400, backwards.status());
        assertEquals(400, backwards.errorNum());
        assertEquals("invalid from/to values", backwards.json().path("errorMessage").asText());
        assertEquals(400, tail("from=0&to=0").status());
    }

    @Test
    void fromPresentIsFalseForZeroAfterPurgeAndBeyondTheEnd() {
        assertEquals("false", http.get("/_api/wal/tail?from=0").header("x-arango-replication-frompresent"));
        createCollection("c");
        insert("c", "{\"_key\":\"a\"}");
        long purgeTo = lastTick();
        insert("c", "{\"_key\":\"b\"}");
        ARANGO.emulator().purgeWalUpTo(purgeTo);
        assertEquals("false", tail("from=" + (purgeTo - 1)).header("x-arango-replication-frompresent"), "data loss");
        RawHttp.Reply atBoundary = tail("from=" + purgeTo);
        assertEquals("false", atBoundary.header("x-arango-replication-frompresent"),
                "the oldest retained batch starts after the purged tick: frompresent = (oldest batch start <= from)");
        assertEquals(1, atBoundary.lines().size(), "the retained markers are still served");
        RawHttp.Reply present = tail("from=" + (purgeTo + 1));
        assertEquals("true", present.header("x-arango-replication-frompresent"));
        assertEquals(204, present.status());
        assertEquals("false", http.get(prefix() + "/_api/wal/open-transactions?from=" + purgeTo).header("x-arango-replication-frompresent"));
        assertEquals("true", http.get(prefix() + "/_api/wal/open-transactions?from=" + (purgeTo + 1)).header("x-arango-replication-frompresent"));
        assertEquals("false", http.get(prefix() + "/_api/replication/logger-follow?from=" + purgeTo).header("x-arango-replication-frompresent"));
        assertEquals("true", http.get(prefix() + "/_api/replication/logger-follow?from=" + (purgeTo + 1)).header("x-arango-replication-frompresent"));
        long latest = lastTick();
        RawHttp.Reply beyond = tail("from=" + (latest + 100));
        assertEquals(204, beyond.status());
        assertEquals("false", beyond.header("x-arango-replication-frompresent"));
        assertEquals("0", beyond.header("x-arango-replication-lastincluded"));
        assertEquals("0", beyond.header("x-arango-replication-lastscanned"), "from beyond the WAL end scans nothing (§4.4 algorithm)");
        assertEquals(String.valueOf(latest), beyond.header("x-arango-replication-lasttick"));
        assertEquals("false", beyond.header("x-arango-replication-checkmore"));
    }

    @Test
    void systemCollectionsAreExcludedByDefaultAndStatisticsAlways() {
        RawHttp.Reply plain = http.get("/_api/wal/tail?from=0");
        assertFalse(plain.body().contains("\"_users\""), "includeSystem defaults to false on wal/tail");
        assertFalse(plain.body().contains("_analyzers"));
        RawHttp.Reply system = http.get("/_api/wal/tail?from=0&includeSystem=true");
        assertTrue(system.body().contains("\"cuid\":\"_users\""));
        assertTrue(system.lines().stream().anyMatch(l -> l.path("type").asInt() == 2300 && l.path("cuid").asText().equals("_users")));
        assertFalse(system.body().contains("_statistics"), "_statistics* are never replicated");
        assertFalse(system.body().contains("\"_jobs\""), "_jobs only with includeFoxxQueues");
        assertTrue(http.get("/_api/wal/tail?from=0&includeSystem=true&includeFoxxQueues=true").body().contains("\"cuid\":\"_jobs\""));
    }

    @Test
    void renameAndDocumentIdsUseTheCurrentName() {
        createCollection("first");
        long from = lastTick();
        insert("first", "{\"_key\":\"k\"}");
        assertEquals(200, http.put(prefix() + "/_api/collection/first/rename", "{\"name\":\"second\"}").status());
        assertEquals(200, http.put(prefix() + "/_api/collection/second/rename", "{\"name\":\"third\"}").status());
        RawHttp.Reply reply = tail("from=" + from);
        assertEquals(List.of(2300, 2002, 2002), types(reply));
        assertEquals("third/k", reply.lines().get(0).path("data").path("_id").asText());
        assertEquals("third", reply.lines().get(1).path("data").path("name").asText());
        assertEquals("third", reply.lines().get(2).path("data").path("name").asText());
        assertFalse(reply.lines().get(1).path("data").has("oldName"));
    }

    @Test
    void globalTailingOnlyFromSystemAndDatabaseCreateMarkers() {
        RawHttp.Reply forbidden = tail("from=0&global=true");
        assertEquals(403, forbidden.status());
        assertEquals(11, forbidden.errorNum());
        assertEquals("global tailing is only possible from within _system database", forbidden.json().path("errorMessage").asText());
        long from = lastTick();
        String other = db + "x";
        http.post("/_api/database", "{\"name\":\"" + other + "\"}");
        RawHttp.Reply global = http.get("/_api/wal/tail?global=true&from=" + from);
        JsonNode create = global.lines().get(0);
        assertEquals(1100, create.path("type").asInt());
        assertEquals(other, create.path("db").asText());
        assertEquals(other, create.path("data").path("name").asText());
        assertEquals(204, http.get("/_api/wal/tail?from=" + from).status(), "a non-global _system tail does not see other databases");
    }

    @Test
    void collectionFilterAndUnknownCollection() {
        createCollection("a");
        createCollection("b");
        long from = lastTick();
        insert("a", "{\"_key\":\"1\"}");
        insert("b", "{\"_key\":\"2\"}");
        RawHttp.Reply onlyB = tail("from=" + from + "&collection=b");
        assertEquals(1, onlyB.lines().size());
        assertEquals("b/2", onlyB.lines().get(0).path("data").path("_id").asText());
        RawHttp.Reply unknown = tail("from=" + from + "&collection=nope");
        assertEquals(404, unknown.status());
        assertEquals(1203, unknown.errorNum());
    }

    @Test
    void chunkSizeIsRaisedTo16KiBAndStopsBetweenBatches() {
        createCollection("big");
        long from = lastTick();
        String payload = "y".repeat(1000);
        for (int i = 0; i < 30; i++) {
            insert("big", "{\"p\":\"" + payload + "\"}");
        }
        RawHttp.Reply reply = tail("from=" + from + "&chunkSize=1");
        String[] lines = reply.body().split("\n");
        int before = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            before += lines[i].length() + 1;
        }
        assertTrue(before < 16384 && before + lines[lines.length - 1].length() + 1 >= 16384,
                "markers are added until the 16 KiB minimum is reached: " + lines.length + " markers, " + before + " bytes before the last");
        assertTrue(lines.length < 30);
        assertEquals("true", reply.header("x-arango-replication-checkmore"));
        assertEquals(reply.header("x-arango-replication-lastincluded"), reply.header("x-arango-replication-lastscanned"));
    }

    @Test
    void aLargeTransactionIsSplitOnlyWhenTheClientSendsLastScanned() {
        createCollection("tx");
        long from = lastTick();
        StringBuilder docs = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"_key\":\"d").append(i).append("\",\"p\":\"").append("z".repeat(1000)).append("\"}");
        }
        insert("tx", docs.append("]").toString());
        RawHttp.Reply whole = tail("from=" + from + "&chunkSize=16384");
        assertEquals(42, whole.lines().size(), "without lastScanned a write batch is never split");
        String tid = whole.lines().get(0).path("tid").asText();
        assertTrue(whole.lines().stream().allMatch(l -> l.path("tid").asText().equals(tid)), "inner markers carry the begin's tid");
        assertEquals(2200, whole.lines().get(0).path("type").asInt());
        assertEquals(2201, whole.lines().get(41).path("type").asInt());

        List<String> keys = new ArrayList<>();
        long cursor = from;
        long lastScanned = from;
        for (int round = 0; round < 10; round++) {
            RawHttp.Reply part = tail("from=" + cursor + "&lastScanned=" + lastScanned + "&chunkSize=16384");
            if (part.status() == 204) {
                break;
            }
            part.lines().forEach(l -> keys.add(l.path("type").asInt() + ":" + l.path("data").path("_key").asText()));
            cursor = Long.parseLong(part.header("x-arango-replication-lastincluded"));
            lastScanned = Long.parseLong(part.header("x-arango-replication-lastscanned"));
        }
        assertEquals(42, keys.size(), "split across responses without loss or duplicates: " + keys);
        assertEquals(42, keys.stream().distinct().count());
    }

    @Test
    void wrongMethodOrSuffixIs400Not405() {
        for (String[] call : new String[][] {{"POST", "/_api/wal/tail"}, {"PUT", "/_api/wal/range"}, {"GET", "/_api/wal"}, {"GET", "/_api/wal/nope"}}) {
            RawHttp.Reply reply = http.send(call[0], call[1], call[0].equals("GET") ? null : "{}");
            assertEquals(400, reply.status(), call[0] + " " + call[1]);
            assertEquals(400, reply.errorNum());
            assertEquals("expected GET /_api/wal/[tail|range|lastTick|open-transactions]>", reply.json().path("errorMessage").asText());
        }
        assertEquals(400, http.put("/_api/wal/tail?from=1", "{\"no\":\"array\"}").status());
        assertEquals(204, http.put("/_api/wal/tail?from=" + lastTick(), "[\"1\"]").status());
    }

    @Test
    void clientsAreRegisteredTrackedAndUnregistered() {
        long from = lastTick();
        RawHttp.Reply track = tail("from=" + from + "&serverId=4711&syncerId=42&clientInfo=emulator-test&trackOnly=true");
        assertEquals(204, track.status());
        JsonNode client = findClient("42");
        assertEquals("4711", client.path("serverId").asText());
        assertEquals("emulator-test", client.path("clientInfo").asText());
        assertEquals(String.valueOf(from), client.path("lastServedTick").asText());
        assertEquals(204, http.delete(prefix() + "/_api/wal/tail?serverId=4711&syncerId=42").status());
        assertNull(findClient("42"));
    }

    private JsonNode findClient(String syncerId) {
        for (JsonNode c : http.get("/_api/replication/logger-state").json().path("clients")) {
            if (c.path("syncerId").asText().equals(syncerId)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void removeMarkerCarriesKeyAndRemovedRevision() {
        createCollection("r");
        insert("r", "{\"_key\":\"x\"}");
        String rev = http.get(prefix() + "/_api/document/r/x").json().path("_rev").asText();
        long from = lastTick();
        http.delete(prefix() + "/_api/document/r/x");
        JsonNode remove = tail("from=" + from).lines().get(0);
        assertEquals(2302, remove.path("type").asInt());
        assertEquals("0", remove.path("tid").asText());
        assertEquals("{\"_key\":\"x\",\"_rev\":\"" + rev + "\"}", remove.path("data").toString());
    }
}
