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

import java.util.List;

import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.EmulatorRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations removed in 3.12.10 (logger ticks, server-id, applier, make-follower, sync) and the revision API: served
 * by 3.11 and 3.12.0-3.12.9, refused by the client on 3.12.10 before any request.
 */
class ClientLegacyOperationsIT {

    private static ArangoEmulator start(String version) {
        return ArangoEmulator.builder().version(version).role(EmulatorRole.SINGLE).authentication("root", "secret").build()
                .start();
    }

    private static HttpArangoReplicationClient client(ArangoEmulator emulator) {
        return new HttpArangoReplicationClient(ArangoClientConfiguration.builder(emulator.url()).password("secret").build());
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.11.4", "3.12.4" })
    void loggerTicksAndServerId(String version) {
        try (ArangoEmulator emulator = start(version); HttpArangoReplicationClient client = client(emulator)) {
            new EmulatorAdmin(emulator.url(), "root", "secret").createCollection("_system", "c");
            WalRange range = client.walRange();
            LoggerFirstTick first = client.loggerFirstTick();
            assertEquals(range.tickMin(), first.firstTick());
            LoggerTickRanges files = client.loggerTickRanges();
            assertFalse(files.files().isEmpty());
            WalFileTickRange newest = files.files().get(files.files().size() - 1);
            assertEquals(range.tickMax(), newest.tickMax());
            assertEquals(emulator.serverId(), client.serverId().serverId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.11.4", "3.12.4" })
    void applierConfigStateStartStop(String version) {
        try (ArangoEmulator leader = start(version); ArangoEmulator follower = start(version);
             HttpArangoReplicationClient client = client(follower)) {
            ApplierConfig defaults = client.applierConfig(false);
            assertEquals(600.0, defaults.requestTimeout());
            assertEquals(Boolean.TRUE, defaults.adaptivePolling());
            assertEquals("", defaults.restrictType());

            ApplierConfig stored = client.setApplierConfig(ApplierConfig.builder()
                    .endpoint(leader.url().replace("http://", "tcp://")).username("root").password("secret")
                    .chunkSize(4194304L).autoStart(false).build(), false);
            assertEquals(4194304L, stored.chunkSize());
            assertNull(stored.password(), "the password is write-only");
            assertEquals("_system", stored.database());

            ApplierState idle = client.applierState(false);
            assertFalse(idle.state().running());
            ApplierState started = client.startApplier(null, false);
            assertTrue(started.state().running());
            ApplierState stopped = client.stopApplier(false);
            assertFalse(stopped.state().running());
            assertEquals(follower.serverId(), stopped.server().serverId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.11.4", "3.12.4" })
    void synchronizeAndMakeFollowerCopyTheLeader(String version) {
        try (ArangoEmulator leader = start(version); ArangoEmulator follower = start(version);
             HttpArangoReplicationClient client = client(follower)) {
            EmulatorAdmin admin = new EmulatorAdmin(leader.url(), "root", "secret");
            admin.createCollection("_system", "products");
            for (int i = 0; i < 5; i++) {
                admin.insert("_system", "products", "{\"i\":" + i + "}");
            }
            String endpoint = leader.url().replace("http://", "tcp://");
            SyncResult sync = client.synchronize(new SyncRequest(endpoint, "_system", "root", "secret", false, null, null,
                    null, null));
            assertTrue(sync.collections().stream().anyMatch(c -> "products".equals(c.path("name").asText())));
            assertEquals(leader.documents("_system", "products").keySet(),
                    follower.documents("_system", "products").keySet());

            ApplierState following = client.makeFollower(ApplierConfig.builder().endpoint(endpoint).username("root")
                    .password("secret").includeSystem(false).build());
            assertTrue(following.state().running(), following.raw().toString());
            client.stopApplier(false);
        }
    }

    @Test
    void revisionTreeRangesAndDocuments() {
        try (ArangoEmulator emulator = start("3.11.4"); HttpArangoReplicationClient client = client(emulator)) {
            EmulatorAdmin admin = new EmulatorAdmin(emulator.url(), "root", "secret");
            admin.createCollection("_system", "products");
            for (int i = 0; i < 3; i++) {
                admin.insert("_system", "products", "{\"i\":" + i + "}");
            }
            DumpBatch batch = client.createDumpBatch(CreateDumpBatchRequest.ofTtl(60));
            RevisionTree tree = client.revisionTree(new RevisionTreeRequest("products", batch.id(), null));
            assertEquals(3L, tree.count());
            RevisionRanges ranges = client.revisionRanges(new RevisionRangesRequest("products", batch.id(),
                    List.of(new RevisionRange(tree.rangeMin(), tree.rangeMax())), null));
            List<String> revisions = ranges.ranges().get(0);
            assertEquals(3, revisions.size());
            RevisionDocuments documents = client.revisionDocuments(new RevisionDocumentsRequest("products", batch.id(),
                    revisions));
            assertEquals(3, documents.documents().size());
            assertEquals(revisions.get(0), documents.documents().get(0).path("_rev").asText());
            client.deleteDumpBatch(DeleteDumpBatchRequest.of(batch.id()));
        }
    }

    @Test
    void removedOperationsAreRefusedOn31210WithTheirReplacement() {
        try (ArangoEmulator emulator = start("3.12.10"); HttpArangoReplicationClient client = client(emulator)) {
            ApplierConfig config = ApplierConfig.builder().endpoint("tcp://127.0.0.1:1").build();
            List<Runnable> removed = List.of(client::loggerFirstTick, client::loggerTickRanges, client::serverId,
                    () -> client.applierConfig(false), () -> client.setApplierConfig(config, false),
                    () -> client.applierState(false), () -> client.startApplier(null, false),
                    () -> client.stopApplier(false), () -> client.makeFollower(config),
                    () -> client.synchronize(new SyncRequest("tcp://127.0.0.1:1", null, null, null, null, null, null,
                            null, null)));
            for (Runnable call : removed) {
                ArangoOperationUnavailableException e = assertThrows(ArangoOperationUnavailableException.class, call::run);
                assertTrue(e.getMessage().contains("ArangoDB 3.12.10 (role SINGLE): removed in 3.12.10"), e.getMessage());
            }
            assertEquals(emulator.lastTick(), client.walRange().tickMax(), "the replacement works");
        }
    }
}
