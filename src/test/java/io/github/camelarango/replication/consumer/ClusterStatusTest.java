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
package io.github.camelarango.replication.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A cluster consumer's figures per DB-Server and shard: each shard under the server it is read from, with that
 * server's lag; a server counts as unreachable too long only once dbServerUnreachableTimeout passed.
 */
class ClusterStatusTest {

    private static final Instant FAILED = Instant.parse("2026-12-07T10:00:00Z");

    private final ClusterStatus status = ClusterStatus.of(
            Map.of("PRMR-a", new ChangeStreamMetrics(), "PRMR-b", new ChangeStreamMetrics()),
            Map.of("PRMR-a", Map.of("s10004", "customers", "s10001", "orders"), "PRMR-b", Map.of("s10002", "orders")),
            Map.of("PRMR-b", FAILED), Duration.ofSeconds(15));

    @Test
    void everyShardIsUnderTheServerItIsReadFrom() {
        assertEquals(Map.of("s10001", new ClusterStatus.Shard("orders", "PRMR-a", 0),
                "s10002", new ClusterStatus.Shard("orders", "PRMR-b", 0),
                "s10004", new ClusterStatus.Shard("customers", "PRMR-a", 0)), status.shards());
        assertEquals(java.util.List.of("s10001", "s10004"), status.servers().get("PRMR-a").shards());
        assertNull(status.servers().get("PRMR-a").unreachableSince());
        assertEquals(FAILED, status.servers().get("PRMR-b").unreachableSince());
        assertEquals(", committed 0 of 0 (lag 0), shards s10002, unreachable since 2026-12-07T10:00:00Z",
                status.describeServers().get("PRMR-b"));
        assertEquals("customers on PRMR-a (lag 0)", status.describeShards().get("s10004"));
    }

    @Test
    void aServerIsUnreachableTooLongOnlyAfterTheTimeout() {
        assertEquals(Map.of(), status.unreachableTooLong(FAILED.plusSeconds(15)));
        assertEquals(Map.of("PRMR-b", FAILED), status.unreachableTooLong(FAILED.plusSeconds(16)));
    }

    @Test
    void theConsumerStatusShowsThemAmongItsFigures() {
        ConsumerStatus consumer = ConsumerStatus.of("cluster", new ChangeStreamMetrics(), null, status);
        assertEquals(status.describeServers(), consumer.figures().get("dbServers"));
        assertEquals(status.describeShards(), consumer.figures().get("shards"));
        ConsumerStatus single = ConsumerStatus.of("single", new ChangeStreamMetrics(), null);
        assertNull(single.figures().get("dbServers"));
    }
}
