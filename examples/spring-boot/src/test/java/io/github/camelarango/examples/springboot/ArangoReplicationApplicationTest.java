package io.github.camelarango.examples.springboot;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import io.github.camelarango.replication.ArangoReplicationComponent;
import io.github.camelarango.replication.ArangoReplicationConfiguration;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application against the ArangoDB emulator: the {@code camel.component.arango-replication.*} properties reach
 * the component, the route captures a change, and the consumer's health check is UP in Camel's health.
 */
@DirtiesContext
@SpringBootTest(properties = {
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

    @DynamicPropertySource
    static void arango(DynamicPropertyRegistry registry) {
        registry.add("camel.component.arango-replication.host", () -> URI.create(ARANGO.url()).getHost());
        registry.add("camel.component.arango-replication.port", () -> URI.create(ARANGO.url()).getPort());
        registry.add("camel.component.arango-replication.password", ARANGO::password);
        registry.add("offsets.file", () -> "target/test-offsets-" + System.nanoTime());
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
        ArangoReplicationConfiguration configuration =
                camelContext.getComponent("arango-replication", ArangoReplicationComponent.class).getConfiguration();
        assertEquals(URI.create(ARANGO.url()).getPort(), configuration.getPort());
        assertEquals("127.0.0.1", configuration.getHost());
        assertEquals(7, configuration.getMaxConnections());
        assertEquals(4321, configuration.getConnectTimeout());
        assertEquals("spring-boot-test", configuration.getClientInfo());
        assertEquals("s3cret", configuration.getPassword());
    }

    @Test
    void theRouteCapturesTheSnapshotAndLiveChanges() throws Exception {
        MockEndpoint orders = camelContext.getEndpoint("mock:orders", MockEndpoint.class);
        long deadline = System.nanoTime() + 15_000_000_000L;
        // the insert must come after the snapshot, or the snapshot would already hold it (as SNAPSHOT_READ)
        while (orders.getReceivedCounter() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ArangoDB driver = driver();
        driver.db().collection("orders").insertDocument(Map.of("_key", "o2", "amount", 20));
        driver.shutdown();

        while (orders.getReceivedCounter() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(2, orders.getReceivedCounter(), "the snapshot row and the insert");
        assertEquals("o1", orders.getReceivedExchanges().get(0).getMessage().getHeader("CamelArangoReplicationKey"));
        assertEquals("SNAPSHOT_READ",
                String.valueOf(orders.getReceivedExchanges().get(0).getMessage().getHeader("CamelArangoReplicationChangeType")));
        assertEquals("o2", orders.getReceivedExchanges().get(1).getMessage().getHeader("CamelArangoReplicationKey"));
        assertEquals("UPSERT",
                String.valueOf(orders.getReceivedExchanges().get(1).getMessage().getHeader("CamelArangoReplicationChangeType")));
    }

    @Test
    void theConsumerHealthCheckIsUpInCamelsHealth() throws Exception {
        HealthCheck.Result result = awaitConsumerHealth(camelContext, r -> r.getState() == HealthCheck.State.UP);
        assertEquals(HealthCheck.State.UP, result.getState(), "consumer:order-changes " + result.getDetails());
    }

    /** The result of the route's consumer health check once it matches (or the last one seen after 15 s). */
    static HealthCheck.Result awaitConsumerHealth(CamelContext camel, Predicate<HealthCheck.Result> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Optional<HealthCheck.Result> result = Optional.empty();
        while (System.nanoTime() < deadline) {
            result = HealthCheckHelper.invoke(camel).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:order-changes")).findFirst();
            if (result.isPresent() && expected.test(result.get())) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(result.isPresent(), "no health check consumer:order-changes in " + HealthCheckHelper.invoke(camel));
        return result.get();
    }

    private static ArangoDB driver() {
        URI url = URI.create(ARANGO.url());
        return new ArangoDB.Builder().host(url.getHost(), url.getPort()).protocol(Protocol.HTTP_JSON)
                .user(ARANGO.user()).password(ARANGO.password()).build();
    }
}
