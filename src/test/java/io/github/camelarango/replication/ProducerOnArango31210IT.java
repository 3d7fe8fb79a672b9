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

import java.util.List;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoOperationUnavailableException;
import io.github.camelarango.replication.client.OpenTransactions;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelarango.replication.ArangoReplicationConstants.LEADER_ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer against ArangoDB 3.12.10, which removed the applier, logger tick, server-id, sync and make-follower
 * endpoints: snapshot, WAL and revision operations work, the removed ones fail with the client's clear refusal
 * before any request.
 */
class ProducerOnArango31210IT extends ProducerEmulatorTestSupport {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER
            = ArangoEmulatorExtension.create(builder -> builder.version("3.12.10").authentication("root", "secret"));

    @Override
    protected ArangoEmulatorExtension server() {
        return SERVER;
    }

    @Test
    void removedOperationsAreRefusedClearly() {
        for (String operation : List.of("loggerFirstTick", "loggerTickRanges", "serverId", "applierConfig",
                "setApplierConfig", "applierState", "startApplier", "stopApplier", "makeSlave", "makeFollower",
                "synchronize")) {
            Exchange exchange = call("direct:replication", operation, null, Map.of(LEADER_ENDPOINT, "tcp://127.0.0.1:1"));
            ArangoOperationUnavailableException refused
                    = assertInstanceOf(ArangoOperationUnavailableException.class, exchange.getException(), operation);
            String message = refused.getMessage();
            assertTrue(message.contains("3.12.10"), message);
            assertTrue(message.contains(operation) || operation.equals("makeSlave") && message.contains("makeFollower"),
                    message);
            assertEquals(0, refused.getStatus(), "refused before sending: " + message);
        }
    }

    @Test
    void openTransactionsStillExist() {
        assertEquals(List.of(), okBody("walOpenTransactions", Map.of(), OpenTransactions.class).transactionIds());
    }
}
