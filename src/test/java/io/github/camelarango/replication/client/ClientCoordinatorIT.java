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

import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.EmulatorRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A coordinator: clusterInventory and logger-state are served, the WAL API is refused, forwarding needs a DB-Server. */
class ClientCoordinatorIT {

    @ParameterizedTest
    @ValueSource(strings = { "3.11.4", "3.12.10" })
    void coordinatorPersonality(String version) {
        try (ArangoEmulator emulator = ArangoEmulator.builder().version(version).role(EmulatorRole.COORDINATOR)
                .authentication("root", "secret").build().start();
             HttpArangoReplicationClient client = new HttpArangoReplicationClient(
                     ArangoClientConfiguration.builder(emulator.url()).password("secret").build())) {
            new EmulatorAdmin(emulator.url(), "root", "secret").createCollection("_system", "products");
            assertEquals(ServerRole.COORDINATOR, client.serverInfo().role());

            ClusterInventory inventory = client.clusterInventory(false);
            assertTrue(inventory.collections().stream().anyMatch(c -> "products".equals(c.name())), inventory.raw().toString());
            assertEquals(version, client.loggerState().server().version());

            for (Runnable walCall : new Runnable[] { client::walRange, client::walLastTick,
                    () -> client.walTail(WalTailRequest.from(0)).close(),
                    () -> client.walOpenTransactions(WalOpenTransactionsRequest.all()) }) {
                ArangoOperationUnavailableException e = assertThrows(ArangoOperationUnavailableException.class, walCall::run);
                assertTrue(e.getMessage().contains("(role COORDINATOR): not served by a coordinator"), e.getMessage());
            }
            ArangoOperationUnavailableException dump = assertThrows(ArangoOperationUnavailableException.class,
                    () -> client.createDumpBatch(CreateDumpBatchRequest.ofTtl(60)));
            assertTrue(dump.getMessage().endsWith("set dbServer on the request"), dump.getMessage());
            assertEquals(0, client.leasedConnections());
        }
    }
}
