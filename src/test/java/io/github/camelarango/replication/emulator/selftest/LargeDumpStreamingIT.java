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
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1,000,000-document collection dumped in one 128 MiB chunk: the response must be produced while it is written
 * (the server's heap does not grow by the body size while the client has read only the first bytes), and it
 * must contain every document exactly once.
 */
class LargeDumpStreamingIT {

    private static final int DOCUMENTS = 1_000_000;

    @Test
    void aMillionDocumentDumpIsStreamed() throws Exception {
        try (ArangoEmulator emu = ArangoEmulator.builder().build().start()) {
            RawHttp http = new RawHttp(emu.url());
            http.post("/_api/collection", "{\"name\":\"big\"}");
            emu.generateDocuments("_system", "big", DOCUMENTS, i -> Map.of("_key", "k" + i, "n", i, "text", "document number " + i));
            String batchId = http.post("/_api/replication/batch", "{\"ttl\":600}").json().path("id").asText();

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedHeapAfterGc(memory);
            try (Socket socket = new Socket("127.0.0.1", emu.port())) {
                socket.setReceiveBufferSize(64 * 1024);
                socket.getOutputStream().write(("GET /_api/replication/dump?collection=big&batchId=" + batchId
                        + "&chunkSize=134217728&useEnvelope=false HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                long contentLength = readHeaders(in);
                assertTrue(contentLength > 50_000_000L, "one chunk holds the whole collection: " + contentLength + " bytes");
                byte[] first = in.readNBytes(64 * 1024);
                assertTrue(new String(first, StandardCharsets.UTF_8).startsWith("{\"_key\":\"k0\",\"_id\":\"big/k0\""));
                Thread.sleep(300);
                long during = usedHeapAfterGc(memory);
                assertTrue(during - before < contentLength / 4,
                        "heap grew by " + (during - before) + " bytes while a " + contentLength + " byte body was pending");
                long lines = countNewlines(first);
                long total = first.length;
                byte[] buffer = new byte[256 * 1024];
                int n;
                while (total < contentLength && (n = in.read(buffer, 0, (int) Math.min(buffer.length, contentLength - total))) > 0) {
                    lines += countNewlines(buffer, n);
                    total += n;
                }
                assertEquals(contentLength, total);
                assertEquals(DOCUMENTS, lines);
            }
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long readHeaders(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = -1;
        String status = null;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII).trim();
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                if (status == null) {
                    status = text;
                } else if (text.startsWith("content-length:")) {
                    length = Long.parseLong(text.substring(15).trim());
                } else if (text.startsWith("x-arango-replication-checkmore:")) {
                    assertEquals("false", text.substring(31).trim());
                }
            } else {
                line.write(c);
            }
        }
        assertEquals("HTTP/1.1 200 OK", status);
        return length;
    }

    private static long countNewlines(byte[] bytes) {
        return countNewlines(bytes, bytes.length);
    }

    private static long countNewlines(byte[] bytes, int length) {
        long count = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
