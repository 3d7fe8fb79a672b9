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

/** Legacy incremental sync {@code /keys} (§3.11) and arangorestore's {@code restore-*} (§3.14). */
class KeysAndRestoreIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create();

    private final RawHttp http = RawHttp.of(ARANGO.emulator());

    @Test
    void keysListChunksKeysAndDocumentsOfTheSnapshotInKeyOrder() {
        http.post("/_api/collection", "{\"name\":\"keyed\"}");
        StringBuilder docs = new StringBuilder("[");
        for (int i = 0; i < 250; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"_key\":\"k").append(String.format("%03d", 249 - i)).append("\",\"i\":").append(i).append('}');
        }
        http.post("/_api/document/keyed", docs.append("]").toString());
        String batchId = http.post("/_api/replication/batch", "{}").json().path("id").asText();
        http.post("/_api/document/keyed", "{\"_key\":\"a-late\"}");
        RawHttp.Reply created = http.post("/_api/replication/keys?collection=keyed&batchId=" + batchId, "");
        assertEquals(200, created.status());
        String keysId = created.json().path("id").asText();
        assertEquals(250, created.json().path("count").asInt());
        assertEquals(batchId, keysId.substring(0, keysId.indexOf('-')));

        JsonNode chunks = http.get("/_api/replication/keys/" + keysId + "?collection=keyed&chunkSize=100").json();
        assertEquals(3, chunks.size());
        assertEquals("k000", chunks.get(0).path("low").asText());
        assertEquals("k099", chunks.get(0).path("high").asText());
        assertEquals("k249", chunks.get(2).path("high").asText());
        assertEquals(1, http.get("/_api/replication/keys/" + keysId + "?collection=keyed&chunkSize=10").json().size(),
                "chunkSize below 100 falls back to 5000: one chunk");

        JsonNode pairs = http.put("/_api/replication/keys/" + keysId + "?collection=keyed&type=keys&chunk=1&chunkSize=100&low=k100", "").json();
        assertEquals(100, pairs.size());
        assertEquals("k100", pairs.get(0).get(0).asText());
        assertEquals(11, pairs.get(0).get(1).asText().length());
        JsonNode fetched = http.put("/_api/replication/keys/" + keysId + "?collection=keyed&type=docs&chunk=1&chunkSize=100&low=k100", "[0,99]").json();
        assertEquals("k100", fetched.get(0).path("_key").asText());
        assertEquals("k199", fetched.get(1).path("_key").asText());
        RawHttp.Reply badType = http.put("/_api/replication/keys/" + keysId + "?collection=keyed&type=nope", "");
        assertEquals(400, badType.status());
        assertEquals("invalid 'type' value", badType.json().path("errorMessage").asText());
        assertEquals("{\"id\":\"" + keysId + "\",\"error\":false,\"code\":202}", http.delete("/_api/replication/keys/" + keysId).body());
    }

    @Test
    void restoreCollectionIndexesAndData() {
        String definition = "{\"parameters\":{\"name\":\"restored\",\"type\":2,\"waitForSync\":false},"
                + "\"indexes\":[{\"type\":\"persistent\",\"fields\":[\"name\"],\"unique\":false,\"sparse\":false}]}";
        assertEquals("{\"result\":true}", http.put("/_api/replication/restore-collection", definition).body());
        assertEquals(409, http.put("/_api/replication/restore-collection", definition).status());
        assertEquals(200, http.put("/_api/replication/restore-collection?overwrite=true", definition).status());
        String data = "{\"_key\":\"a\",\"_rev\":\"_gky3fka--_\",\"name\":\"x\"}\n{\"type\":2300,\"data\":{\"_key\":\"b\",\"name\":\"y\"}}\n";
        assertEquals("{\"result\":true}", http.put("/_api/replication/restore-data?collection=restored", data).body());
        assertEquals("_gky3fka--_", ARANGO.emulator().documents("_system", "restored").get("a").get("_rev"));
        assertEquals("y", ARANGO.emulator().documents("_system", "restored").get("b").get("name"));
        RawHttp.Reply noCollection = http.put("/_api/replication/restore-data", data);
        assertEquals(400, noCollection.status());
        assertEquals("invalid collection parameter, not given", noCollection.json().path("errorMessage").asText());
        JsonNode indexes = http.get("/_api/index?collection=restored").json().path("indexes");
        assertEquals(2, indexes.size(), "primary + the restored persistent index");
        assertEquals(501, http.put("/_api/replication/restore-view", "{}").status());
    }
}
