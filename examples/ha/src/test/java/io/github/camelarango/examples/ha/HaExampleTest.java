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
package io.github.camelarango.examples.ha;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances of the example (two Camel Mains, as two processes would run it) against one ArangoDB emulator and
 * one shared folder: the first captures the snapshot and a change; when it stops, the second is elected and captures
 * the next change, from the position the first committed — each change once, none lost.
 */
class HaExampleTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "s3cret"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path shared;

    private ArangoDB driver;
    private ArangoCollection orders;
    private Main first;
    private Main second;

    @BeforeEach
    void createOrders() {
        URI url = URI.create(ARANGO.url());
        driver = new ArangoDB.Builder().host(url.getHost(), url.getPort()).protocol(Protocol.HTTP_JSON)
                .user(ARANGO.user()).password(ARANGO.password()).build();
        driver.db().createCollection("orders");
        orders = driver.db().collection("orders");
        orders.insertDocument(Map.of("_key", "o1", "amount", 10));
        orders.insertDocument(Map.of("_key", "o2", "amount", 20));
    }

    @AfterEach
    void stop() {
        for (Main main : new Main[] {first, second}) {
            if (main != null) {
                main.stop();
            }
        }
        orders.drop();
        driver.shutdown();
    }

    @Test
    void theSecondInstanceTakesOverWhenTheLeaderStops() throws Exception {
        Path file = shared.resolve("changes/orders.jsonl");
        first = startInstance("first");
        awaitTrue(() -> lines(file).size() == 2, "the snapshot's 2 lines in " + file);
        second = startInstance("second");
        orders.insertDocument(Map.of("_key", "o3", "amount", 30));
        awaitTrue(() -> lines(file).size() == 3, "the change o3 in " + file);

        first.stop(); // the leader goes away: its route stops, then it gives up the lock
        orders.insertDocument(Map.of("_key", "o4", "amount", 40));
        awaitTrue(() -> lines(file).size() == 4, "the change o4, captured by the second instance, in " + file);
        Thread.sleep(500);

        List<JsonNode> lines = lines(file);
        assertEquals(List.of("first SNAPSHOT_READ o1", "first SNAPSHOT_READ o2", "first UPSERT o3", "second UPSERT o4"),
                lines.stream().map(l -> l.path("capturedBy").asText() + " " + l.path("change").asText() + " "
                                        + l.path("_key").asText()).toList(),
                "each change once, the last one by the new leader from the committed position");
    }

    private Main startInstance(String name) throws Exception {
        URI url = URI.create(ARANGO.url());
        Main instance = HaExample.createMain();
        instance.addOverrideProperty("camel.main.name", name);
        instance.addOverrideProperty("camel.cluster.file.id", name);
        instance.addOverrideProperty("camel.cluster.file.root", shared.resolve("cluster").toString());
        instance.addOverrideProperty("camel.cluster.file.acquire-lock-delay-unit", "MILLISECONDS");
        instance.addOverrideProperty("camel.cluster.file.acquire-lock-delay", "200");
        instance.addOverrideProperty("camel.cluster.file.acquire-lock-interval-unit", "MILLISECONDS");
        instance.addOverrideProperty("camel.cluster.file.acquire-lock-interval", "200");
        instance.addOverrideProperty("camel.component.arango-replication.host", url.getHost());
        instance.addOverrideProperty("camel.component.arango-replication.port", String.valueOf(url.getPort()));
        instance.addOverrideProperty("camel.component.arango-replication.user", ARANGO.user());
        instance.addOverrideProperty("camel.component.arango-replication.password", ARANGO.password());
        instance.addOverrideProperty("offsets.file", shared.resolve("offsets.dat").toString());
        instance.addOverrideProperty("output.dir", shared.resolve("changes").toString());
        instance.start();
        return instance;
    }

    private static List<JsonNode> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(HaExampleTest::parse).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + line, e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
