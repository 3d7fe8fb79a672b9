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

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Document and collection API details of §11 over raw HTTP, pinned to the [REAL 3.11.4] examples. */
class DocumentApiIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final RawHttp http = RawHttp.of(ARANGO.emulator());
    private String c;

    @BeforeEach
    void setUp() {
        c = "products" + NAMES.incrementAndGet();
        RawHttp.Reply created = http.post("/_api/collection", "{\"name\":\"" + c + "\"}");
        assertEquals(200, created.status());
        JsonNode body = created.json();
        assertEquals("h3A468B5B7C1A/" + body.path("id").asText(), body.path("globallyUniqueId").asText());
        assertEquals("traditional", body.path("keyOptions").path("type").asText());
        assertEquals(false, body.path("error").asBoolean());
        assertEquals(200, body.path("code").asInt());
    }

    @Test
    void insertAnswers202WithEtagAndLocationOr201WithWaitForSync() {
        RawHttp.Reply inserted = http.post("/_api/document/" + c, "{\"Hello\":\"World\"}");
        assertEquals(202, inserted.status());
        JsonNode meta = inserted.json();
        String key = meta.path("_key").asText();
        assertTrue(key.matches("\\d+"), "traditional keys are decimal");
        assertEquals(c + "/" + key, meta.path("_id").asText());
        assertEquals(11, meta.path("_rev").asText().length());
        assertEquals("\"" + meta.path("_rev").asText() + "\"", inserted.header("etag"));
        assertEquals("/_db/_system/_api/document/" + c + "/" + key, inserted.header("location"));
        assertEquals(201, http.post("/_api/document/" + c + "?waitForSync=true", "{}").status());
        http.put("/_api/collection/" + c + "/properties", "{\"waitForSync\":true}");
        assertEquals(201, http.post("/_api/document/" + c, "{}").status());
        assertEquals(200, http.delete("/_api/document/" + c + "/" + key).status(), "remove with waitForSync answers 200");
        RawHttp.Reply next = http.post("/_api/document/" + c, "{}");
        assertTrue(Long.parseLong(next.json().path("_key").asText()) > Long.parseLong(key), "keys increase");
    }

    @Test
    void returnNewAndOverwriteModes() {
        RawHttp.Reply withNew = http.post("/_api/document/" + c + "?returnNew=true", "{\"_key\":\"lock\",\"Hello\":\"World\"}");
        JsonNode doc = withNew.json().path("new");
        assertEquals("{\"_key\":\"lock\",\"_id\":\"" + c + "/lock\",\"_rev\":\"" + withNew.json().path("_rev").asText() + "\",\"Hello\":\"World\"}", doc.toString());
        RawHttp.Reply duplicate = http.post("/_api/document/" + c, "{\"_key\":\"lock\"}");
        assertEquals(409, duplicate.status());
        assertEquals(1210, duplicate.errorNum());
        RawHttp.Reply overwrite = http.post("/_api/document/" + c + "?overwrite=true", "{\"_key\":\"lock\",\"Hello\":\"Universe\"}");
        assertEquals(202, overwrite.status());
        assertEquals(withNew.json().path("_rev").asText(), overwrite.json().path("_oldRev").asText());
        RawHttp.Reply update = http.post("/_api/document/" + c + "?overwriteMode=update&returnNew=true", "{\"_key\":\"lock\",\"more\":1}");
        assertEquals("Universe", update.json().path("new").path("Hello").asText());
        RawHttp.Reply ignore = http.post("/_api/document/" + c + "?overwriteMode=ignore", "{\"_key\":\"lock\",\"x\":1}");
        assertEquals(update.json().path("_rev").asText(), ignore.json().path("_rev").asText());
        assertEquals(400, http.post("/_api/document/" + c + "?overwriteMode=bogus", "{}").status());
    }

    @Test
    void patchMergesObjectsAndKeepNullControlsNulls() {
        http.post("/_api/document/" + c, "{\"_key\":\"p\",\"a\":{\"x\":1,\"y\":2},\"b\":1}");
        http.send("PATCH", "/_api/document/" + c + "/p", "{\"a\":{\"y\":3},\"b\":null}");
        assertEquals("{\"x\":1,\"y\":3}", http.get("/_api/document/" + c + "/p").json().path("a").toString());
        assertTrue(http.get("/_api/document/" + c + "/p").json().path("b").isNull(), "keepNull defaults to true");
        http.send("PATCH", "/_api/document/" + c + "/p?keepNull=false&mergeObjects=false", "{\"a\":{\"z\":9},\"b\":null}");
        JsonNode after = http.get("/_api/document/" + c + "/p").json();
        assertEquals("{\"z\":9}", after.path("a").toString());
        assertFalse(after.has("b"));
    }

    @Test
    void ifMatchMismatchIs412WithTheCurrentRevision() {
        String rev = http.post("/_api/document/" + c, "{\"_key\":\"m\"}").json().path("_rev").asText();
        http.put("/_api/document/" + c + "/m", "{\"v\":2}");
        RawHttp.Reply conflict = http.send("PUT", "/_api/document/" + c + "/m", "{\"v\":3}", "If-Match", "\"" + rev + "\"");
        assertEquals(412, conflict.status());
        assertEquals(1200, conflict.errorNum());
        assertEquals("conflict, _rev values do not match", conflict.json().path("errorMessage").asText());
        String current = conflict.json().path("_rev").asText();
        assertNotEquals(rev, current);
        assertEquals("\"" + current + "\"", conflict.header("etag"));
        assertEquals(c + "/m", conflict.json().path("_id").asText());
        assertEquals(304, http.send("GET", "/_api/document/" + c + "/m", null, "If-None-Match", "\"" + current + "\"").status());
        assertEquals(202, http.send("DELETE", "/_api/document/" + c + "/m", null, "If-Match", "\"" + current + "\"").status());
    }

    @Test
    void multiDocumentCallsReportErrorsInline() {
        RawHttp.Reply removed = http.send("DELETE", "/_api/document/" + c, "[\"1\",\"2\"]");
        assertEquals(202, removed.status());
        assertEquals("{\"1202\":2}", removed.header("x-arango-error-codes"));
        assertEquals("[{\"error\":true,\"errorNum\":1202,\"errorMessage\":\"document not found\"},"
                + "{\"error\":true,\"errorNum\":1202,\"errorMessage\":\"document not found\"}]", removed.body());
        RawHttp.Reply many = http.post("/_api/document/" + c, "[{\"Hello\":\"Earth\"},{\"Hello\":\"Venus\"},{\"_key\":\"bad key\"}]");
        assertEquals(3, many.json().size());
        assertEquals(1221, many.json().get(2).path("errorNum").asInt());
        assertEquals("{\"1221\":1}", many.header("x-arango-error-codes"));
        String key = many.json().get(0).path("_key").asText();
        RawHttp.Reply read = http.put("/_api/document/" + c + "?onlyget=true", "[\"" + key + "\",{\"_key\":\"missing\"}]");
        assertEquals("Earth", read.json().get(0).path("Hello").asText());
        assertEquals(1202, read.json().get(1).path("errorNum").asInt());
    }

    @Test
    void errorsForMissingThingsAndBadInput() {
        RawHttp.Reply missingDoc = http.get("/_api/document/" + c + "/nope");
        assertEquals(404, missingDoc.status());
        assertEquals(1202, missingDoc.errorNum());
        RawHttp.Reply missingCollection = http.post("/_api/document/nope" + c, "{}");
        assertEquals("{\"code\":404,\"error\":true,\"errorMessage\":\"collection or view not found: nope" + c + "\",\"errorNum\":1203}",
                missingCollection.body());
        RawHttp.Reply corrupt = http.post("/_api/document/" + c, "{ 1: \"World\" }");
        assertEquals(400, corrupt.status());
        assertEquals(600, corrupt.errorNum());
        assertEquals(404, http.send("HEAD", "/_api/document/" + c + "/nope", null).status());
        RawHttp.Reply duplicateCollection = http.post("/_api/collection", "{\"name\":\"" + c + "\"}");
        assertEquals(409, duplicateCollection.status());
        assertEquals(1207, duplicateCollection.errorNum());
        assertEquals(1208, http.post("/_api/collection", "{\"name\":\"1bad\"}").errorNum());
    }

    @Test
    void edgesNeedFromAndTo() {
        http.post("/_api/collection", "{\"name\":\"" + c + "e\",\"type\":3}");
        RawHttp.Reply missing = http.post("/_api/document/" + c + "e", "{\"_from\":\"a/1\"}");
        assertEquals(400, missing.status());
        assertEquals(1233, missing.errorNum());
        RawHttp.Reply ok = http.post("/_api/document/" + c + "e?returnNew=true", "{\"_from\":\"a/1\",\"_to\":\"b/2\"}");
        assertEquals("b/2", ok.json().path("new").path("_to").asText());
    }

    @Test
    void collectionLifecycle() {
        http.post("/_api/document/" + c, "[{},{},{}]");
        assertEquals(3, http.get("/_api/collection/" + c + "/count").json().path("count").asInt());
        assertEquals(200, http.put("/_api/collection/" + c + "/truncate", "{}").status());
        assertEquals(0, http.get("/_api/collection/" + c + "/count").json().path("count").asInt());
        assertEquals(c + "x", http.put("/_api/collection/" + c + "/rename", "{\"name\":\"" + c + "x\"}").json().path("name").asText());
        JsonNode list = http.get("/_api/collection?excludeSystem=true").json().path("result");
        assertTrue(list.toString().contains(c + "x"));
        assertFalse(list.toString().contains("_users"));
        String id = http.get("/_api/collection/" + c + "x").json().path("id").asText();
        assertEquals("{\"error\":false,\"code\":200,\"id\":\"" + id + "\"}", http.delete("/_api/collection/" + c + "x").body());
        assertEquals(1203, http.get("/_api/collection/" + c + "x").errorNum());
        assertEquals(403, http.delete("/_api/collection/_users").status(), "system collections need isSystem=true");
    }

    @Test
    void databaseLifecycle() {
        RawHttp.Reply created = http.post("/_api/database", "{\"name\":\"dbx" + c + "\"}");
        assertEquals("{\"error\":false,\"code\":201,\"result\":true}", created.body());
        assertEquals(1207, http.post("/_api/database", "{\"name\":\"dbx" + c + "\"}").errorNum());
        assertEquals(1229, http.post("/_api/database", "{\"name\":\"_bad\"}").errorNum());
        assertEquals(1230, http.post("/_db/dbx" + c + "/_api/database", "{\"name\":\"y\"}").errorNum());
        JsonNode current = http.get("/_db/dbx" + c + "/_api/database/current").json().path("result");
        assertEquals("dbx" + c, current.path("name").asText());
        assertEquals(false, current.path("isSystem").asBoolean());
        assertEquals("{\"error\":false,\"code\":200,\"result\":true}", http.delete("/_api/database/dbx" + c).body());
        RawHttp.Reply gone = http.get("/_db/dbx" + c + "/_api/database/current");
        assertEquals(404, gone.status());
        assertEquals(1228, gone.errorNum());
    }

    @Test
    void streamTransactionShapesAndIsolation() {
        RawHttp.Reply begin = http.post("/_api/transaction/begin", "{\"collections\":{\"write\":[\"" + c + "\"]}}");
        assertEquals(201, begin.status());
        String id = begin.json().path("result").path("id").asText();
        assertEquals("running", begin.json().path("result").path("status").asText());
        RawHttp.Reply inTx = http.send("POST", "/_api/document/" + c, "{\"_key\":\"t\"}", "x-arango-trx-id", id);
        assertEquals(202, inTx.status());
        assertEquals(404, http.get("/_api/document/" + c + "/t").status());
        assertEquals(200, http.send("GET", "/_api/document/" + c + "/t", null, "x-arango-trx-id", id).status());
        assertEquals(0, http.get("/_api/collection/" + c + "/count").json().path("count").asInt());
        assertEquals(1, http.send("GET", "/_api/collection/" + c + "/count", null, "x-arango-trx-id", id).json().path("count").asInt());
        assertEquals("running", http.get("/_api/transaction/" + id).json().path("result").path("status").asText());
        RawHttp.Reply commit = http.put("/_api/transaction/" + id, "");
        assertEquals("{\"error\":false,\"code\":200,\"result\":{\"id\":\"" + id + "\",\"status\":\"committed\"}}", commit.body());
        assertEquals(200, http.get("/_api/document/" + c + "/t").status());
        RawHttp.Reply unknown = http.send("POST", "/_api/document/" + c, "{}", "x-arango-trx-id", "999999");
        assertEquals(404, unknown.status());
        assertEquals(1655, unknown.errorNum());
        String readOnly = http.post("/_api/transaction/begin", "{\"collections\":{\"read\":[\"" + c + "\"]}}").json().path("result").path("id").asText();
        RawHttp.Reply notWritable = http.send("POST", "/_api/document/" + c, "{}", "x-arango-trx-id", readOnly);
        assertEquals(400, notWritable.status());
        assertEquals(1652, notWritable.errorNum());
        assertEquals("aborted", http.delete("/_api/transaction/" + readOnly).json().path("result").path("status").asText());
    }
}
