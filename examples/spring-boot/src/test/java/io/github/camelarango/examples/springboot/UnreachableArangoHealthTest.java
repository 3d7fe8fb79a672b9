package io.github.camelarango.examples.springboot;

import java.io.IOException;
import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no ArangoDB behind the configured port, the application starts and Camel's health says DOWN for the
 * change-capture consumer.
 */
@DirtiesContext
@SpringBootTest(properties = {"camel.component.arango-replication.host=127.0.0.1", "orders.sink=mock:orders"})
class UnreachableArangoHealthTest {

    @Autowired
    CamelContext camelContext;

    @DynamicPropertySource
    static void nobodyListening(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("camel.component.arango-replication.port", () -> closedPort);
        registry.add("offsets.file", () -> "target/test-offsets-" + System.nanoTime());
    }

    @Test
    void theConsumerHealthCheckIsDown() throws Exception {
        HealthCheck.Result result = ArangoReplicationApplicationTest.awaitConsumerHealth(camelContext,
                r -> r.getMessage().orElse("").contains("is unreachable"));
        assertEquals(HealthCheck.State.DOWN, result.getState(), "consumer:order-changes " + result.getDetails());
        assertTrue(result.getMessage().orElse("").contains("is unreachable"), result.getMessage().orElse(""));
    }
}
