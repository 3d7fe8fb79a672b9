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

import java.net.URI;
import java.util.Map;

import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderChangesTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "secret"));

    @Test
    void anOrderWrittenToArangoDbReachesTheRoute() throws Exception {
        ARANGO.admin().createCollection("_system", "orders");
        URI server = URI.create(ARANGO.url());
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("arango.password", ARANGO.password());
            camel.getRegistry().bind("positions", new MemoryStateRepository());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?collections=orders&offsetRepository=#positions"
                            + "&host=" + server.getHost() + "&port=" + server.getPort()
                            + "&user=" + ARANGO.user() + "&password={{arango.password}}")
                            .to("mock:orders");
                }
            });
            MockEndpoint orders = camel.getEndpoint("mock:orders", MockEndpoint.class);
            orders.expectedHeaderReceived("CamelArangoReplicationKey", "o1");
            camel.start();

            ARANGO.admin().insert("_system", "orders", Map.of("_key", "o1", "amount", 10));

            orders.assertIsSatisfied(10_000);
            Map<?, ?> order = orders.getExchanges().get(0).getMessage().getBody(Map.class);
            assertEquals(10, order.get("amount"));
        }
    }
}
