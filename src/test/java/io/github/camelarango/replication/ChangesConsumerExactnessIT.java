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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.ReplicaSink.Received;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactness with every combination of body type, batching and commit interval: while the official driver writes
 * inserts, updates, replaces, removes and stream transactions (committed and aborted), a route captures them with one
 * exchange that fails once and a restart (a stop, then a new CamelContext on the same offset file) in the middle. The
 * replay of what the route received equals the emulator's documents by collection, _key and _rev; every body is of
 * the body type and names the revision its headers name; nothing of an aborted transaction arrives.
 */
class ChangesConsumerExactnessIT {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER = ArangoEmulatorExtension.create(b -> b.authentication("root", "pw"));

    private static final List<String> CAPTURED = List.of("orders", "customers");

    @TempDir
    Path dir;

    static Stream<Arguments> combinations() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (String bodyType : List.of("String", "bytes", "Map", "JsonNode")) {
            for (boolean batching : List.of(false, true)) {
                for (String commitInterval : List.of("0", "300ms")) {
                    all.add(Arguments.of(bodyType, batching, commitInterval));
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "bodyType={0}, batching={1}, commitInterval={2}")
    @MethodSource("combinations")
    void replayEqualsTheServer(String bodyType, boolean batching, String commitInterval) throws Exception {
        try (CaptureFixture f = new CaptureFixture(SERVER.emulator(), "root", "pw", "orders", "customers", "audit")) {
            DriverWorkload workload = new DriverWorkload(f.db, List.of("orders", "customers", "audit"),
                    bodyType.hashCode() + (batching ? 1 : 0) + commitInterval.length(), 200);
            workload.seed(40);
            String uri = "arango-replication:changes?excludeCollections=audit&bodyType=" + bodyType + "&batching="
                         + batching + "&commitInterval=" + commitInterval + "&maxEventsPerPoll=25"
                         + "&snapshotChunkSize=2000&offsetFile=" + dir.resolve("offsets.dat") + "&initialDelay=0&"
                         + f.connection();
            ReplicaSink sink = new ReplicaSink();
            List<String> wrongBodies = new CopyOnWriteArrayList<>();
            AtomicBoolean failed = new AtomicBoolean();
            Thread writer = new Thread(workload, "workload");

            CamelContext first = start(uri, bodyType, sink, wrongBodies, failed);
            await("part of the snapshot", () -> sink.count() >= 20);
            writer.start();
            await("changes past the failing exchange", () -> failed.get() && sink.count() > 100);
            first.stop();
            CamelContext second = start(uri, bodyType, sink, wrongBodies, failed);
            try {
                writer.join(60_000);
                assertNull(workload.failure(), () -> "writer failed: " + workload.failure());
                await("the replica to match the server", () -> sink.state(CAPTURED).equals(f.truth(CAPTURED)));
            } finally {
                second.stop();
            }

            assertEquals(f.truth(CAPTURED), sink.state(CAPTURED));
            assertEquals(List.of(), wrongBodies);
            List<Received> received = sink.received();
            assertTrue(received.stream().filter(r -> r.key() != null)
                    .noneMatch(r -> workload.abortedKeys().contains(r.key())), "no event of an aborted transaction");
            assertTrue(received.stream().anyMatch(r -> r.transactionId() != null), "transactions were captured");
            assertTrue(received.stream().anyMatch(r -> r.type() == ChangeType.DELETE), "removes were captured");
        }
    }

    /**
     * A CamelContext whose route applies every change to the sink (each change of a batch), checks its body, and
     * fails once (unless {@code failed} is set already) the exchange that would bring the sink past 30 changes.
     */
    private static CamelContext start(String uri, String bodyType, ReplicaSink sink, List<String> wrongBodies,
                                      AtomicBoolean failed) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("cdc").process(exchange -> {
                    List<?> changes = exchange.getMessage().getBody() instanceof List<?> batch
                                      && exchange.getMessage().getHeader(ArangoReplicationConstants.BATCH_SIZE) != null
                            ? batch : List.of(exchange);
                    if (sink.count() + changes.size() > 30 && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("the sink fails once");
                    }
                    for (Object change : changes) {
                        Exchange one = (Exchange) change;
                        checkBody(bodyType, one.getMessage(), wrongBodies);
                        sink.process(one);
                    }
                });
            }
        });
        context.start();
        return context;
    }

    /** A document change's body is of the body type and holds the _rev its header names. */
    private static void checkBody(String bodyType, Message message, List<String> wrongBodies) {
        ChangeType type = message.getHeader(ArangoReplicationConstants.CHANGE_TYPE, ChangeType.class);
        if (type != ChangeType.UPSERT && type != ChangeType.SNAPSHOT_READ && type != ChangeType.DELETE
            || Boolean.TRUE.equals(message.getHeader(ArangoReplicationConstants.TOMBSTONE))) {
            return;
        }
        Object body = message.getBody();
        String rev = switch (bodyType) {
            case "String" -> revOf(assertInstanceOf(String.class, body).getBytes(StandardCharsets.UTF_8));
            case "bytes" -> revOf(assertInstanceOf(byte[].class, body));
            case "Map" -> String.valueOf(assertInstanceOf(Map.class, body).get("_rev"));
            case "JsonNode" -> assertInstanceOf(JsonNode.class, body).path("_rev").asText();
            default -> throw new IllegalArgumentException(bodyType);
        };
        String expected = message.getHeader(ArangoReplicationConstants.REV, String.class);
        if (!expected.equals(rev)) {
            wrongBodies.add(type + " " + message.getHeader(ArangoReplicationConstants.DOCUMENT_ID) + ": header _rev "
                            + expected + ", body _rev " + rev);
        }
    }

    private static String revOf(byte[] json) {
        return String.valueOf(((Map<?, ?>) RawJson.of(json).readValue()).get("_rev"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        ChangesConsumerTestSupport.await(what, Duration.ofSeconds(60), condition);
    }
}
