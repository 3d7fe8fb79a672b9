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
package io.github.camelarango.replication;

import java.util.Map;

import io.github.camelarango.replication.client.ArangoOperationUnavailableException;
import io.github.camelarango.replication.client.ClusterInventory;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.EmulatorRole;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelarango.replication.ArangoReplicationConstants.FROM;
import static io.github.camelarango.replication.ArangoReplicationConstants.OPERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer against a cluster coordinator: clusterInventory and loggerState answer, the write-ahead log
 * operations are refused by the client with a message naming the role.
 */
class ProducerOnCoordinatorIT extends CamelTestSupport {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER = ArangoEmulatorExtension.create(
            builder -> builder.version("3.12.4").role(EmulatorRole.COORDINATOR).authentication("root", "secret"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:coordinator").to("arango-replication:clusterInventory?host=127.0.0.1&port="
                                              + SERVER.emulator().port() + "&password=secret");
            }
        };
    }

    private Exchange call(String operation) {
        return template.send("direct:coordinator", exchange -> {
            exchange.getMessage().setHeader(OPERATION, operation);
            exchange.getMessage().setHeader(FROM, "1");
        });
    }

    @Test
    void clusterInventoryAndLoggerStateAnswer() {
        new EmulatorAdmin(SERVER.url(), "root", "secret").createCollection("_system", "fleet");
        Exchange inventory = call("clusterInventory");
        assertNull(inventory.getException());
        ClusterInventory cluster = inventory.getMessage().getBody(ClusterInventory.class);
        assertTrue(cluster.collections().stream().anyMatch(collection -> "fleet".equals(collection.name())),
                "clusterInventory lists the new collection");
        Exchange logger = call("loggerState");
        assertNull(logger.getException());
        assertEquals("3.12.4", logger.getMessage().getBody(LoggerState.class).server().version());
    }

    @Test
    void walOperationsAreRefusedOnACoordinator() {
        for (String operation : new String[] { "walTail", "walRange", "walLastTick" }) {
            Exchange exchange = call(operation);
            ArangoOperationUnavailableException refused
                    = assertInstanceOf(ArangoOperationUnavailableException.class, exchange.getException(), operation);
            assertTrue(refused.getMessage().contains("COORDINATOR"), refused.getMessage());
        }
    }
}
