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

import java.time.Duration;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.EmulatorRole;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JWT expiry on the server's clock, injected 5xx, cut connections and delays: clear errors, no leaked connections. */
class ClientFaultsIT {

    private static ArangoEmulator start() {
        return ArangoEmulator.builder().version("3.12.4").role(EmulatorRole.SINGLE).authentication("root", "secret")
                .jwtLifetime(Duration.ofMinutes(5)).build().start();
    }

    @Test
    void jwtExpiredOnTheServerIsRenewedOnce() {
        try (ArangoEmulator emulator = start();
             HttpArangoReplicationClient client = new HttpArangoReplicationClient(ArangoClientConfiguration
                     .builder(emulator.url()).password("secret")
                     .authentication(ArangoClientConfiguration.Authentication.JWT).build())) {
            long before = client.walLastTick().tick();
            try (HttpArangoReplicationClient staticToken = new HttpArangoReplicationClient(ArangoClientConfiguration
                    .builder(emulator.url()).user(null).jwt(emulator.issueJwt()).build())) {
                assertEquals(before, staticToken.walLastTick().tick());
                emulator.clock().advance(Duration.ofHours(2));
                ArangoReplicationException expired = assertThrows(ArangoReplicationException.class,
                        staticToken::walLastTick, "the server rejects the expired token");
                assertEquals(401, expired.getStatus());
            }
            assertEquals(before, client.walLastTick().tick(), "the expired token was replaced after the 401");
        }
    }

    @Test
    void wrongPasswordIsA401WithoutThePassword() {
        try (ArangoEmulator emulator = start();
             HttpArangoReplicationClient client = new HttpArangoReplicationClient(ArangoClientConfiguration
                     .builder(emulator.url()).password("wrong-pass").build())) {
            ArangoReplicationException e = assertThrows(ArangoReplicationException.class, client::loggerState);
            assertEquals(401, e.getStatus());
            assertFalse(e.getMessage().contains("wrong-pass"));
        }
    }

    @Test
    void injectedFaultsBecomeClearErrorsAndLeakNothing() {
        try (ArangoEmulator emulator = start();
             HttpArangoReplicationClient client = new HttpArangoReplicationClient(ArangoClientConfiguration
                     .builder(emulator.url()).password("secret").responseTimeout(Duration.ofMillis(700)).build())) {
            EmulatorAdmin admin = new EmulatorAdmin(emulator.url(), "root", "secret");
            admin.createCollection("_system", "products");
            for (int i = 0; i < 200; i++) {
                admin.insert("_system", "products", "{\"i\":" + i + ",\"pad\":\"" + "y".repeat(100) + "\"}");
            }
            client.serverInfo();

            emulator.faults().failNext("GET", "/_api/wal/tail", 503, 503, 1);
            ArangoReplicationException unavailable = assertThrows(ArangoReplicationException.class,
                    () -> client.walTail(WalTailRequest.from(1)));
            assertEquals(503, unavailable.getStatus());
            assertEquals(503, unavailable.getErrorNum());

            DumpBatch batch = client.createDumpBatch(CreateDumpBatchRequest.ofTtl(60));
            emulator.faults().cutAfterBytes("GET", "/_api/replication/dump", 1000, 1);
            try (DumpResponse chunk = client.dump(new DumpRequest("products", batch.id(), 1_000_000L, false, null))) {
                Iterator<JsonNode> documents = chunk.documents();
                ArangoConnectionException cut = assertThrows(ArangoConnectionException.class, () -> {
                    while (documents.hasNext()) {
                        documents.next();
                    }
                });
                assertTrue(cut.getMessage().startsWith("dump failed: GET /_db/_system/_api/replication/dump -> no response"
                                                       + " from 127.0.0.1:" + emulator.port()), cut.getMessage());
            }
            assertEquals(0, client.leasedConnections());

            emulator.faults().delay("GET", "/_api/wal/lastTick", Duration.ofSeconds(2), 1);
            assertThrows(ArangoConnectionException.class, client::walLastTick);
            assertEquals(0, client.leasedConnections());
            assertEquals(emulator.lastTick(), client.walLastTick().tick(), "the client works after the faults");
        }
    }
}
