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
package io.github.camelarango.examples.springboot;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.ArangoReplicationComponent;
import io.github.camelarango.replication.ArangoReplicationConfiguration;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.camelarango.examples.springboot.Actuator.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application against the ArangoDB emulator: the {@code camel.component.arango-replication.*} properties reach
 * the component (connection and consumer options), the route captures the snapshot and a later write, the consumer is
 * UP in {@code /actuator/health}, and its committed tick in {@code /actuator/metrics} moves after a write.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.component.arango-replication.max-connections=7",
        "camel.component.arango-replication.connectTimeout=4321",
        "camel.component.arango-replication.client-info=spring-boot-test",
        "orders.sink=mock:orders"
})
class ArangoReplicationApplicationTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "s3cret"));

    @Autowired
    CamelContext camelContext;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void arango(DynamicPropertyRegistry registry) {
        registry.add("camel.component.arango-replication.host", () -> URI.create(ARANGO.url()).getHost());
        registry.add("camel.component.arango-replication.port", () -> URI.create(ARANGO.url()).getPort());
        registry.add("camel.component.arango-replication.password", ARANGO::password);
        registry.add("camel.component.arango-replication.offset-file", () -> "target/test-offsets-" + System.nanoTime());
    }

    @BeforeAll
    static void createOrders() {
        ArangoDB driver = driver();
        driver.db().createCollection("orders");
        driver.db().collection("orders").insertDocument(Map.of("_key", "o1", "amount", 10));
        driver.shutdown();
    }

    @Test
    void propertiesReachTheComponent() {
        ArangoReplicationComponent component = camelContext.getComponent("arango-replication",
                ArangoReplicationComponent.class);
        ArangoReplicationConfiguration connection = component.getConfiguration();
        assertEquals(URI.create(ARANGO.url()).getPort(), connection.getPort());
        assertEquals("127.0.0.1", connection.getHost());
        assertEquals(7, connection.getMaxConnections());
        assertEquals(4321, connection.getConnectTimeout());
        assertEquals("spring-boot-test", connection.getClientInfo());
        assertEquals("s3cret", connection.getPassword());
        ArangoReplicationConsumerConfiguration consumer = component.getConsumerConfiguration();
        assertEquals("orders", consumer.getCollections());
        assertEquals("INITIAL", String.valueOf(consumer.getSnapshotMode()));
        assertEquals(500, consumer.getIdleMaxWait(), "idle-max-wait = 500ms");
        assertTrue(consumer.getOffsetFile().startsWith("target/test-offsets-"), consumer.getOffsetFile());
    }

    @Test
    void theRouteCapturesTheSnapshotAndLiveChanges() throws Exception {
        Exchange snapshotRow = awaitOrder("o1");
        assertEquals("SNAPSHOT_READ", String.valueOf(snapshotRow.getMessage().getHeader("CamelArangoReplicationChangeType")));
        // the insert must come after the snapshot, or the snapshot would already hold it (as SNAPSHOT_READ)
        insertOrder("o2");
        Exchange insert = awaitOrder("o2");
        assertEquals("UPSERT", String.valueOf(insert.getMessage().getHeader("CamelArangoReplicationChangeType")));
    }

    @Test
    void theConsumerIsUpInActuatorHealth() throws Exception {
        Actuator actuator = new Actuator(port);
        Actuator.Response health = await(() -> actuator.get("/actuator/health"),
                r -> "UP".equals(r.json().path("status").asText()));
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", camelDetails(health).path("consumer:order-changes").asText(), health.body());
    }

    @Test
    void theCommittedTickInActuatorMetricsMovesAfterAWrite() throws Exception {
        Actuator actuator = new Actuator(port);
        awaitOrder("o1");
        double before = committedTick(actuator);

        insertOrder("m1");
        long tick = Long.parseLong(awaitOrder("m1").getMessage().getHeader("CamelArangoReplicationTick", String.class));
        double after = await(() -> committedTick(actuator), value -> value == tick);

        assertEquals(tick, after, "the committed tick is the tick of the change just delivered");
        assertTrue(after > before, "moved from " + before + " to " + after);
        assertTrue(actuator.measurement("arango.replication.events", "type:UPSERT") >= 1);
        assertEquals(1, actuator.measurement("arango.replication.snapshot.documents.read", "routeId:order-changes"),
                "the snapshot read o1");
        assertEquals(1, actuator.measurement("arango.replication.snapshot.collections.completed", "routeId:order-changes"));
        assertTrue(actuator.measurement("arango.replication.lag.ticks", "routeId:order-changes") >= 0);
    }

    private static double committedTick(Actuator actuator) throws Exception {
        return actuator.measurement("arango.replication.committed.tick", "routeId:order-changes");
    }

    /** The details of the camelHealth component of an /actuator/health answer. */
    static JsonNode camelDetails(Actuator.Response health) {
        return health.json().path("components").path("camelHealth").path("details");
    }

    private Exchange awaitOrder(String key) throws Exception {
        MockEndpoint orders = camelContext.getEndpoint("mock:orders", MockEndpoint.class);
        return await(() -> orders.getReceivedExchanges().stream()
                        .filter(e -> key.equals(e.getMessage().getHeader("CamelArangoReplicationKey"))).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static void insertOrder(String key) {
        ArangoDB driver = driver();
        driver.db().collection("orders").insertDocument(Map.of("_key", key, "amount", 20));
        driver.shutdown();
    }

    private static ArangoDB driver() {
        URI url = URI.create(ARANGO.url());
        return new ArangoDB.Builder().host(url.getHost(), url.getPort()).protocol(Protocol.HTTP_JSON)
                .user(ARANGO.user()).password(ARANGO.password()).build();
    }
}
