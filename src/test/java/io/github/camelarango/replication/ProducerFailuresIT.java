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

import java.util.HashMap;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoConnectionException;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.DumpBatch;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelarango.replication.ArangoReplicationConstants.BATCH_ID;
import static io.github.camelarango.replication.ArangoReplicationConstants.COLLECTION;
import static io.github.camelarango.replication.ArangoReplicationConstants.OPERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input and broken servers: each fails the exchange with the server's status and errorNum or a clear connection
 * error, never leaks the password, and leaves the connection pool usable (the endpoints allow one connection only,
 * so a leaked one would make the following calls time out).
 */
class ProducerFailuresIT extends CamelTestSupport {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER
            = ArangoEmulatorExtension.create(builder -> builder.version("3.11.4").authentication("root", "secret"));

    private ArangoEmulator stoppable;

    @AfterEach
    void clearFaults() {
        SERVER.emulator().faults().clear();
        if (stoppable != null) {
            stoppable.close();
        }
    }

    private static String connection(int port, String password) {
        return "host=127.0.0.1&port=" + port + "&password=" + password + "&maxConnections=1&connectTimeout=2s&responseTimeout=5s";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String server = connection(SERVER.emulator().port(), "secret");
                from("direct:replication").to("arango-replication:loggerState?" + server);
                from("direct:raw").to("arango-replication:loggerState?deserialize=false&" + server)
                        .convertBodyTo(String.class);
                from("direct:wrongPassword")
                        .to("arango-replication:loggerState?" + connection(SERVER.emulator().port(), "n0tThePassw0rd"));
            }
        };
    }

    private Exchange call(String endpoint, String operation, Map<String, Object> headers) {
        return template.send(endpoint, exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            exchange.getMessage().setHeader(OPERATION, operation);
        });
    }

    private void assertPoolStillUsable(String endpoint) {
        for (int i = 0; i < 3; i++) {
            Exchange exchange = call(endpoint, "loggerState", Map.of());
            assertNull(exchange.getException(), "call " + i + " after the failure");
            assertNotNull(exchange.getMessage().getBody(LoggerState.class));
        }
    }

    private String batchOf(String collection, int documents) {
        EmulatorAdmin writer = new EmulatorAdmin(SERVER.url(), "root", "secret");
        writer.createCollection("_system", collection);
        for (int i = 0; i < documents; i++) {
            writer.insert("_system", collection, Map.of("_key", "d" + i, "padding", "x".repeat(200)));
        }
        return call("direct:replication", "createDumpBatch", Map.of()).getMessage().getBody(DumpBatch.class).id();
    }

    @Test
    void unknownBatchSurfacesStatusAndErrorNum() {
        ArangoReplicationException inventory = assertInstanceOf(ArangoReplicationException.class,
                call("direct:replication", "inventory", Map.of(BATCH_ID, "424242")).getException());
        assertEquals(404, inventory.getStatus());
        assertEquals(1600, inventory.getErrorNum());
        assertTrue(inventory.getMessage().contains("404 errorNum 1600"), inventory.getMessage());

        ArangoReplicationException extend = assertInstanceOf(ArangoReplicationException.class,
                call("direct:replication", "extendDumpBatch", Map.of(BATCH_ID, "424242")).getException());
        assertEquals(1600, extend.getErrorNum());

        ArangoReplicationException dump = assertInstanceOf(ArangoReplicationException.class,
                call("direct:replication", "dump", Map.of(BATCH_ID, "424242", COLLECTION, "nothing")).getException());
        assertEquals(404, dump.getStatus());
        assertPoolStillUsable("direct:replication");
    }

    @Test
    void wrongCredentialsGive401WithoutThePassword() {
        ArangoReplicationException denied = assertInstanceOf(ArangoReplicationException.class,
                call("direct:wrongPassword", "loggerState", Map.of()).getException());
        assertEquals(401, denied.getStatus());
        assertFalse(denied.getMessage().contains("n0tThePassw0rd"), denied.getMessage());
        assertTrue(denied.getMessage().contains("401"), denied.getMessage());
    }

    @Test
    void serverErrorFailsTheExchangeAndTheNextCallWorks() {
        SERVER.emulator().faults().failNext("GET", "/_api/replication/logger-state", 500, 4, 1);
        ArangoReplicationException failed = assertInstanceOf(ArangoReplicationException.class,
                call("direct:replication", "loggerState", Map.of()).getException());
        assertEquals(500, failed.getStatus());
        assertEquals(4, failed.getErrorNum());
        assertPoolStillUsable("direct:replication");
    }

    @Test
    void connectionCutInTheMiddleOfADumpFailsCleanly() {
        String batch = batchOf("cutDump", 50);
        SERVER.emulator().faults().cutAfterBytes("GET", "/_api/replication/dump", 1000, 1);
        Exchange parsed = call("direct:replication", "dump", Map.of(BATCH_ID, batch, COLLECTION, "cutDump"));
        assertInstanceOf(ArangoReplicationException.class, parsed.getException());
        assertPoolStillUsable("direct:replication");
    }

    @Test
    void connectionCutInTheMiddleOfARawStreamFailsCleanly() {
        String batch = batchOf("cutRaw", 50);
        SERVER.emulator().faults().cutAfterBytes("GET", "/_api/replication/dump", 1000, 1);
        Exchange raw = call("direct:raw", "dump", Map.of(BATCH_ID, batch, COLLECTION, "cutRaw"));
        assertNotNull(raw.getException(), "reading a cut stream must fail the exchange");
        assertPoolStillUsable("direct:replication");
    }

    @Test
    void stoppedServerGivesAConnectionErrorAndRecovery() throws Exception {
        stoppable = ArangoEmulator.builder().authentication("root", "secret").build().start();
        int port = stoppable.port();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stoppable").to("arango-replication:loggerState?" + connection(port, "secret"));
            }
        });
        assertNull(call("direct:stoppable", "loggerState", Map.of()).getException());
        stoppable.close();
        for (int i = 0; i < 3; i++) {
            ArangoConnectionException down = assertInstanceOf(ArangoConnectionException.class,
                    call("direct:stoppable", "walLastTick", Map.of()).getException());
            assertEquals(0, down.getStatus());
            assertTrue(down.getMessage().contains("127.0.0.1:" + port), down.getMessage());
            assertFalse(down.getMessage().contains("secret"), down.getMessage());
        }
        stoppable = ArangoEmulator.builder().authentication("root", "secret").port(port).build().start();
        assertPoolStillUsable("direct:stoppable");
    }
}
