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

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.consumer.ConsumerMeters;
import io.github.camelarango.replication.consumer.ConsumerStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The changes consumer's figures as JMX attributes of its consumer MBean (with camel-management), and as Micrometer
 * meters with a MeterRegistry in the registry.
 */
class ChangesConsumerJmxIT extends ChangesConsumerTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        super.bindToRegistry(registry);
        registry.bind("meterRegistry", meters);
    }

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Test
    void consumerMBeanAndMetersShowPositionLagAndEvents() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            f.insert("orders", Map.of("_key", "o2"));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?offsetRepository=#offsets&initialDelay=0&" + f.connection(), sink);
            await("the snapshot", () -> sink.count() == 2);
            f.remove("orders", "o1");
            await("the delete", () -> sink.count() == 3);

            MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
            Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
            ObjectName consumer = names.stream().filter(n -> n.getKeyProperty("name").contains("ArangoReplicationChangesConsumer"))
                    .findFirst().orElseThrow(() -> new AssertionError("no consumer MBean in " + names));
            await("the committed delete", () -> attribute(server, consumer, "CommittedTick")
                    .equals(sink.received().get(2).tick()));
            assertEquals("TAIL", attribute(server, consumer, "Phase"));
            assertTrue(attribute(server, consumer, "OffsetKey").startsWith("changes:127.0.0.1:" + f.emulator.port() + "/"
                                                                      + f.database + "/*?"));
            assertEquals(0L, server.getAttribute(consumer, "PositionLostCount"));
            assertEquals(Boolean.FALSE, server.getAttribute(consumer, "PositionLost"));
            assertEquals(0L, server.getAttribute(consumer, "OpenTransactions"));
            assertEquals(0L, server.getAttribute(consumer, "BufferedTransactionEvents"));
            Map<?, ?> events = (Map<?, ?>) server.getAttribute(consumer, "EventsByType");
            assertEquals(2L, events.get("SNAPSHOT_READ"));
            assertEquals(1L, events.get("DELETE"));
            assertEquals("2 done", ((Map<?, ?>) server.getAttribute(consumer, "SnapshotProgress")).get("orders"));
            long lag = (Long) server.getAttribute(consumer, "LagTicks");
            assertTrue(lag >= 0 && Long.compareUnsigned(Long.parseUnsignedLong(attribute(server, consumer,
                    "ServerLastTick")), Long.parseUnsignedLong(attribute(server, consumer, "CommittedTick"))) >= 0);

            double deleteTick = Double.parseDouble(sink.received().get(2).tick());
            assertEquals(deleteTick, gauge(ConsumerMeters.COMMITTED_TICK));
            assertEquals(2, events("SNAPSHOT_READ"));
            assertEquals(1, events("DELETE"));
            assertEquals(0, events("UPSERT"));
            assertEquals(2, gauge(ConsumerMeters.SNAPSHOT_DOCUMENTS_READ));
            assertEquals(1, gauge(ConsumerMeters.SNAPSHOT_COLLECTIONS));
            assertEquals(1, gauge(ConsumerMeters.SNAPSHOT_COLLECTIONS_COMPLETED));
            assertTrue(gauge(ConsumerMeters.SERVER_LAST_TICK) >= deleteTick);
            assertEquals(gauge(ConsumerMeters.SERVER_LAST_TICK) - deleteTick, gauge(ConsumerMeters.LAG_TICKS));
            assertEquals(0, meters.get(ConsumerMeters.POSITION_LOST).functionCounter().count());

            context.getRouteController().stopRoute("cdc");
            assertNull(meters.find(ConsumerMeters.COMMITTED_TICK).gauge(), "the meters go with the consumer");
            context.getRouteController().startRoute("cdc");
            await("the meters back with the consumer, at the stored position",
                    () -> gauge(ConsumerMeters.COMMITTED_TICK) == deleteTick);
        }
    }

    private double gauge(String name) {
        return meters.get(name).tag("routeId", "cdc").tag("camelContext", context.getName()).gauge().value();
    }

    private double events(String type) {
        return meters.get(ConsumerMeters.EVENTS).tag("routeId", "cdc").tag("type", type).functionCounter().count();
    }

    @Test
    void snapshotProgressShowsAboutHowManyWhileTheDumpRuns() {
        assertEquals("120 of about 1000", ConsumerStatus.describe(
                new ChangeStreamMetrics.CollectionProgress(120, false, OptionalLong.of(1000))));
        assertEquals("120", ConsumerStatus.describe(
                new ChangeStreamMetrics.CollectionProgress(120, false)));
        assertEquals("1003 done", ConsumerStatus.describe(
                new ChangeStreamMetrics.CollectionProgress(1003, true, OptionalLong.of(1000))));
    }

    private static String attribute(MBeanServer server, ObjectName name, String attribute) {
        try {
            return String.valueOf(server.getAttribute(name, attribute));
        } catch (Exception e) {
            throw new AssertionError("cannot read " + attribute + " of " + name, e);
        }
    }
}
