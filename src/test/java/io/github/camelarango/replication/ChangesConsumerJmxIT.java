package io.github.camelarango.replication;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.consumer.ConsumerStatus;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The changes consumer's figures as JMX attributes of its consumer MBean (with camel-management). */
class ChangesConsumerJmxIT extends ChangesConsumerTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Test
    void consumerMBeanShowsPositionLagAndEvents() throws Exception {
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
        }
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
