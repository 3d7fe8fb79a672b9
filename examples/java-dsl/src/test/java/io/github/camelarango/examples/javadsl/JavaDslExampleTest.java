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
package io.github.camelarango.examples.javadsl;

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
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example as it ships (Camel Main, application.properties) against the ArangoDB emulator (3.11.4, which still has
 * the applier), with the connection and folders overridden the way a deployment would.
 */
class JavaDslExampleTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.version("3.11.4").authentication("root", "s3cret"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ArangoDB driver;
    private ArangoCollection orders;
    private Main main;

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
        if (main != null) {
            main.stop();
        }
        orders.drop();
        driver.shutdown();
    }

    @Test
    void snapshotAndLiveChangesLandInTheFileAndTheApplierIsChecked() throws Exception {
        main = startExample();
        Path file = dir.resolve("out/orders.jsonl");
        awaitTrue(() -> lines(file).size() == 2, "the snapshot's 2 lines in " + file);

        orders.insertDocument(Map.of("_key", "o3", "amount", 30));
        orders.updateDocument("o1", Map.of("amount", 11));
        orders.deleteDocument("o2");
        awaitTrue(() -> lines(file).size() == 5, "2 snapshot and 3 change lines in " + file);

        List<JsonNode> lines = lines(file);
        assertEquals("o1", lines.get(0).path("_key").asText());
        assertEquals(10, lines.get(0).path("amount").asInt());
        assertEquals("o2", lines.get(1).path("_key").asText());
        assertEquals(30, lines.get(2).path("amount").asInt(), "insert o3: " + lines.get(2));
        assertEquals("o3", lines.get(2).path("_key").asText());
        assertEquals(11, lines.get(3).path("amount").asInt(), "update o1: " + lines.get(3));
        assertEquals("o2", lines.get(4).path("_key").asText(), "delete o2: " + lines.get(4));
        assertFalse(lines.get(4).has("amount"), "a delete carries {_key,_rev} only: " + lines.get(4));

        MockEndpoint applier = main.getCamelContext().getEndpoint("mock:applier", MockEndpoint.class);
        applier.expectedMinimumMessageCount(1);
        applier.message(0).header(ApplierStateCheckRoute.APPLIER_RUNNING).isEqualTo(false);
        applier.assertIsSatisfied(10_000);
    }

    @Test
    void aRestartResumesAfterTheCommittedPosition() throws Exception {
        main = startExample();
        Path file = dir.resolve("out/orders.jsonl");
        awaitTrue(() -> lines(file).size() == 2, "the snapshot's 2 lines in " + file);
        main.stop();

        orders.insertDocument(Map.of("_key", "while-stopped", "amount", 99));
        main = startExample();
        awaitTrue(() -> lines(file).size() == 3, "the change made while stopped in " + file);
        Thread.sleep(500);
        List<JsonNode> lines = lines(file);
        assertEquals(3, lines.size(), "no second snapshot after the restart: " + lines);
        assertEquals("while-stopped", lines.get(2).path("_key").asText());
    }

    private Main startExample() throws Exception {
        URI url = URI.create(ARANGO.url());
        Main example = JavaDslExample.createMain();
        example.addOverrideProperty("camel.component.arango-replication.host", url.getHost());
        example.addOverrideProperty("camel.component.arango-replication.port", String.valueOf(url.getPort()));
        example.addOverrideProperty("camel.component.arango-replication.user", ARANGO.user());
        example.addOverrideProperty("camel.component.arango-replication.password", ARANGO.password());
        example.addOverrideProperty("offsets.file", dir.resolve("offsets.dat").toString());
        example.addOverrideProperty("output.dir", dir.resolve("out").toString());
        example.addOverrideProperty("applier.check.period", "200");
        example.addOverrideProperty("applier.state.uri", "mock:applier");
        example.start();
        return example;
    }

    private static List<JsonNode> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(JavaDslExampleTest::parse).toList();
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
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean());
    }
}
