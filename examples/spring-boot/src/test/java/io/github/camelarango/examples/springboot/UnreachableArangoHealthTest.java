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

import java.io.IOException;
import java.net.ServerSocket;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.camelarango.examples.springboot.Actuator.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no ArangoDB behind the configured port, the application starts and {@code /actuator/health} answers 503 DOWN
 * with the change-capture consumer's message: what happened and how it recovers.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"camel.component.arango-replication.host=127.0.0.1", "orders.sink=mock:orders"})
class UnreachableArangoHealthTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void nobodyListening(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("camel.component.arango-replication.port", () -> closedPort);
        registry.add("camel.component.arango-replication.offset-file", () -> "target/test-offsets-" + System.nanoTime());
    }

    @Test
    void actuatorHealthIsDownWithTheConsumersMessage() throws Exception {
        Actuator actuator = new Actuator(port);
        Actuator.Response health = await(() -> actuator.get("/actuator/health"),
                r -> r.body().contains("is unreachable"));
        assertEquals(503, health.status(), health.body());
        assertEquals("DOWN", health.json().path("status").asText(), health.body());
        JsonNode camel = ArangoReplicationApplicationTest.camelDetails(health);
        assertEquals("DOWN", camel.path("consumer:order-changes").asText(), health.body());
        String message = camel.path("consumer:order-changes.data").path("message").asText();
        assertTrue(message.startsWith("ArangoDB at http://127.0.0.1:") && message.contains("is unreachable")
                   && message.contains("resumes from its committed position"), health.body());
    }
}
