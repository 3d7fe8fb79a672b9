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
package io.github.camelarango.replication.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's demo, small: 30 sample orders and 9 live writes on the embedded emulator, so the first command of the
 * README cannot rot.
 */
class ChangeCaptureDemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @Test
    void writesTheSnapshotThenEveryLiveChangeAsJsonLines() throws Exception {
        ChangeCaptureDemo.run(new DemoSettings(null, "root", "", "_system", "demo_orders", 30, 9, output,
                Duration.ofSeconds(60)));

        List<String> lines = Files.readAllLines(output.resolve("demo_orders.jsonl"));
        assertEquals(39, lines.size());
        for (int i = 0; i < 30; i++) {
            JsonNode row = JSON.readTree(lines.get(i));
            assertEquals("SNAPSHOT_READ", row.path("type").asText());
            assertEquals(DemoDatabase.orderKey(i + 1), row.path("document").path("_key").asText());
        }
        // the writer: insert order 31, ship order 1, cancel order 2, insert 32, ship 3, cancel 4, …
        assertChange(lines.get(30), "UPSERT", "order-00031", "new");
        assertChange(lines.get(31), "UPSERT", "order-00001", "shipped");
        assertChange(lines.get(32), "DELETE", "order-00002", null);
        assertChange(lines.get(38), "DELETE", "order-00006", null);
    }

    private static void assertChange(String line, String type, String key, String status) throws Exception {
        JsonNode change = JSON.readTree(line);
        assertEquals(type, change.path("type").asText(), line);
        assertEquals(key, change.path("key").asText(), line);
        assertEquals(key, change.path("document").path("_key").asText(), line);
        if (status != null) {
            assertEquals(status, change.path("document").path("status").asText(), line);
        } else {
            assertEquals(2, change.path("document").size(), "a delete carries {_key,_rev}: " + line);
        }
    }
}
