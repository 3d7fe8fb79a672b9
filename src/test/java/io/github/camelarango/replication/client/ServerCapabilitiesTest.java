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
package io.github.camelarango.replication.client;

import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.client.ReplicationOperation.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCapabilitiesTest {

    private static ServerInfo server(String version, ServerRole role) {
        return new ServerInfo(ArangoVersion.parse(version), role, null, null);
    }

    private static String reason(ReplicationOperation operation, String version, ServerRole role) {
        return ServerCapabilities.reasonUnavailable(operation, server(version, role), false);
    }

    @Test
    void everythingIsThereOn311Single() {
        for (ReplicationOperation operation : ReplicationOperation.values()) {
            if (operation != CLUSTER_INVENTORY) {
                assertNull(reason(operation, "3.11.4", ServerRole.SINGLE), operation.operationName());
            }
        }
        assertNull(reason(APPLIER_STATE, "3.12.9", ServerRole.SINGLE));
        assertNull(reason(LOGGER_FIRST_TICK, "3.12.0-devel", ServerRole.SINGLE));
    }

    @Test
    void removalsOf31210NameTheReplacement() {
        assertEquals("removed in 3.12.10; use walRange (tickMin is the first tick)",
                reason(LOGGER_FIRST_TICK, "3.12.10", ServerRole.SINGLE));
        for (ReplicationOperation operation : new ReplicationOperation[] { APPLIER_CONFIG, SET_APPLIER_CONFIG,
                APPLIER_STATE, START_APPLIER, STOP_APPLIER, MAKE_FOLLOWER }) {
            assertTrue(reason(operation, "3.12.10", ServerRole.SINGLE).contains("removed in 3.12.10"), operation.name());
            assertTrue(reason(operation, "4.0.0", ServerRole.SINGLE).contains("walTail"), operation.name());
        }
        assertTrue(reason(SYNCHRONIZE, "3.12.11", ServerRole.SINGLE).contains("createDumpBatch"));
        assertTrue(reason(SERVER_ID, "4.0.1", ServerRole.SINGLE).contains("walRange"));
        assertTrue(reason(LOGGER_TICK_RANGES, "3.12.10", ServerRole.SINGLE).contains("walRange"));
        assertNull(reason(WAL_OPEN_TRANSACTIONS, "3.12.10", ServerRole.SINGLE));
        assertTrue(reason(WAL_OPEN_TRANSACTIONS, "4.0.0", ServerRole.SINGLE).startsWith("removed in 4.0"));
        for (ReplicationOperation kept : new ReplicationOperation[] { INVENTORY, DUMP, CREATE_DUMP_BATCH, WAL_TAIL,
                WAL_RANGE, WAL_LAST_TICK, LOGGER_STATE, REVISION_TREE }) {
            assertNull(reason(kept, "4.0.0", ServerRole.SINGLE), kept.name());
        }
    }

    @Test
    void coordinatorRules() {
        assertEquals("not served by a coordinator (501, errorNum 1470); call a DB-Server or a single server",
                reason(WAL_TAIL, "3.11.4", ServerRole.COORDINATOR));
        assertTrue(reason(LOGGER_FIRST_TICK, "3.11.4", ServerRole.COORDINATOR).startsWith("not served by a coordinator"));
        assertNull(reason(CLUSTER_INVENTORY, "3.11.4", ServerRole.COORDINATOR));
        assertNull(reason(LOGGER_STATE, "3.11.4", ServerRole.COORDINATOR));
        assertEquals("a coordinator forwards it to a DB-Server: set dbServer on the request",
                reason(DUMP, "3.11.4", ServerRole.COORDINATOR));
        assertNull(ServerCapabilities.reasonUnavailable(DUMP, server("3.11.4", ServerRole.COORDINATOR), true));
        assertTrue(reason(CLUSTER_INVENTORY, "3.11.4", ServerRole.SINGLE).startsWith("only served by a coordinator"));
        assertNull(reason(CLUSTER_INVENTORY, "3.11.4", ServerRole.UNKNOWN), "unknown role: let the server decide");
    }

    @Test
    void theExceptionMessageNamesOperationVersionRoleAndReplacement() {
        ServerCapabilities capabilities = new ServerCapabilities(() -> server("3.12.10", ServerRole.SINGLE));
        ArangoOperationUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(
                ArangoOperationUnavailableException.class, () -> capabilities.require(LOGGER_FIRST_TICK, false));
        assertEquals("loggerFirstTick is not available on ArangoDB 3.12.10 (role SINGLE): removed in 3.12.10; use"
                     + " walRange (tickMin is the first tick)", e.getMessage());
        assertEquals("loggerFirstTick", e.getOperation());
        assertEquals(0, e.getStatus());
    }

    @Test
    void makeFollowerPathDependsOnVersion() {
        assertEquals("/_api/replication/make-follower",
                new ServerCapabilities(() -> server("3.11.4", ServerRole.SINGLE)).makeFollowerPath());
        assertEquals("/_api/replication/make-slave",
                new ServerCapabilities(() -> server("3.7.2", ServerRole.SINGLE)).makeFollowerPath());
    }
}
