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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.ObjectName;

import org.apache.camel.Processor;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The changes consumer's notifications (option notifications): exchanges in line with the changes, marked by the
 * CamelArangoReplicationNotification header, and JMX notifications of the consumer's notifications MBean.
 */
class ChangesConsumerNotificationsIT extends ChangesConsumerTestSupport {

    /** What the route received, in order: "change <collection>/<key>" or "<type> <additional_data>". */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> bodies = new CopyOnWriteArrayList<>();
    private final List<Notification> jmx = new CopyOnWriteArrayList<>();

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    private final Processor recorder = exchange -> {
        String type = exchange.getMessage().getHeader(ArangoReplicationConstants.NOTIFICATION, String.class);
        if (type == null) {
            received.add("change " + exchange.getMessage().getHeader(ArangoReplicationConstants.DOCUMENT_ID));
            return;
        }
        Map<String, Object> body = map(exchange.getMessage().getBody());
        bodies.add(body);
        received.add(type + " " + body.get("additional_data"));
    };

    /** Listens to the consumer's notifications MBean as soon as it is registered (before the first poll). */
    private void listenToJmx() throws Exception {
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName pattern = new ObjectName("org.apache.camel:type=arango-replication,*");
        await("the notifications MBean", () -> !server.queryNames(pattern, null).isEmpty());
        Set<ObjectName> names = server.queryNames(pattern, null);
        assertEquals(1, names.size(), names.toString());
        ObjectName name = names.iterator().next();
        assertEquals("\"cdc\"", name.getKeyProperty("name"));
        server.addNotificationListener(name, (notification, handback) -> jmx.add(notification), null, null);
    }

    @Test
    void aSnapshotOfTwoCollectionsTellsItsLifeBetweenItsChangesAsExchangesAndJmxNotifications() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers")) {
            f.insert("orders", Map.of("_key", "o1"));
            f.insert("orders", Map.of("_key", "o2"));
            f.insert("orders", Map.of("_key", "o3"));
            f.insert("customers", Map.of("_key", "c1"));
            f.insert("customers", Map.of("_key", "c2"));
            route("arango-replication:changes?collections=orders,customers&notifications=true"
                  + "&offsetRepository=#offsets&initialDelay=1000&" + f.connection(), recorder);
            listenToJmx();
            await("the snapshot and its notifications", () -> received.size() == 9);
            f.insert("orders", Map.of("_key", "o4"));
            await("a change after the snapshot", () -> received.size() == 10);

            String tick = ((Map<?, ?>) bodies.get(0).get("additional_data")).get("snapshotTick").toString();
            String first = received.get(1).startsWith("change orders/") ? "orders" : "customers";
            String second = first.equals("orders") ? "customers" : "orders";
            List<String> expected = new ArrayList<>();
            expected.add("STARTED {snapshotTick=" + tick + ", collections=" + first + "," + second + ", resumed=false}");
            int firstCount = first.equals("orders") ? 3 : 2;
            int secondCount = 5 - firstCount;
            expected.addAll(snapshotChanges(first, firstCount));
            expected.add("COLLECTION_COMPLETED {collection=" + first + ", count=" + firstCount + "}");
            expected.addAll(snapshotChanges(second, secondCount));
            expected.add("COLLECTION_COMPLETED {collection=" + second + ", count=" + secondCount + "}");
            expected.add("COMPLETED {snapshotTick=" + tick + "}");
            expected.add("change orders/o4");
            assertEquals(expected, received);

            Map<String, Object> started = bodies.get(0);
            assertEquals("Snapshot", started.get("aggregate_type"));
            assertEquals("STARTED", started.get("type"));
            assertTrue(started.get("id").toString().length() >= 32, started.toString());
            long timestamp = ((Number) started.get("timestamp")).longValue();
            assertTrue(Math.abs(System.currentTimeMillis() - timestamp) < 60_000, started.toString());
            assertEquals(f.emulator.lastTick() - 1, Long.parseUnsignedLong(tick), "the snapshot tick is before o4");

