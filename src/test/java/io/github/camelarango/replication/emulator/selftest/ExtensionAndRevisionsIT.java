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
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit extension (customizer, remote switch), revision-based sync (§3.12) and the small admin endpoints. */
class ExtensionAndRevisionsIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.version("3.12.4").authentication("admin", "pw"));

    @Test
    void extensionStartsACustomizedEmulator() {
        assertEquals("admin", ARANGO.user());
        assertEquals("pw", ARANGO.password());
        assertEquals(ARANGO.emulator().url(), ARANGO.url());
        assertEquals("3.12.4", RawHttp.basic(ARANGO.url(), "admin", "pw").get("/_api/version").json().path("version").asText());
    }

    @Test
    void remoteSwitchUsesTheGivenServerAndSkipsEmulatorOnlyTests() {
        System.setProperty("arango.url", "http://db.example:8529");
        System.setProperty("arango.user", "reader");
        try {
            assertEquals("http://db.example:8529", ARANGO.url());
            assertEquals("reader", ARANGO.user());
            assertEquals("", ARANGO.password());
            assertThrows(TestAbortedException.class, ARANGO::emulator);
        } finally {
            System.clearProperty("arango.url");
            System.clearProperty("arango.user");
        }
    }

    @Test
    void revisionTreeRangesAndDocumentsReadTheBatchSnapshot() {
        RawHttp http = RawHttp.basic(ARANGO.url(), "admin", "pw");
        http.post("/_api/collection", "{\"name\":\"revs\"}");
        http.post("/_api/document/revs", "[{\"_key\":\"a\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]");
        String batchId = http.post("/_api/replication/batch", "{}").json().path("id").asText();
        http.post("/_api/document/revs", "{\"_key\":\"late\"}");
        JsonNode tree = http.get("/_api/replication/revisions/tree?collection=revs&batchId=" + batchId).json();
        assertEquals(3, tree.path("count").asInt());
        long nodeCount = 0;
        for (JsonNode node : tree.path("nodes")) {
            nodeCount += node.path("count").asLong();
        }
        assertEquals(3, nodeCount);
        RawHttp.Reply ranges = http.put("/_api/replication/revisions/ranges?collection=revs&batchId=" + batchId,
                "[[\"" + tree.path("rangeMin").asText() + "\",\"" + tree.path("rangeMax").asText() + "\"]]");
        List<String> revs = new ArrayList<>();
        ranges.json().path("ranges").get(0).forEach(r -> revs.add(r.asText()));
        assertEquals(3, revs.size());
        RawHttp.Reply docs = http.put("/_api/replication/revisions/documents?collection=revs&batchId=" + batchId,
                "[\"" + revs.get(0) + "\",\"" + revs.get(2) + "\",\"_____________\"]");
        assertEquals("a", docs.json().get(0).path("_key").asText());
        assertEquals("c", docs.json().get(1).path("_key").asText());
        assertEquals("{}", docs.json().get(2).toString());
        RawHttp.Reply noBatch = http.get("/_api/replication/revisions/tree?collection=revs");
        assertEquals(404, noBatch.status());
        assertEquals(400, noBatch.errorNum());
        assertEquals(1203, http.get("/_api/replication/revisions/tree?collection=nope&batchId=" + batchId).errorNum());
        assertEquals(204, http.post("/_api/replication/revisions/tree?collection=revs", "").status());
    }

    @Test
    void adminWalAndClusterEndpoints() {
        RawHttp http = RawHttp.basic(ARANGO.url(), "admin", "pw");
        assertEquals(200, http.put("/_admin/wal/flush", "").status());
        RawHttp.Reply properties = http.get("/_admin/wal/properties");
        assertEquals(501, properties.status());
        assertEquals(9, properties.errorNum());
        RawHttp.Reply endpoints = http.get("/_api/cluster/endpoints");
        assertEquals(403, endpoints.status());
        assertEquals(1471, endpoints.errorNum());
        assertTrue(http.get("/_admin/wal/transactions").json().has("runningTransactions"));
    }
}
