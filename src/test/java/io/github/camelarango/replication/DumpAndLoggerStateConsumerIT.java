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
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.DeleteDumpBatchRequest;
import io.github.camelarango.replication.client.DumpBatch;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.client.RegisteredClient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code dump} consumer (one consistent snapshot per poll, per document or per chunk) and the
 * {@code loggerState} consumer (an exchange per change of the server's logger state).
 */
class DumpAndLoggerStateConsumerIT extends ChangesConsumerTestSupport {

    private static Message copy(Exchange exchange) {
        return exchange.getMessage().copy();
    }

    @Test
    void dumpSendsOneExchangePerDocumentOfTheChosenCollections() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers", "audit")) {
            for (int i = 0; i < 12; i++) {
                f.insert("orders", Map.of("_key", "o" + i, "n", i));
            }
            f.insert("customers", Map.of("_key", "c1"));
            f.insert("audit", Map.of("_key", "a1"));
            List<Message> received = new CopyOnWriteArrayList<>();
            route("arango-replication:dump?collections=orders,customers&snapshotChunkSize=100&initialDelay=0"
                  + "&repeatCount=1&" + f.connection(), exchange -> received.add(copy(exchange)));
            await("the dump", () -> received.size() == 13);
            Set<String> keys = new TreeSet<>();
            for (Message m : received) {
                assertEquals(ChangeType.SNAPSHOT_READ, m.getHeader(ArangoReplicationConstants.CHANGE_TYPE));
                assertEquals(Boolean.TRUE, m.getHeader(ArangoReplicationConstants.SNAPSHOT));
                assertEquals(f.database, m.getHeader(ArangoReplicationConstants.DATABASE));
                assertInstanceOf(String.class, m.getBody(), "the default body is the document's JSON text");
                Map<?, ?> body = m.getBody(Map.class);
                assertEquals(body.get("_key"), m.getHeader(ArangoReplicationConstants.KEY));
                assertEquals(body.get("_rev"), m.getHeader(ArangoReplicationConstants.REV));
                assertEquals(null, m.getHeader(ArangoReplicationConstants.POSITION), "a dump keeps no position");
                keys.add(m.getHeader(ArangoReplicationConstants.COLLECTION) + "/" + body.get("_key"));
            }
            Set<String> expected = new TreeSet<>();
            f.emulator.documents(f.database, "orders").keySet().forEach(k -> expected.add("orders/" + k));
            expected.add("customers/c1");
            assertEquals(expected, keys);
            assertEquals(1, received.stream().map(m -> m.getHeader(ArangoReplicationConstants.TICK)).distinct().count(),
                    "one snapshot tick per dump");
        }
    }

    @Test
    void dumpInChunksRepeatsOnSchedule() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 0; i < 10; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            List<Message> received = new CopyOnWriteArrayList<>();
            route("arango-replication:dump?dumpChunks=true&bodyType=Map&maxEventsPerPoll=4&initialDelay=0&delay=50&repeatCount=2&"
                  + f.connection(), exchange -> received.add(copy(exchange)));
            await("two dumps", () -> received.stream().mapToInt(m -> ((List<?>) m.getBody()).size()).sum() == 20);
            List<Integer> sizes = new ArrayList<>();
            for (Message m : received) {
                List<?> chunk = assertInstanceOf(List.class, m.getBody());
                assertTrue(chunk.size() <= 4, "a chunk holds at most maxEventsPerPoll documents");
                sizes.add(chunk.size());
                assertEquals("orders", m.getHeader(ArangoReplicationConstants.COLLECTION));
            }
            assertTrue(received.size() >= 6, "10 documents in chunks of at most 4, twice: " + sizes);
            Map<Object, Long> copies = received.stream().flatMap(m -> ((List<?>) m.getBody()).stream())
                    .collect(java.util.stream.Collectors.groupingBy(d -> ((Map<?, ?>) d).get("_key"),
                            java.util.stream.Collectors.counting()));
            assertEquals(10, copies.size());
            assertTrue(copies.values().stream().allMatch(n -> n == 2), "every document once per dump: " + copies);
        }
    }

    @Test
    void failingDumpRouteEndsThatSnapshotAndTheNextPollTakesANewOne() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 0; i < 5; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            AtomicBoolean failed = new AtomicBoolean();
            List<String> seen = new CopyOnWriteArrayList<>();
            route("arango-replication:dump?initialDelay=0&delay=50&repeatCount=2&" + f.connection(), exchange -> {
                String key = exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class);
                if ("o2".equals(key) && failed.compareAndSet(false, true)) {
                    seen.add("FAILED");
                    throw new IllegalStateException("sink down");
                }
                seen.add(key);
            });
            await("the second dump", () -> seen.contains("FAILED")
                                            && seen.size() - seen.indexOf("FAILED") - 1 == 5);
            Thread.sleep(200);
            List<String> firstDump = seen.subList(0, seen.indexOf("FAILED"));
            List<String> secondDump = seen.subList(seen.indexOf("FAILED") + 1, seen.size());
            assertTrue(!firstDump.contains("o2") && firstDump.size() < 5, "the first dump stopped at o2: " + seen);
            assertEquals(Set.of("o0", "o1", "o2", "o3", "o4"), new TreeSet<>(secondDump),
                    "the next poll took a whole new snapshot: " + seen);
        }
    }

    @Test
    void dumpDeletesEveryBatchItCreatesAlsoWhenTheRouteFails() throws Exception {
        try (CaptureFixture f = fixture("orders");
             HttpArangoReplicationClient real = new HttpArangoReplicationClient(ArangoClientConfiguration
                     .builder(f.emulator.url()).database(f.database).user("root").password("secret").build())) {
            for (int i = 0; i < 5; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            List<String> created = new CopyOnWriteArrayList<>();
            List<String> deleted = new CopyOnWriteArrayList<>();
            ArangoReplicationClient recording = (ArangoReplicationClient) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] { ArangoReplicationClient.class }, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(real, args);
                            if (result instanceof DumpBatch batch) {
                                created.add(batch.id());
                            } else if (args != null && args.length == 1 && args[0] instanceof DeleteDumpBatchRequest request) {
                                deleted.add(request.batchId());
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            context.getComponent("arango-replication", ArangoReplicationComponent.class).setClient(recording);
            AtomicBoolean failed = new AtomicBoolean();
            List<String> seen = new CopyOnWriteArrayList<>();
            route("arango-replication:dump?initialDelay=0&delay=50&repeatCount=3", exchange -> {
                if (failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("sink down");
                }
                seen.add(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class));
            });
            await("two good dumps after the failed one", () -> seen.size() == 10 && deleted.size() == 3);
            assertEquals(3, created.size(), "one batch per dump");
            assertEquals(created, deleted, "every batch deleted, also the one whose dump failed");
        }
    }

    @Test
    void loggerStateSendsAnExchangeWhenTheStateChanges() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            List<Message> received = new CopyOnWriteArrayList<>();
            route("arango-replication:loggerState?initialDelay=0&delay=50&" + f.connection(),
                    exchange -> received.add(copy(exchange)));
            await("the initial state", () -> received.size() == 1);
            Thread.sleep(300);
            assertEquals(1, received.size(), "no exchange while nothing changes");
            LoggerState first = assertInstanceOf(LoggerState.class, received.get(0).getBody());
            assertEquals(Long.toUnsignedString(first.state().lastLogTick()),
                    received.get(0).getHeader(ArangoReplicationConstants.TICK));

            f.insert("orders", Map.of("_key", "o1"));
            await("the new tick", () -> received.size() == 2);
            LoggerState second = (LoggerState) received.get(1).getBody();
            assertTrue(Long.compareUnsigned(second.state().lastLogTick(), first.state().lastLogTick()) > 0);
            assertEquals(f.emulator.lastTick(), second.state().lastLogTick());
        }
    }

    @Test
    void loggerStateSeesTheChangesConsumerRegisterAsAClient() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            List<LoggerState> states = new CopyOnWriteArrayList<>();
            route("arango-replication:loggerState?initialDelay=0&delay=50&" + f.connection(),
                    exchange -> states.add(exchange.getMessage().getBody(LoggerState.class)));
            await("the initial state", () -> states.size() == 1);
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?snapshotMode=NEVER&clientInfo=orders-cdc&offsetRepository=#offsets"
                         + "&initialDelay=0&" + f.connection()).routeId("capture").to("mock:ignored");
                }
            });
            await("the changes consumer in the client list", () -> states.stream().anyMatch(s ->
                    s.clients().stream().map(RegisteredClient::clientInfo).anyMatch("orders-cdc"::equals)));
        }
    }
}
