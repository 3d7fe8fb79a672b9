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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import com.arangodb.model.CollectionCreateOptions;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topology read through a Coordinator: DB-Servers, shards to collections by the Plan, leaders as Current has them. */
class ClusterTopologyIT {

    private static final String DB = "shop";

    @Test
    void readsServersShardsAndCurrentLeaders() throws Exception {
        try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(3)
                .failoverDelay(Duration.ofMillis(300)).authentication("root", "pw").build().start()) {
            ArangoDB arango = new ArangoDB.Builder().host("127.0.0.1", cluster.coordinator().port())
                    .protocol(Protocol.HTTP_JSON).user("root").password("pw").build();
            String planId;
            try {
                arango.db(DB).create();
                arango.db(DB).createCollection("orders",
                        new CollectionCreateOptions().numberOfShards(3).replicationFactor(2));
                arango.db(DB).createCollection("customers",
                        new CollectionCreateOptions().numberOfShards(2).replicationFactor(2));
                planId = arango.db(DB).collection("orders").getInfo().getId();
            } finally {
                arango.shutdown();
            }
            try (HttpArangoReplicationClient coordinator = new HttpArangoReplicationClient(
                    ArangoClientConfiguration.builder(cluster.coordinator().url()).database(DB).password("pw")
                            .build())) {
                ClusterTopology topology = ClusterTopology.read(coordinator, false);

                assertEquals(Set.copyOf(cluster.dbServerIds()), topology.dbServers().keySet());
                for (String id : cluster.dbServerIds()) {
                    ClusterTopology.DbServer server = topology.dbServer(id).orElseThrow();
                    assertEquals(cluster.dbServer(id).url(), server.endpoint().toString(), "tcp:// read as http://");
                    assertTrue(server.isGood());
                    assertTrue(server.shortName().startsWith("DBServer"), server.shortName());
                }
                assertEquals(Set.of("orders", "customers"), topology.collections().keySet());
                ClusterTopology.ShardedCollection orders = topology.collections().get("orders");
                assertEquals(planId, orders.planId());
                Map<String, List<String>> expected = cluster.shards(DB, "orders");
                assertEquals(expected.keySet(), orders.shards().stream().map(ClusterTopology.Shard::name)
                        .collect(Collectors.toSet()));
                for (ClusterTopology.Shard shard : orders.shards()) {
                    List<String> servers = expected.get(shard.name());
                    assertEquals("orders", shard.collection());
                    assertEquals(servers.get(0), shard.leader(), shard.name());
                    assertEquals(servers.subList(1, servers.size()), shard.followers(), shard.name());
                    assertEquals(shard, topology.shard(shard.name()).orElseThrow());
                }
                String leader = orders.shards().get(0).leader();
                assertEquals(orders.shards().stream().filter(s -> s.leader().equals(leader)).toList(),
                        topology.shardsLedBy(leader, List.of("orders")));

                cluster.failDbServer(leader);
                ClusterTopology failing = ClusterTopology.read(coordinator, false);
                assertEquals("BAD", failing.dbServer(leader).orElseThrow().status());
                assertEquals(leader, failing.collections().get("orders").shards().get(0).leader(),
                        "before the fail-over delay the failed server still leads in Current");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                ClusterTopology after = failing;
                while (after.shardsLedBy(leader, List.of("orders", "customers")).size() > 0
                       && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    after = ClusterTopology.read(coordinator, false);
                }
                ClusterTopology.Shard moved = after.collections().get("orders").shards().get(0);
                assertNotEquals(leader, moved.leader(), "the first in-sync follower leads in Current");
                assertEquals(expected.get(moved.name()).get(1), moved.leader());
                assertEquals("FAILED", after.dbServer(leader).orElseThrow().status());
            }
        }
    }
}