            await("the JMX notifications", () -> jmx.size() == 4);
            assertEquals(List.of("arango-replication.Snapshot.STARTED", "arango-replication.Snapshot.COLLECTION_COMPLETED",
                    "arango-replication.Snapshot.COLLECTION_COMPLETED", "arango-replication.Snapshot.COMPLETED"),
                    jmx.stream().map(Notification::getType).toList());
            for (int i = 0; i < 4; i++) {
                Map<String, Object> userData = map(jmx.get(i).getUserData());
                assertEquals(bodies.get(i), userData, "the JMX notification carries what the exchange carried");
                assertEquals(i + 1, jmx.get(i).getSequenceNumber());
            }
            MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
            ObjectName name = server.queryNames(new ObjectName("org.apache.camel:type=arango-replication,*"), null)
                    .iterator().next();
            assertEquals(4L, server.getAttribute(name, "NotificationsSent"));
            assertEquals(changesConsumer().getOffsetKey(), server.getAttribute(name, "OffsetKey"));
            context.getRouteController().stopRoute("cdc");
            assertTrue(server.queryNames(name, null).isEmpty(), "the MBean goes with the consumer");
        }
    }

    /** The change lines of the first {@code count} documents of a collection, in the order the dump gave them. */
    private List<String> snapshotChanges(String collection, int count) {
        return received.stream().filter(r -> r.startsWith("change " + collection + "/")).limit(count).toList();
    }

    @Test
    void aFailedNotificationExchangeIsSentAgainBeforeAnyLaterChange() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            AtomicBoolean failedOnce = new AtomicBoolean();
            Processor failFirstCompletion = exchange -> {
                if ("COLLECTION_COMPLETED".equals(exchange.getMessage().getHeader(ArangoReplicationConstants.NOTIFICATION))
                        && failedOnce.compareAndSet(false, true)) {
                    received.add("failed COLLECTION_COMPLETED");
                    throw new IllegalStateException("sink down");
                }
            };
            route("arango-replication:changes?collections=orders&notifications=true&offsetRepository=#offsets"
                  + "&initialDelay=0&" + f.connection(), failFirstCompletion, recorder);
            await("the snapshot", () -> received.stream().anyMatch(r -> r.startsWith("COMPLETED")));
            f.insert("orders", Map.of("_key", "o2"));
            await("o2", () -> received.contains("change orders/o2"));
            assertEquals(List.of("STARTED", "change", "failed", "COLLECTION_COMPLETED", "COMPLETED", "change"),
                    received.stream().map(r -> r.split(" ")[0]).toList(), received.toString());
            assertEquals("change orders/o2", received.get(received.size() - 1));
        }
    }

    @Test
    void aLostPositionIsToldBeforeTheGapThatSkipsIt() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&positionLostPolicy=SKIP"
                  + "&notifications=true&offsetRepository=#offsets&initialDelay=0&" + f.connection(), recorder);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.insert("orders", Map.of("_key", "d1"));
            await("d1", () -> received.size() == 1);
            context.getRouteController().stopRoute("cdc");
            f.insert("orders", Map.of("_key", "d2"));
            f.emulator.purgeWalUpTo(f.emulator.lastTick());
            f.insert("orders", Map.of("_key", "d3"));
            context.getRouteController().startRoute("cdc");
            await("the loss, the policy, the gap and d3", () -> received.size() == 5);
            assertTrue(received.get(1).startsWith("LOST {reason=WAL purged past the stream's position, from="),
                    received.toString());
            assertTrue(received.get(2).startsWith("POLICY_APPLIED {policy=SKIP, resumeAt="), received.toString());
            assertEquals(List.of("change orders/d1", "change null", "change orders/d3"),
                    List.of(received.get(0), received.get(3), received.get(4)), "the GAP has no document");
            assertEquals("Position", bodies.get(0).get("aggregate_type"));
            assertEquals("LOST", bodies.get(0).get("type"));
            assertTrue(((Map<?, ?>) bodies.get(0).get("additional_data")).get("message").toString()
                    .contains("no longer holds tick"), bodies.get(0).toString());
        }
    }
}
