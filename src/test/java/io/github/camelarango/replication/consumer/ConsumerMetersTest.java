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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelarango.replication.cdc.ChangeStreamMetrics.CollectionProgress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meters read the consumer's status at each publication, and go when the consumer stops. */
class ConsumerMetersTest {

    private final AtomicReference<ConsumerStatus> status = new AtomicReference<>(status("100", "130", Map.of(),
            Map.of("orders", new CollectionProgress(40, false, OptionalLong.of(90)),
                    "lines", new CollectionProgress(7, true)), 0));
    private final ConsumerStatus.Source consumer = status::get;

    @Test
    void metersShowTheFiguresOfTheStatusAsTheyAreNow() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext camel = camel("shop", registry)) {
            AutoCloseable meters = ConsumerMetersBinding.bind(camel, "order-changes", consumer);

            assertEquals(100, gauge(registry, ConsumerMeters.COMMITTED_TICK));
            assertEquals(130, gauge(registry, ConsumerMeters.SERVER_LAST_TICK));
            assertEquals(30, gauge(registry, ConsumerMeters.LAG_TICKS));
            assertEquals(47, gauge(registry, ConsumerMeters.SNAPSHOT_DOCUMENTS_READ));
            assertEquals(2, gauge(registry, ConsumerMeters.SNAPSHOT_COLLECTIONS));
            assertEquals(1, gauge(registry, ConsumerMeters.SNAPSHOT_COLLECTIONS_COMPLETED));
            assertEquals(0, events(registry, "UPSERT"));

            status.set(status("135", "135", Map.of("SNAPSHOT_READ", 90L, "UPSERT", 3L, "DELETE", 1L),
                    Map.of("orders", new CollectionProgress(90, true, OptionalLong.of(90))), 1));

            assertEquals(135, gauge(registry, ConsumerMeters.COMMITTED_TICK));
            assertEquals(0, gauge(registry, ConsumerMeters.LAG_TICKS));
            assertEquals(90, events(registry, "SNAPSHOT_READ"));
            assertEquals(3, events(registry, "UPSERT"));
            assertEquals(1, events(registry, "DELETE"));
            assertEquals(0, events(registry, "GAP"));
            assertEquals(90, gauge(registry, ConsumerMeters.SNAPSHOT_DOCUMENTS_READ));
            assertEquals(1, gauge(registry, ConsumerMeters.SNAPSHOT_COLLECTIONS_COMPLETED));
            assertEquals(1, registry.get(ConsumerMeters.POSITION_LOST).functionCounter().count());
            assertEquals("shop", registry.get(ConsumerMeters.COMMITTED_TICK).gauge().getId().getTag("camelContext"));

            meters.close();
            assertNull(registry.find(ConsumerMeters.COMMITTED_TICK).gauge(), "removed when the consumer stops");
            assertTrue(registry.getMeters().isEmpty(), registry.getMeters().toString());
        }
    }

    @Test
    void aClustersDbServersAndShardsHaveGaugesWhileTheStreamReadsThem() throws Exception {
        Map<String, Map<String, String>> shardsByServer = Map.of(
                "PRMR-a", Map.of("s1", "orders", "s4", "customers"), "PRMR-b", Map.of("s2", "orders"));
        status.set(cluster(new ClusterStatus.Server("TAIL", "120", "135", 15, List.of("s1", "s4"), null),
                new ClusterStatus.Server("SNAPSHOT", "40", "40", 0, List.of("s2"), Instant.EPOCH)));
        MeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext camel = camel("shop", registry)) {
            ConsumerMetersBinding.Meters meters = ConsumerMetersBinding.bind(camel, "order-changes", consumer);
            int routeMeters = registry.getMeters().size();
            assertNull(registry.find(ConsumerMeters.DB_SERVER_LAG_TICKS).gauge(), "none before the stream started");

            meters.followCluster(shardsByServer);
            assertEquals(120, server(registry, ConsumerMeters.DB_SERVER_COMMITTED_TICK, "PRMR-a"));
            assertEquals(135, server(registry, ConsumerMeters.DB_SERVER_LAST_TICK, "PRMR-a"));
            assertEquals(15, server(registry, ConsumerMeters.DB_SERVER_LAG_TICKS, "PRMR-a"));
            assertEquals(0, server(registry, ConsumerMeters.DB_SERVER_SNAPSHOT, "PRMR-a"));
            assertEquals(0, server(registry, ConsumerMeters.DB_SERVER_UNREACHABLE, "PRMR-a"));
            assertEquals(1, server(registry, ConsumerMeters.DB_SERVER_SNAPSHOT, "PRMR-b"));
            assertEquals(1, server(registry, ConsumerMeters.DB_SERVER_UNREACHABLE, "PRMR-b"));
            assertEquals(15, shard(registry, "s4", "customers", "PRMR-a"));
            assertEquals(0, shard(registry, "s2", "orders", "PRMR-b"));
            assertEquals(3, registry.find(ConsumerMeters.SHARD_LAG_TICKS).gauges().size());
            assertEquals(2 * 5 + 3, registry.getMeters().size() - routeMeters);

            meters.followCluster(Map.of("PRMR-a", Map.of("s1", "orders", "s4", "customers")));
            assertTrue(registry.find(ConsumerMeters.DB_SERVER_LAG_TICKS).tag("dbServer", "PRMR-b").gauges().isEmpty(),
                    "a DB-Server the stream no longer reads has no gauges");
            assertEquals(5 + 2, registry.getMeters().size() - routeMeters);

            meters.followCluster(Map.of());
            assertEquals(routeMeters, registry.getMeters().size(), "the stream closed: its gauges went with it");
            meters.followCluster(shardsByServer);
            meters.close();
            assertTrue(registry.getMeters().isEmpty(), "no gauge of a stopped consumer stays: " + registry.getMeters());
            meters.followCluster(shardsByServer);
            assertTrue(registry.getMeters().isEmpty(), "a last poll after the stop registers none");
        }
    }

    @Test
    void ticksBeyondTheLongRangeAreShownUnsigned() throws Exception {
        status.set(status("18446744073709551615", "18446744073709551615", Map.of(), Map.of(), 0));
        MeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext camel = camel("shop", registry)) {
            ConsumerMetersBinding.bind(camel, "order-changes", consumer);
            assertEquals(1.8446744073709552E19, gauge(registry, ConsumerMeters.COMMITTED_TICK));
        }
    }

    @Test
    void amongSeveralRegistriesTheCompositeOneIsUsed() throws Exception {
        SimpleMeterRegistry prometheusLike = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(prometheusLike);
        try (CamelContext camel = camel("shop", prometheusLike)) {
            camel.getRegistry().bind("composite", composite);
            ConsumerMetersBinding.bind(camel, "order-changes", consumer);
            assertEquals(100, gauge(composite, ConsumerMeters.COMMITTED_TICK));
            assertEquals(100, gauge(prometheusLike, ConsumerMeters.COMMITTED_TICK), "through the composite");
        }
    }

    @Test
    void withoutOneRegistryToChooseThereAreNoMeters() throws Exception {
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        try (CamelContext camel = camel("shop", first)) {
            camel.getRegistry().bind("second", second);
            ConsumerMetersBinding.bind(camel, "order-changes", consumer).close();
            assertTrue(first.getMeters().isEmpty() && second.getMeters().isEmpty());
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            ConsumerMetersBinding.bind(camel, "order-changes", consumer).close(); // no registry: nothing to do
        }
    }

    private static CamelContext camel(String name, MeterRegistry registry) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        camel.getRegistry().bind("meterRegistry", registry);
        return camel;
    }

    private static ConsumerStatus status(String committedTick, String serverLastTick, Map<String, Long> events,
            Map<String, CollectionProgress> snapshot, long positionLost) {
        long lag = Long.parseUnsignedLong(serverLastTick) - Long.parseUnsignedLong(committedTick);
        return new ConsumerStatus("changes:_system:*", "TAIL", committedTick, serverLastTick, lag, events, snapshot,
                0, 0, positionLost, 0, null);
    }

    private static ConsumerStatus cluster(ClusterStatus.Server a, ClusterStatus.Server b) {
        ClusterStatus cluster = new ClusterStatus(Map.of("PRMR-a", a, "PRMR-b", b),
                Map.of("s1", new ClusterStatus.Shard("orders", "PRMR-a", a.lagTicks()),
                        "s4", new ClusterStatus.Shard("customers", "PRMR-a", a.lagTicks()),
                        "s2", new ClusterStatus.Shard("orders", "PRMR-b", b.lagTicks())), Duration.ofSeconds(15));
        return new ConsumerStatus("changes:shop:*", "TAIL", "0", "0", 0, Map.of(), Map.of(), 0, 0, 0, 0, null,
                cluster);
    }

    private static double server(MeterRegistry registry, String name, String dbServer) {
        return registry.get(name).tag("routeId", "order-changes").tag("dbServer", dbServer).gauge().value();
    }

    private static double shard(MeterRegistry registry, String shard, String collection, String dbServer) {
        return registry.get(ConsumerMeters.SHARD_LAG_TICKS).tag("shard", shard).tag("collection", collection)
                .tag("dbServer", dbServer).tag("camelContext", "shop").gauge().value();
    }

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).tag("routeId", "order-changes").gauge().value();
    }

    private static double events(MeterRegistry registry, String type) {
        return registry.get(ConsumerMeters.EVENTS).tag("type", type).functionCounter().count();
    }
}
