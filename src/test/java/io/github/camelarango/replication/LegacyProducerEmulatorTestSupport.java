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
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelarango.replication.client.ApplierConfig;
import io.github.camelarango.replication.client.ApplierState;
import io.github.camelarango.replication.client.LoggerFirstTick;
import io.github.camelarango.replication.client.LoggerTickRanges;
import io.github.camelarango.replication.client.OpenTransactions;
import io.github.camelarango.replication.client.ReplicationServerId;
import io.github.camelarango.replication.client.SyncResult;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.ArangoReplicationConstants.AUTO_START;
import static io.github.camelarango.replication.ArangoReplicationConstants.CHUNK_SIZE;
import static io.github.camelarango.replication.ArangoReplicationConstants.LEADER_ENDPOINT;
import static io.github.camelarango.replication.ArangoReplicationConstants.LEADER_PASSWORD;
import static io.github.camelarango.replication.ArangoReplicationConstants.LEADER_USER;
import static io.github.camelarango.replication.ArangoReplicationConstants.RESTRICT_COLLECTIONS;
import static io.github.camelarango.replication.ArangoReplicationConstants.RESTRICT_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations that servers before 3.12.10 still have: logger ticks, server id, open transactions and the
 * leader/follower applier, synchronize and makeSlave pulling from a second server.
 */
abstract class LegacyProducerEmulatorTestSupport extends ProducerEmulatorTestSupport {

    @Test
    void loggerTicksServerIdAndOpenTransactions() {
        collectionWith(1);
        LoggerFirstTick first = okBody("loggerFirstTick", Map.of(), LoggerFirstTick.class);
        assertNotNull(first.firstTick());
        LoggerTickRanges ranges = okBody("loggerTickRanges", Map.of(), LoggerTickRanges.class);
        assertFalse(ranges.files().isEmpty());
        assertTrue(Long.compareUnsigned(ranges.files().get(0).tickMin(), ranges.files().get(0).tickMax()) <= 0);
        ReplicationServerId serverId = okBody("serverId", Map.of(), ReplicationServerId.class);
        assertEquals(server().emulator().serverId(), serverId.serverId());
        OpenTransactions open = okBody("walOpenTransactions", Map.of(), OpenTransactions.class);
        assertEquals(List.of(), open.transactionIds(), "RocksDB logs only committed transactions");
    }

    @Test
    void applierConfigurationRoundTrip() {
        Map<String, Object> settings = Map.of(LEADER_ENDPOINT, "tcp://127.0.0.1:1", LEADER_USER, "replicator",
                LEADER_PASSWORD, "applier1234", AUTO_START, false, RESTRICT_TYPE, "include", RESTRICT_COLLECTIONS,
                "a,b", CHUNK_SIZE, 4194304);
        ApplierConfig stored = okBody("setApplierConfig", settings, ApplierConfig.class);
        assertEquals("tcp://127.0.0.1:1", stored.endpoint());
        assertEquals("replicator", stored.username());
        assertNull(stored.password(), "the server never echoes the password");
        assertEquals(List.of("a", "b"), stored.restrictCollections());
        assertEquals(4194304L, stored.chunkSize());
        assertEquals(Boolean.FALSE, stored.autoStart());

        ApplierConfig read = okBody("applierConfig", Map.of(), ApplierConfig.class);
        assertEquals(stored.endpoint(), read.endpoint());
        assertEquals(stored.restrictCollections(), read.restrictCollections());
        ApplierState state = okBody("applierState", Map.of(), ApplierState.class);
        assertFalse(state.state().running());
    }

    @Test
    void synchronizeAndMakeSlavePullFromALeader() {
        try (ArangoEmulator leader = ArangoEmulator.builder().version(server().emulator().version())
                .authentication("root", "leaderSecret").build().start()) {
            EmulatorAdmin leaderDocuments = new EmulatorAdmin(leader.url(), "root", "leaderSecret");
            leaderDocuments.createCollection("_system", "shipments");
            for (String key : List.of("s1", "s2", "s3")) {
                leaderDocuments.insert("_system", "shipments", Map.of("_key", key));
            }
            Map<String, Object> leaderSettings = new HashMap<>(Map.of(LEADER_ENDPOINT, "tcp://127.0.0.1:" + leader.port(),
                    LEADER_USER, "root", LEADER_PASSWORD, "leaderSecret", RESTRICT_TYPE, "include",
                    RESTRICT_COLLECTIONS, "shipments"));

            SyncResult sync = okBody("synchronize", leaderSettings, SyncResult.class);
            assertTrue(Long.compareUnsigned(sync.lastLogTick(), 0) > 0);
            assertEquals(Set.of("s1", "s2", "s3"), server().emulator().documents("_system", "shipments").keySet());

            ApplierState following = okBody("makeSlave", leaderSettings, ApplierState.class);
            assertTrue(following.state().running(), "makeSlave leaves the applier tailing the leader");
            ApplierState stopped = okBody("stopApplier", Map.of(), ApplierState.class);
            assertFalse(stopped.state().running());
            ApplierState restarted = okBody("startApplier", Map.of(), ApplierState.class);
            assertTrue(restarted.state().running());
            assertFalse(okBody("stopApplier", Map.of(), ApplierState.class).state().running());
        }
    }
}
