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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelarango.replication.cdc.ChangePosition;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One running stream per offset key and store: a second changes consumer on the key a running one owns fails to
 * start naming the key and the owner — a route of this JVM, or another process on the same offset file — and starts
 * once the owner stopped (or died).
 */
class ChangesConsumerStreamOwnershipIT extends ChangesConsumerTestSupport {

    @TempDir
    Path folder;

    private String fileUri(CaptureFixture f) {
        return "arango-replication:changes?collections=orders&offsetFile=" + folder.resolve("offsets.dat") + "&"
               + f.connection();
    }

    /** Another endpoint (Camel refuses two consumers on one) of the same stream: an option that is not in the key. */
    private static String sameStream(String uri) {
        return uri + "&maxEventsPerPoll=7";
    }

    /** The route fails its start at once while another stream holds the key, instead of waiting for it. */
    private static String refusing(String uri) {
        return uri + "&offsetKeyWaitTimeout=0";
    }

    private static void addRoute(CamelContext camel, String id, String uri, ReplicaSink sink) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).process(sink);
            }
        });
    }

    private ArangoReplicationChangesConsumer consumer(String routeId) {
        return (ArangoReplicationChangesConsumer) context.getRoute(routeId).getConsumer();
    }

    @Test
    void aSecondRouteOnTheKeyOfARunningOneIsRefusedUntilItStops() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            ReplicaSink first = new ReplicaSink();
            addRoute(context, "first", fileUri(f), first);
            await("the snapshot", () -> first.count() == 1);
            String key = consumer("first").getOffsetKey();

            ReplicaSink second = new ReplicaSink();
            String refused = failure(() -> addRoute(context, "second", refusing(sameStream(fileUri(f))), second));
            assertTrue(refused.contains("offsetKey '" + key + "' is already used by route 'first' of CamelContext '"
                                        + context.getName() + "'; give one of them its own offsetKey"), refused);

            context.getRouteController().stopRoute("first");
            context.getRouteController().startRoute("second");
            assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("second"));
            f.insert("orders", Map.of("_key", "o2"));
            await("the change, through the second route", () -> second.count() == 1);
            assertEquals("o2", second.received().get(0).key(), "it continues from the first one's position");
        }
    }

    /**
     * Camel stops a route once its exchange completed, while the consumer still commits the exchange's position, and
     * interrupts the poll: the stop waits for that commit, so the next owner of the key finds the position there
     * and does not deliver the change again.
     */
    @Test
    void aStopEndsAfterTheCommitOfTheLastDeliveredChange() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            CountDownLatch saving = new CountDownLatch(1);
            ReplicaSink sink = new ReplicaSink();
            MemoryStateRepository slow = new MemoryStateRepository() {
                @Override
                public void setState(String key, String value) {
                    if (sink.count() == 1 && sink.received().get(0).tick()
                            .equals(Long.toUnsignedString(ChangePosition.parse(value).from()))) {
                        saving.countDown();
                        sleepUninterruptibly(Duration.ofMillis(500)); // as a write to a slow disk
                    }
                    super.setState(key, value);
                }
            };
            context.getRegistry().bind("slow", slow);
            addRoute(context, "first", "arango-replication:changes?collections=orders&snapshotMode=NEVER"
                                       + "&offsetRepository=#slow&offsetKey=k&" + f.connection(), sink);
            await("the starting point", () -> slow.getState("k") != null);
            f.insert("orders", Map.of("_key", "o1"));
            assertTrue(saving.await(20, TimeUnit.SECONDS), "the change's commit began");
            context.getRouteController().stopRoute("first");
            assertEquals(Long.parseUnsignedLong(sink.received().get(0).tick()),
                    ChangePosition.parse(slow.getState("k")).from(), "the commit ended before the stop did");
        }
    }

    private static void sleepUninterruptibly(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theSameKeyInAnotherStoreOrAnotherKeyInTheSameStoreRuns() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            ReplicaSink file = new ReplicaSink();
            ReplicaSink memory = new ReplicaSink();
            ReplicaSink ownKey = new ReplicaSink();
            addRoute(context, "file", fileUri(f), file);
            addRoute(context, "memory", "arango-replication:changes?collections=orders&offsetRepository=#offsets&"
                                        + f.connection(), memory);
            addRoute(context, "ownKey", fileUri(f) + "&offsetKey=mine", ownKey);
            await("three snapshots", () -> file.count() == 1 && memory.count() == 1 && ownKey.count() == 1);
            assertEquals(consumer("file").getOffsetKey(), consumer("memory").getOffsetKey());
        }
    }

    @Test
    void aConfiguredRepositoryIsOwnedByOneRouteAtATimeToo() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            String uri = "arango-replication:changes?collections=orders&offsetRepository=#offsets&offsetKey=k&"
                         + f.connection();
            addRoute(context, "first", uri, new ReplicaSink());
            String refused = failure(() -> addRoute(context, "second", refusing(sameStream(uri)), new ReplicaSink()));
            assertTrue(refused.contains("offsetKey 'k' is already used by route 'first'"), refused);
        }
    }

    @Test
    void aSecondCamelContextOnTheSameFileAndKeyIsRefused() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            addRoute(context, "first", fileUri(f), new ReplicaSink());
            CamelContext other = new DefaultCamelContext();
            other.getCamelContextExtension().setName("other");
            try {
                addRoute(other, "first", refusing(fileUri(f)), new ReplicaSink());
                String refused = failure(other::start);
                assertTrue(refused.contains("is already used by route 'first' of CamelContext '" + context.getName()
                                            + "'"), refused);
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void anotherProcessOnTheSameFileAndKeyIsRefusedNamingItUntilItDies() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            try (ChildJvm child = ChildJvm.start(ChangesRouteChild.class, fileUri(f))) {
                String refused = failure(() -> addRoute(context, "second", refusing(fileUri(f)), new ReplicaSink()));
                assertTrue(refused.contains("is already used by " + child.pid() + "@"), refused);
                assertTrue(refused.contains("route 'child'"), refused);
                assertTrue(refused.contains("give one of them its own offsetKey"), refused);

                child.kill(); // as SIGKILL: the operating system releases what the process held
                context.getRouteController().startRoute("second");
                assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("second"));
            }
        }
    }

    @Test
    void aProcessStartsOnceTheOwnerStoppedCleanly() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            try (ChildJvm child = ChildJvm.start(ChangesRouteChild.class, fileUri(f))) {
                assertEquals(0, child.finish(Duration.ofSeconds(30)));
            }
            addRoute(context, "second", fileUri(f), new ReplicaSink());
            assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("second"));
        }
    }
}
