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
package io.github.camelarango.examples.kamelet;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example as Camel JBang runs it: Camel's Kamelet Main (on Camel 4.18) loads {@code routes/orders-changes.camel.yaml},
 * which takes {@code kamelet:arango-changes-source} from the component jar; documents written to ArangoDB (the
 * emulator) arrive as Debezium-compatible JSON, and a restart continues after the last delivered change.
 */
class ArangoChangesSourceTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "s3cret"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void changesArriveThroughTheKameletAsJsonAndARestartContinues() throws Exception {
        ARANGO.admin().createCollection("_system", "orders");
        ARANGO.admin().createCollection("_system", "audit");
        ARANGO.admin().insert("_system", "orders", Map.of("_key", "o1", "amount", 10));

        KameletMain main = start();
        try {
            MockEndpoint changes = main.getCamelContext().getEndpoint("mock:changes", MockEndpoint.class);
            changes.expectedMessageCount(1);
            changes.assertIsSatisfied(15_000); // the snapshot: o1 as it was when the route started
            List<JsonNode> snapshot = bodies(changes);
            assertEquals("application/json", changes.getReceivedExchanges().get(0).getMessage().getHeader("Content-Type"));
            changes.reset();
            changes.expectedMessageCount(3);
            ARANGO.admin().insert("_system", "audit", Map.of("_key", "a1", "note", "not captured"));
            ARANGO.admin().insert("_system", "orders", Map.of("_key", "o2", "amount", 20));
            ARANGO.admin().update("_system", "orders", "o1", Map.of("amount", 11));
            ARANGO.admin().remove("_system", "orders", "o2");
            changes.assertIsSatisfied(15_000);

            List<JsonNode> events = new ArrayList<>(snapshot);
            events.addAll(bodies(changes));
            assertEquals(List.of("r", "u", "u", "d"), events.stream().map(e -> e.path("op").asText()).toList(),
                    "a snapshot row, two upserts, a delete: " + events);
            assertEquals(10, events.get(0).path("after").path("amount").asInt(), events.get(0).toString());
            assertEquals("o2", events.get(1).path("after").path("_key").asText(), events.get(1).toString());
            assertEquals(11, events.get(2).path("after").path("amount").asInt(), events.get(2).toString());
            assertTrue(events.get(3).path("after").isNull(), "a delete has no after: " + events.get(3));
            for (JsonNode event : events) {
                assertEquals("orders", event.path("source").path("collection").asText(), event.toString());
                assertEquals("_system", event.path("source").path("db").asText(), event.toString());
            }
            assertEquals("orders/o2", changes.getReceivedExchanges().get(2).getMessage()
                    .getHeader("CamelArangoReplicationDocumentId"));
            for (Exchange exchange : changes.getReceivedExchanges()) {
                assertEquals("application/json", exchange.getMessage().getHeader("Content-Type"));
            }
        } finally {
            main.stop();
        }

        ARANGO.admin().insert("_system", "orders", Map.of("_key", "o3", "amount", 30));
        KameletMain restarted = start();
        try {
            MockEndpoint changes = restarted.getCamelContext().getEndpoint("mock:changes", MockEndpoint.class);
            changes.expectedMessageCount(1);
            changes.assertIsSatisfied(15_000);
            JsonNode event = bodies(changes).get(0);
            assertEquals("u", event.path("op").asText(), "no second snapshot, only the change made while stopped: " + event);
            assertEquals("o3", event.path("after").path("_key").asText(), event.toString());
            assertFalse(event.path("source").path("snapshot").asBoolean(), event.toString());
        } finally {
            restarted.stop();
        }
    }

    /** Kamelet Main with the example's application.properties, pointed at the emulator, delivering to a mock. */
    private KameletMain start() throws Exception {
        URI server = URI.create(ARANGO.url());
        KameletMain main = new KameletMain("arango-kamelet-example");
        // everything is on the test class path (Camel JBang would download the Kamelet's dependencies); offline, Kamelet
        // Main prints a stack trace saying it cannot fetch Camel's own Kamelet catalog, camel-kamelets: ours is in the
        // component jar
        main.setDownload(false);
        main.addOverrideProperty("arango.host", server.getHost());
        main.addOverrideProperty("arango.port", String.valueOf(server.getPort()));
        main.addOverrideProperty("arango.user", ARANGO.user());
        main.addOverrideProperty("arango.password", ARANGO.password());
        main.addOverrideProperty("offsets.file", dir.resolve("offsets.dat").toString());
        main.addOverrideProperty("changes.sink", "mock:changes");
        main.start();
        CamelContext camel = main.getCamelContext();
        assertEquals("kamelet:arango-changes-source", camel.getRoute("orders-changes").getEndpoint().getEndpointUri()
                .replaceFirst("\\?.*", ""), "the route reads from the Kamelet");
        return main;
    }

    private static List<JsonNode> bodies(MockEndpoint endpoint) {
        return endpoint.getReceivedExchanges().stream().map(exchange -> {
            try {
                return JSON.readTree(exchange.getMessage().getBody(String.class));
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + exchange.getMessage().getBody(), e);
            }
        }).toList();
    }
}
