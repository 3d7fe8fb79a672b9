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

import io.github.camelarango.replication.emulator.BadLines;
import io.github.camelarango.replication.emulator.WalMarker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response faults (a dropped header, an edited body line) and markers appended as given, which test how a client
 * copes with answers a healthy server does not send.
 */
class ResponseFaultsAndRawMarkersIT extends ScratchEmulatorTest {

    @BeforeEach
    void createCollection() {
        admin.createCollection("_system", "c");
    }

    private byte[] rawBody(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(emu.url() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.body();
    }

    @Test
    void aDroppedHeaderIsMissingFromTheNextAnswersThatHaveIt() {
        long from = emu.lastTick();
        emu.faults().dropHeader("GET", "/_api/wal/tail", "x-arango-replication-frompresent", 1);
        assertEquals(200, http.get("/_api/version").status());
        RawHttp.Reply dropped = http.get("/_api/wal/tail?from=" + from);
        assertNull(dropped.header("x-arango-replication-frompresent"));
        assertEquals(String.valueOf(from), dropped.header("x-arango-replication-lastscanned"), "the others stay");
        assertEquals("true", http.get("/_api/wal/tail?from=" + from).header("x-arango-replication-frompresent"),
                "used up by one answer");
    }

    @Test
    void aCutWaitsForAnAnswerLongEnoughToCut() {
        long from = emu.lastTick();
        emu.faults().cutAfterBytes("GET", "/_api/wal/tail", 50, 1);
        assertEquals(204, http.get("/_api/wal/tail?from=" + from).status(), "an empty answer cannot be cut");
        assertEquals(1, emu.faults().pending());
        admin.insert("_system", "c", Map.of("_key", "k1", "pad", "p".repeat(100)));
        assertThrows(RuntimeException.class, () -> http.get("/_api/wal/tail?from=" + from), "the answer with a marker is cut");
        assertEquals(200, http.get("/_api/wal/tail?from=" + from).status(), "used up");
        assertEquals(0, emu.faults().pending());
    }

    @Test
    void cutsAndErrorsAimedAtALine() {
        long from = emu.lastTick();
        emu.faults().cutAtLine("GET", "/_api/wal/tail", "\"_key\":\"k2\"", 1)
                .failAtLine("GET", "/_api/wal/tail", "\"_key\":\"k3\"", 503, 503, 1);
        admin.insert("_system", "c", Map.of("_key", "k1"));
        assertEquals(1, http.get("/_api/wal/tail?from=" + from).lines().size(), "no such line: unchanged");
        admin.insert("_system", "c", Map.of("_key", "k2"));
        assertThrows(RuntimeException.class, () -> http.get("/_api/wal/tail?from=" + from), "reset inside the k2 line");
        assertEquals(2, http.get("/_api/wal/tail?from=" + from).lines().size(), "the cut is used up");
        admin.insert("_system", "c", Map.of("_key", "k3"));
        RawHttp.Reply failed = http.get("/_api/wal/tail?from=" + from);
        assertEquals(503, failed.status());
        assertEquals(503, failed.errorNum());
        assertEquals(3, http.get("/_api/wal/tail?from=" + from).lines().size());
    }

    @Test
    void aRewrittenLineWaitsForTheAnswerThatContainsIt() {
        admin.insert("_system", "c", Map.of("_key", "k1"));
        long from = emu.lastTick();
        emu.faults().rewriteLine("GET", "/_api/wal/tail", "\"_key\":\"k2\"", BadLines.truncated(), 1);
        assertEquals(204, http.get("/_api/wal/tail?from=" + from).status(), "an answer without the line passes");
        admin.insert("_system", "c", Map.of("_key", "k2"));
        admin.insert("_system", "c", Map.of("_key", "k3"));
        RawHttp.Reply broken = http.get("/_api/wal/tail?from=" + from);
        String[] lines = broken.body().split("\n");
        assertEquals(2, lines.length);
        assertFalse(lines[0].endsWith("}"), "the k2 line is cut in half: " + lines[0]);
        assertTrue(lines[0].startsWith("{\"tick\":\""));
        assertTrue(lines[1].contains("\"_key\":\"k3\"") && lines[1].endsWith("}"), "the next line is intact");
        assertEquals(String.valueOf(broken.body().getBytes(StandardCharsets.UTF_8).length), broken.header("content-length"));
        assertEquals(2, http.get("/_api/wal/tail?from=" + from).lines().size(), "used up");
    }

    @Test
    void invalidUtf8LongStringsAndInjectedLinesInDumps() throws Exception {
        admin.insert("_system", "c", Map.of("_key", "d1", "v", 1));
        admin.insert("_system", "c", Map.of("_key", "d2"));
        emu.faults().rewriteLine("GET", "/_api/replication/dump", "\"_key\":\"d1\"", BadLines.invalidUtf8(), 1);
        String batch = http.post("/_api/replication/batch", "{}").json().path("id").asText();
        byte[] body = rawBody("/_api/replication/dump?collection=c&batchId=" + batch + "&useEnvelope=false");
        String first = new String(body, StandardCharsets.ISO_8859_1).split("\n")[0];
        assertTrue(first.startsWith("{\"bad\":\"\u00c3(\",\"_key\":\"d1\""), first);

        emu.faults().rewriteLine("GET", "/_api/wal/tail", "", BadLines.longString(20_000_001), 1);
        RawHttp.Reply huge = http.get("/_api/wal/tail?from=" + (emu.lastTick() - 1));
        String line = huge.body().trim();
        assertTrue(line.contains("\"data\":{\"huge\":\"xxxx"), line.substring(0, 120));
        assertEquals(20_000_001, line.indexOf("\",\"_key\"") - line.indexOf("\"huge\":\"") - 8);

        emu.faults().injectLine("GET", "/_api/replication/dump", "", "not json".getBytes(StandardCharsets.UTF_8), 1);
        String batch2 = http.post("/_api/replication/batch", "{}").json().path("id").asText();
        RawHttp.Reply injected = http.get("/_api/replication/dump?collection=c&batchId=" + batch2 + "&useEnvelope=false");
        assertEquals("not json", injected.body().split("\n")[0]);
        assertEquals(3, injected.body().split("\n").length);
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0x28},
                Arrays.copyOfRange(BadLines.invalidUtf8().apply("{}".getBytes()), 8, 10));
        assertEquals("{\"bad\":\"\u00c3(\"}", new String(BadLines.invalidUtf8().apply("{}".getBytes()), StandardCharsets.ISO_8859_1));
    }

    @Test
    void rawMarkersAreServedAsGivenAfterTheirTick() {
        admin.createDatabase("other");
        long from = emu.lastTick();
        long t1 = emu.appendRawWalMarker("_system", "{\"type\":9999,\"db\":\"_system\",\"data\":{\"x\":1}}");
        long t2 = emu.appendRawWalMarker("_system", "{\"db\":\"_system\",\"cuid\":\"h1/2\"}");
        long t3 = emu.appendRawWalMarker("_system", "{\"type\":\"document\",\"db\":\"_system\"}");
        long t4 = emu.appendRawWalMarker("_system", "{\"type\":2301,\"db\":\"_system\",\"tid\":\"0\",\"data\":{\"_key\":\"e1\"}}");
        long t5 = emu.appendRawWalMarker("_system", "{}");
        assertEquals(from + 1, t1);
        assertEquals(t1 + 4, t5);
        RawHttp.Reply tail = http.get("/_api/wal/tail?from=" + from);
        assertEquals(String.join("\n",
                "{\"tick\":\"" + t1 + "\",\"type\":9999,\"db\":\"_system\",\"data\":{\"x\":1}}",
                "{\"tick\":\"" + t2 + "\",\"db\":\"_system\",\"cuid\":\"h1/2\"}",
                "{\"tick\":\"" + t3 + "\",\"type\":\"document\",\"db\":\"_system\"}",
                "{\"tick\":\"" + t4 + "\",\"type\":2301,\"db\":\"_system\",\"tid\":\"0\",\"data\":{\"_key\":\"e1\"}}",
                "{\"tick\":\"" + t5 + "\"}") + "\n", tail.body());
        assertEquals(String.valueOf(t5), tail.header("x-arango-replication-lastincluded"));
        assertEquals(200, http.get("/_api/wal/tail?from=" + from + "&collection=c").status(), "no collection filter applies");
        assertEquals(204, http.get("/_db/other/_api/wal/tail?from=" + from).status(), "only its database's tails serve it");
        WalMarker marker = emu.wal().stream().filter(m -> m.tick() == t1).findFirst().orElseThrow();
        assertEquals(9999, marker.type());
        assertEquals(0, emu.wal().stream().filter(m -> m.tick() == t3).findFirst().orElseThrow().type());
        assertEquals(1, ((Map<?, ?>) marker.data()).get("x"));

        assertThrows(IllegalArgumentException.class, () -> emu.appendRawWalMarker("_system", "{\"tick\":\"5\"}"));
        assertThrows(IllegalArgumentException.class, () -> emu.appendRawWalMarker("_system", "[1]"));
        assertThrows(IllegalArgumentException.class, () -> emu.appendRawWalMarker("_system", "{nope"));
        assertThrows(IllegalArgumentException.class, () -> emu.appendRawWalMarker("nodb", "{}"));
    }
}
