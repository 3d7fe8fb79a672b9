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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /_api/replication/dump} (§3.10, §0.3 gotchas 7–9). */
class DumpProtocolIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private RawHttp http;
    private String collection;

    @BeforeEach
    void setUp() {
        http = RawHttp.of(ARANGO.emulator());
        collection = "dump" + NAMES.incrementAndGet();
        assertEquals(200, http.post("/_api/collection", "{\"name\":\"" + collection + "\"}").status());
    }

    private void insert(String json) {
        assertEquals(202, http.post("/_api/document/" + collection, json).status());
    }

    private String batch() {
        RawHttp.Reply reply = http.post("/_api/replication/batch", "{\"ttl\":120}");
        assertEquals(200, reply.status());
        return reply.json().path("id").asText();
    }

    private RawHttp.Reply dump(String batchId, String extra) {
        return http.get("/_api/replication/dump?collection=" + collection + "&batchId=" + batchId + extra);
    }

    @Test
    void defaultEnvelopeIsTheExactText() {
        insert("{\"_key\":\"lock\",\"Hello\":\"Universe\"}");
        RawHttp.Reply reply = dump(batch(), "");
        assertEquals(200, reply.status());
        assertEquals("application/x-arango-dump", reply.header("content-type"));
        String rev = ARANGO.emulator().documents("_system", collection).get("lock").get("_rev").toString();
        assertEquals("{\"type\":2300,\"data\":{\"_key\":\"lock\",\"_id\":\"" + collection + "/lock\",\"_rev\":\"" + rev
                + "\",\"Hello\":\"Universe\"}}\n", reply.body());
        assertEquals("false", reply.header("x-arango-replication-checkmore"));
        assertNull(reply.header("x-arango-replication-lasttick"), "dump sends no lasttick");
        assertNull(reply.header("x-arango-replication-frompresent"));
    }

    @Test
    void useEnvelopeFalseGivesBareDocuments() {
        insert("{\"_key\":\"a\",\"x\":1}");
        RawHttp.Reply reply = dump(batch(), "&useEnvelope=false");
        JsonNode doc = reply.lines().get(0);
        assertEquals("a", doc.path("_key").asText());
        assertEquals(collection + "/a", doc.path("_id").asText());
        assertTrue(reply.body().startsWith("{\"_key\":\"a\",\"_id\":"));
    }

    @Test
    void chunkSizeOneGivesOneDocumentPerCallAndCheckMoreUntilTheLast() {
        StringBuilder docs = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"_key\":\"k").append(i).append("\"}");
        }
        insert(docs.append("]").toString());
        String batchId = batch();
        List<String> keys = new ArrayList<>();
        List<String> lastIncluded = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RawHttp.Reply reply = dump(batchId, "&chunkSize=1");
            assertEquals(200, reply.status());
            assertEquals(1, reply.lines().size());
            keys.add(reply.lines().get(0).path("data").path("_key").asText());
            assertEquals(i < 9 ? "true" : "false", reply.header("x-arango-replication-checkmore"), "call " + i);
            lastIncluded.add(reply.header("x-arango-replication-lastincluded"));
        }
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), keys);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "9"), lastIncluded,
                "a chunk counter, not a tick; the final chunk repeats the previous value");
        RawHttp.Reply after = dump(batchId, "&chunkSize=1");
        assertEquals(204, after.status());
        assertEquals("false", after.header("x-arango-replication-checkmore"));
        assertEquals("0", after.header("x-arango-replication-lastincluded"));
        assertEquals("application/x-arango-dump", after.header("content-type"));
    }

    @Test
    void chunkIsFilledWhileBelowChunkSizeSoItMayExceedItByOneDocument() {
        insert("[{\"_key\":\"a\",\"p\":\"" + "x".repeat(100) + "\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]");
        int firstLine = dump(batch(), "&chunkSize=1").body().length();
        RawHttp.Reply exact = dump(batch(), "&chunkSize=" + firstLine);
        assertEquals(1, exact.lines().size(), "after the first document the chunk is full");
        RawHttp.Reply oneMore = dump(batch(), "&chunkSize=" + (firstLine + 1));
        assertEquals(2, oneMore.lines().size(), "still below chunkSize before the second document: it is added whole");
        assertTrue(oneMore.body().length() > firstLine + 1);
        assertEquals("true", oneMore.header("x-arango-replication-checkmore"));
    }

    @Test
    void chunkSizeZeroIsNoContentWithCheckMoreTrueForever() {
        insert("{\"_key\":\"a\"}");
        String batchId = batch();
        for (int i = 0; i < 3; i++) {
            RawHttp.Reply reply = dump(batchId, "&chunkSize=0");
            assertEquals(204, reply.status());
            assertEquals("true", reply.header("x-arango-replication-checkmore"));
            assertEquals("0", reply.header("x-arango-replication-lastincluded"));
        }
    }

    @Test
    void dumpReadsTheBatchSnapshotWhileWritesGoOn() {
        insert("[{\"_key\":\"keep\",\"v\":1},{\"_key\":\"change\",\"v\":1},{\"_key\":\"gone\",\"v\":1}]");
        String batchId = batch();
        insert("{\"_key\":\"new\",\"v\":1}");
        assertEquals(202, http.send("PATCH", "/_api/document/" + collection + "/change", "{\"v\":2}").status());
        assertEquals(202, http.delete("/_api/document/" + collection + "/gone").status());
        RawHttp.Reply reply = dump(batchId, "");
        List<String> seen = new ArrayList<>();
        for (JsonNode line : reply.lines()) {
            seen.add(line.path("data").path("_key").asText() + "=" + line.path("data").path("v").asInt());
        }
        assertEquals(List.of("keep=1", "change=1", "gone=1"), seen);
        RawHttp.Reply fresh = dump(batch(), "");
        List<String> now = new ArrayList<>();
        for (JsonNode line : fresh.lines()) {
            now.add(line.path("data").path("_key").asText() + "=" + line.path("data").path("v").asInt());
        }
        assertEquals(List.of("keep=1", "new=1", "change=2"), now, "storage order: an updated document moves to the end");
    }

    @Test
    void collectionCreatedAfterTheBatchDumpsEmpty() {
        String batchId = batch();
        String late = collection + "late";
        http.post("/_api/collection", "{\"name\":\"" + late + "\"}");
        http.post("/_api/document/" + late, "{\"a\":1}");
        RawHttp.Reply reply = http.get("/_api/replication/dump?collection=" + late + "&batchId=" + batchId);
        assertEquals(204, reply.status());
        assertEquals("false", reply.header("x-arango-replication-checkmore"));
    }

    @Test
    void lostResponseLosesItsChunkBecauseTheCursorLivesOnTheServer() {
        insert("[{\"_key\":\"a\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]");
        String batchId = batch();
        ARANGO.emulator().faults().cutAfterBytes("GET", "/_api/replication/dump", 10, 1);
        assertThrows(RuntimeException.class, () -> dump(batchId, "&chunkSize=1"));
        RawHttp.Reply next = dump(batchId, "&chunkSize=1");
        assertEquals("b", next.lines().get(0).path("data").path("_key").asText(), "chunk 'a' was consumed by the cut response");
    }

    @Test
    void errorsFollowTheOddStatusAndErrorNumCombinations() {
        String batchId = batch();
        RawHttp.Reply noCollection = http.get("/_api/replication/dump?batchId=" + batchId);
        assertEquals(400, noCollection.status());
        assertEquals(400, noCollection.errorNum());
        RawHttp.Reply emptyCollection = http.get("/_api/replication/dump?collection=&batchId=" + batchId);
        assertEquals(400, emptyCollection.status(), "without authentication an empty collection is 400/400");
        assertEquals(400, emptyCollection.errorNum());
        assertEquals("invalid collection parameter", emptyCollection.json().path("errorMessage").asText());
        RawHttp.Reply noBatch = http.get("/_api/replication/dump?collection=" + collection);
        assertEquals(404, noBatch.status());
        assertEquals(400, noBatch.errorNum());
        assertEquals("replication dump - request misses batchId", noBatch.json().path("errorMessage").asText());
        RawHttp.Reply emptyBatch = http.get("/_api/replication/dump?collection=" + collection + "&batchId=");
        assertEquals(404, emptyBatch.status());
        assertEquals(400, emptyBatch.errorNum());
        assertEquals("replication dump - unable to find context (it could be expired)", emptyBatch.json().path("errorMessage").asText(),
                "a present but empty batchId parses as 0 and names no context");
        RawHttp.Reply unknownBatch = dump("999999999", "");
        assertEquals(404, unknownBatch.status());
        assertEquals(400, unknownBatch.errorNum());
        assertEquals("replication dump - unable to find context (it could be expired)", unknownBatch.json().path("errorMessage").asText());
        RawHttp.Reply unknownCollection = http.get("/_api/replication/dump?collection=nope&batchId=" + batchId);
        assertEquals(400, unknownCollection.status());
        assertEquals(400, unknownCollection.errorNum());
        ARANGO.emulator().expireAllBatches();
        RawHttp.Reply expired = dump(batchId, "");
        assertEquals(404, expired.status());
        assertEquals(400, expired.errorNum());
    }

    @Test
    void concurrentCallsOnOneCursorHandOutEveryDocumentExactlyOnce() throws Exception {
        int documents = 120;
        StringBuilder docs = new StringBuilder("[");
        for (int i = 0; i < documents; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"_key\":\"c").append(i).append("\"}");
        }
        insert(docs.append("]").toString());
        String batchId = batch();
        int threads = 6;
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    RawHttp own = RawHttp.of(ARANGO.emulator());
                    go.await();
                    while (true) {
                        RawHttp.Reply reply = own.get("/_api/replication/dump?collection=" + collection + "&batchId=" + batchId
                                + "&chunkSize=1&useEnvelope=false");
                        if (reply.status() == 204) {
                            return null;
                        }
                        assertEquals(200, reply.status());
                        reply.lines().forEach(line -> keys.add(line.path("_key").asText()));
                    }
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(documents, keys.size(), "each document exactly once across concurrent calls (§6.1.3)");
        assertEquals(documents, new HashSet<>(keys).size(), "no duplicates");
    }

    @Test
    void dumpWorksUnderAnyDatabasePrefixForTheCollectionOfThatDatabase() {
        insert("{\"_key\":\"z\"}");
        String batchId = batch();
        RawHttp.Reply reply = http.get("/_db/_system/_api/replication/dump?collection=" + collection + "&batchId=" + batchId);
        assertEquals(200, reply.status());
    }
}
