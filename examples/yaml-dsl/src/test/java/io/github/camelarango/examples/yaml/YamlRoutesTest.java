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
package io.github.camelarango.examples.yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.ArangoReplicationComponent;
import io.github.camelarango.replication.ArangoReplicationConfiguration;
import io.github.camelarango.replication.client.ApplierState;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Camel YAML DSL file of {@code examples/} ({@code *.camel.yaml}; the Kamelet example tests its own) is loaded
 * into a CamelContext and started against the ArangoDB emulator, so that no YAML example can rot; the two routes of
 * this example are also run to their outcome.
 */
class YamlRoutesTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO =
            ArangoEmulatorExtension.create(b -> b.version("3.11.4").authentication("root", "s3cret"));

    /** The examples folder: surefire runs in examples/yaml-dsl. */
    private static final Path EXAMPLES = Path.of("..").toAbsolutePath().normalize();
    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ArangoDB driver;
    private ArangoCollection orders;
    private CamelContext camel;

    static Stream<Path> yamlFilesOfTheExamples() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".camel.yaml"))
                    .filter(p -> !EXAMPLES.relativize(p).toString().contains("target"))
                    // routes from kamelet: need camel-kamelet, which Camel 4.22 does not publish: examples/kamelet runs
                    // them on Camel 4.18
                    .filter(p -> !p.startsWith(EXAMPLES.resolve("kamelet")))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 2, "the YAML examples should be found under " + EXAMPLES + ": " + files);
        return files.stream();
    }

    @BeforeEach
    void createOrders() {
        URI url = URI.create(ARANGO.url());
        driver = new ArangoDB.Builder().host(url.getHost(), url.getPort()).protocol(Protocol.HTTP_JSON)
                .user(ARANGO.user()).password(ARANGO.password()).build();
        driver.db().createCollection("orders");
        orders = driver.db().collection("orders");
        orders.insertDocument(Map.of("_key", "o1", "amount", 10));
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        orders.drop();
        driver.shutdown();
    }

    @ParameterizedTest
    @MethodSource("yamlFilesOfTheExamples")
    void everyYamlRouteOfTheExamplesLoadsAndStarts(Path yaml) throws Exception {
        camel = context(yaml);
        camel.start();
        assertFalse(camel.getRoutes().isEmpty(), "no route in " + yaml);
        for (Route route : camel.getRoutes()) {
            assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus(route.getRouteId()),
                    route.getRouteId() + " of " + yaml);
        }
    }

    @Test
    void changesToFilesWritesTheSnapshotThenEveryChange() throws Exception {
        camel = context(ROUTES.resolve("changes-to-files.camel.yaml"));
        camel.start();
        Path file = dir.resolve("out/orders.jsonl");
        awaitTrue(() -> lines(file).size() == 1, "the snapshot line in " + file);

        orders.updateDocument("o1", Map.of("amount", 11));
        orders.deleteDocument("o1");
        awaitTrue(() -> lines(file).size() == 3, "snapshot, update and delete lines in " + file);

        List<JsonNode> lines = lines(file);
        assertEquals(10, lines.get(0).path("amount").asInt(), lines.get(0).toString());
        assertEquals(11, lines.get(1).path("amount").asInt(), lines.get(1).toString());
        assertEquals("o1", lines.get(2).path("_key").asText(), lines.get(2).toString());
        assertFalse(lines.get(2).has("amount"), "a delete carries {_key,_rev} only: " + lines.get(2));
    }

    @Test
    void applierCheckHandsOnTheStateOfTheApplier() throws Exception {
        camel = context(ROUTES.resolve("applier-state-check.camel.yaml"));
        MockEndpoint applier = camel.getEndpoint("mock:applier", MockEndpoint.class);
        applier.expectedMinimumMessageCount(2);
        applier.message(0).header("ApplierRunning").isEqualTo(false);
        camel.start();

        applier.assertIsSatisfied(10_000);
        ApplierState state = assertInstanceOf(ApplierState.class,
                applier.getReceivedExchanges().get(0).getMessage().getBody());
        assertFalse(state.state().running());
        assertEquals("3.11.4", state.server().version());
    }

    private CamelContext context(Path yaml) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("orders.collection", "orders");
        properties.setProperty("offsets.file", dir.resolve("offsets.dat").toString());
        properties.setProperty("output.dir", dir.resolve("out").toString());
        properties.setProperty("applier.check.period", "200");
        properties.setProperty("applier.state.uri", "mock:applier");
        context.getPropertiesComponent().setInitialProperties(properties);

        URI url = URI.create(ARANGO.url());
        ArangoReplicationConfiguration connection =
                context.getComponent("arango-replication", ArangoReplicationComponent.class).getConfiguration();
        connection.setHost(url.getHost());
        connection.setPort(url.getPort());
        connection.setUser(ARANGO.user());
        connection.setPassword(ARANGO.password());

        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + yaml.toAbsolutePath()));
        return context;
    }

    private static List<JsonNode> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(YamlRoutesTest::parse).toList();
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
    }
}
