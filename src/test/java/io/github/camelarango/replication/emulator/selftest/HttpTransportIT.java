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
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transport (§1.1–§1.4): common headers, keep-alive, database prefix, error body; fault injection controls. */
class HttpTransportIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create();

    private final RawHttp http = RawHttp.of(ARANGO.emulator());

    @Test
    void everyResponseCarriesTheCommonHeaders() {
        RawHttp.Reply reply = http.get("/_api/version");
        assertEquals("application/json", reply.header("content-type"));
        assertEquals("ArangoDB", reply.header("server"));
        assertEquals("0.000000", reply.header("x-arango-queue-time-seconds"));
        assertEquals("no-cache, no-store, must-revalidate, pre-check=0, post-check=0, max-age=0, s-maxage=0", reply.header("cache-control"));
        assertEquals("nosniff", reply.header("x-content-type-options"));
        assertEquals("max-age=31536000 ; includeSubDomains", reply.header("strict-transport-security"));
        assertEquals("frame-ancestors 'self'; form-action 'self';", reply.header("content-security-policy"));
        assertEquals("0", reply.header("expires"));
        assertEquals("no-cache", reply.header("pragma"));
        assertEquals("ArangoDB", http.get("/_api/nothing-here").header("server"));
    }

    @Test
    void databasePrefixIsUrlDecodedAndDefaultsToSystem() {
        assertEquals("_system", http.get("/_api/database/current").json().path("result").path("name").asText());
        assertEquals("_system", http.get("/_db/%5Fsystem/_api/database/current").json().path("result").path("name").asText());
        RawHttp.Reply unknown = http.get("/_db/nope/_api/version");
        assertEquals("{\"code\":404,\"error\":true,\"errorMessage\":\"database not found\",\"errorNum\":1228}", unknown.body());
        RawHttp.Reply path = http.get("/_api/nothing-here");
        assertEquals(404, path.status());
        assertEquals(404, path.errorNum());
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ARANGO.emulator().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 3; i++) {
                out.write("GET /_api/version HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("HTTP/1.1 200 OK", in.readLine());
                int length = -1;
                String line;
                while (!(line = in.readLine()).isEmpty()) {
                    if (line.startsWith("content-length: ")) {
                        length = Integer.parseInt(line.substring(16));
                    }
                    if (line.startsWith("connection: ")) {
                        assertEquals("connection: Keep-Alive", line);
                    }
                }
                char[] body = new char[length];
                int read = 0;
                while (read < length) {
                    read += in.read(body, read, length - read);
                }
                assertTrue(new String(body).contains("\"version\":\"3.11.4\""));
            }
        }
    }

    @Test
    void chunkedRequestBodiesAreAccepted() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ARANGO.emulator().port())) {
            socket.setSoTimeout(5000);
            String body = "{\"ttl\":5}";
            String request = "POST /_api/replication/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            assertEquals("HTTP/1.1 200 OK", in.readLine());
        }
    }

    @Test
    void faultsFailDelayAndCutMatchingRequestsOnly() {
        ArangoEmulator emu = ARANGO.emulator();
        emu.faults().failNext("GET", "/_api/wal/tail", 503, 503, 2);
        RawHttp.Reply failed = http.get("/_db/_system/_api/wal/tail?from=1");
        assertEquals(503, failed.status());
        assertEquals(503, failed.errorNum());
        assertEquals(200, http.get("/_api/wal/lastTick").status(), "other paths are not affected");
        assertEquals(503, http.get("/_api/wal/tail?from=1").status());
        assertTrue(http.get("/_api/wal/tail?from=1").status() < 300, "the rule is used up after 2 requests");

        emu.faults().delay("GET", "/_api/wal/lastTick", Duration.ofMillis(300), 1);
        long start = System.nanoTime();
        assertEquals(200, http.get("/_api/wal/lastTick").status());
        assertTrue(System.nanoTime() - start >= 300_000_000L, "delayed");

        emu.faults().cutAfterBytes("GET", "/_api/replication/*", 5, 1);
        assertThrows(RuntimeException.class, () -> http.get("/_api/replication/logger-state"));
        assertEquals(200, http.get("/_api/replication/logger-state").status());

        emu.faults().failNext("GET", "/_api/version", 500, 4, 5).clear();
        assertEquals(200, http.get("/_api/version").status());
    }
}
