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
package io.github.camelarango.replication.cdc.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.arangodb.ArangoDatabase;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.DocumentDeleteOptions;
import com.arangodb.model.StreamTransactionOptions;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.ReplayedState;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.COLLECTIONS;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.DB;
import static io.github.camelarango.replication.cdc.cluster.ClusterFixture.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream transactions written through the Coordinator (one transaction per involved DB-Server, replicated to the
 * followers at the commit): each of their changes is captured once, from its shard's leader, as part of that leader's
 * transaction; an aborted one delivers nothing.
 */
class ClusterTransactionCaptureIT {

    @Test
    void aCommittedTransactionIsCapturedOnceFromTheLeadersAndAnAbortedOneNotAtAll() {
        try (ClusterFixture fixture = new ClusterFixture(Duration.ofSeconds(30));
             ClusterChangeStream stream = fixture.stream()) {
            fixture.randomWrites(30);
            ReplayedState replica = new ReplayedState();
            fixture.catchUp(stream, replica);
            ArangoDatabase db = fixture.driver.db(DB);
            String doomed = fixture.truth().get("orders").keySet().iterator().next();

            String aborted = db.beginStreamTransaction(new StreamTransactionOptions().writeCollections("orders"))
                    .getId();
            db.collection("orders").insertDocument(Map.of("_key", "aborted"),
                    new DocumentCreateOptions().streamTransactionId(aborted));
            db.abortStreamTransaction(aborted);
            String committed = db.beginStreamTransaction(new StreamTransactionOptions()
                    .writeCollections(COLLECTIONS.toArray(String[]::new))).getId();
            DocumentCreateOptions inTx = new DocumentCreateOptions().streamTransactionId(committed);
            for (int i = 0; i < 15; i++) {
                db.collection(COLLECTIONS.get(i % 2)).insertDocument(Map.of("_key", "t" + i, "n", i), inTx);
            }
            db.collection("orders").deleteDocument(doomed, new DocumentDeleteOptions().streamTransactionId(committed));
            db.commitStreamTransaction(committed);

            List<ChangeEvent> delivered = fixture.catchUp(stream, replica);
            assertEquals(fixture.truth(), state(replica));
            Map<String, String> leaders = new HashMap<>();
            for (String collection : COLLECTIONS) {
                fixture.cluster.shards(DB, collection).forEach((shard, servers) -> leaders.put(shard, servers.get(0)));
            }
            Set<String> changes = new HashSet<>();
            Map<String, String> transactionOfServer = new HashMap<>();
            for (ChangeEvent event : delivered) {
                assertTrue(changes.add(event.collection() + "/" + event.key() + " " + event.type()),
                        "delivered once: " + event);
                assertEquals(leaders.get(event.origin().shard()), event.origin().serverId(), "from the leader: " + event);
                assertNotNull(event.transactionId(), "part of its leader's transaction: " + event);
                assertEquals(transactionOfServer.computeIfAbsent(event.origin().serverId(), s -> event.transactionId()),
                        event.transactionId(), "one transaction per DB-Server: " + event);
            }
            assertEquals(16, delivered.size(), "15 inserts and a delete, nothing of the aborted transaction: "
                                               + delivered);
            assertTrue(changes.contains("orders/" + doomed + " " + ChangeType.DELETE), changes.toString());
        }
    }
}
