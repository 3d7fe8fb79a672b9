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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelarango.replication.ReplicaSink.Received;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures that are not a route's ordinary exception: an {@link Error} thrown while a consumer reads or delivers
 * (Camel's scheduler cancels a consumer's task when an Error leaves its poll).
 */
class ConsumerFailuresIT extends ChangesConsumerTestSupport {

    @Test
    void anErrorWhileDeliveringMakesTheConsumerDownThenItRecoversAndDeliversEveryChangeOnce() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            String route = "cdc";
            AtomicBoolean failing = new AtomicBoolean(true);
            AtomicInteger errorsThrown = new AtomicInteger();
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&offsetRepository=#offsets"
                  + "&initialDelay=0&" + f.connection(), exchange -> {
                      if ("o2".equals(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY)) && failing.get()) {
                          errorsThrown.incrementAndGet();
                          throw new OutOfMemoryError("Java heap space (thrown by the test)");
                      }
                  }, sink);
            String key = changesConsumer().getOffsetKey();
            awaitCommitted(key);
            f.insert("orders", Map.of("_key", "o1"));
            f.insert("orders", Map.of("_key", "o2"));
            f.insert("orders", Map.of("_key", "o3"));

            await("the consumer DOWN after the Error", () -> health().getState() == HealthCheck.State.DOWN);
            String message = health().getMessage().orElse("");
            assertTrue(message.contains("OutOfMemoryError") && message.contains("Java heap space (thrown by the test)"),
                    message);
            assertTrue(message.contains("delivered again"), "says what the consumer does: " + message);
            assertEquals(List.of("o1"), sink.received().stream().map(Received::key).toList(),
                    "nothing after the change that failed");
            assertEquals(Long.parseUnsignedLong(sink.received().get(0).tick()),
                    io.github.camelarango.replication.cdc.ChangePosition.parse(offsets.getState(key)).from(),
                    "the position stays at o1");
            int thrown = errorsThrown.get();
            await("the consumer keeps polling (its scheduled task was not cancelled)", () -> errorsThrown.get() > thrown);

            failing.set(false);
            await("o2 and o3 once the Error stopped", () -> sink.count() == 3);
            assertEquals(List.of("o1", "o2", "o3"), sink.received().stream().map(Received::key).toList(),
                    "each change once, in order");
            await("the consumer UP again", () -> health().getState() == HealthCheck.State.UP);
            System.err.println("XX end " + context.getInflightRepository().size() + " route " + context.getInflightRepository().size(route));
            assertEquals(0, context.getInflightRepository().size(), "the exchanges the Error cut short ended");
            assertEquals(0, context.getInflightRepository().size(route), "the exchanges the Error cut short ended");
            f.insert("orders", Map.of("_key", "o4"));
            await("o4", () -> sink.count() == 4);
            assertEquals(Long.parseUnsignedLong(sink.received().get(3).tick()),
                    io.github.camelarango.replication.cdc.ChangePosition.parse(offsets.getState(key)).from());
        }
    }

    @Test
    void anErrorWhileReadingChangesIsReportedAndTheNextPollReadsAgain() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            AtomicInteger reads = new AtomicInteger();
            MemoryStateRepository flaky = new MemoryStateRepository() {
                @Override
                public String getState(String key) {
                    if (reads.incrementAndGet() == 1) {
                        throw new OutOfMemoryError("Java heap space (thrown by the test)");
                    }
                    return super.getState(key);
                }
            };
            context.getRegistry().bind("flaky", flaky);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&offsetRepository=#flaky"
                  + "&initialDelay=0&" + f.connection(), sink);
            await("the starting position, read after the Error", () -> reads.get() >= 2
                    && flaky.getState(changesConsumer().getOffsetKey()) != null);
            f.insert("orders", Map.of("_key", "o1"));
            await("o1", () -> sink.count() == 1);
            assertEquals("o1", sink.received().get(0).key());
            assertEquals(HealthCheck.State.UP, health().getState());
        }
    }

    @Test
    void anErrorInTheDumpRouteEndsThatDumpAndTheNextPollTakesANewOne() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 0; i < 3; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            AtomicBoolean thrown = new AtomicBoolean();
            List<String> seen = new CopyOnWriteArrayList<>();
            route("arango-replication:dump?initialDelay=0&delay=50&repeatCount=2&" + f.connection(), exchange -> {
                if (thrown.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                seen.add(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class));
            });
            await("the dump after the Error", () -> seen.size() == 3);
            assertEquals(List.of("o0", "o1", "o2"), seen.stream().sorted().toList());
            assertEquals(0, context.getInflightRepository().size());
        }
    }

    @Test
    void anErrorWhileDeliveringTheLoggerStateIsSentAgain() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            AtomicBoolean thrown = new AtomicBoolean();
            List<Object> received = new CopyOnWriteArrayList<>();
            route("arango-replication:loggerState?initialDelay=0&delay=50&" + f.connection(), exchange -> {
                if (thrown.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                received.add(exchange.getMessage().getBody());
            });
            await("the logger state after the Error", () -> received.size() == 1);
            assertTrue(thrown.get());
        }
    }

    @Test
    void anErrorWhileTakingADumpEndsThatPollAndTheNextPollTakesANewOne() throws Exception {
        try (CaptureFixture f = fixture("orders");
             HttpArangoReplicationClient client = clientThatThrowsAnErrorOnce(f, "createDumpBatch")) {
            for (int i = 0; i < 3; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            List<String> seen = new CopyOnWriteArrayList<>();
            route("arango-replication:dump?initialDelay=0&delay=50&repeatCount=2", exchange ->
                    seen.add(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class)));
            await("the dump after the Error", () -> seen.size() == 3);
            assertEquals(List.of("o0", "o1", "o2"), seen.stream().sorted().toList());
        }
    }

    @Test
    void anErrorWhileReadingTheLoggerStateIsReadAgain() throws Exception {
        try (CaptureFixture f = fixture("orders");
             HttpArangoReplicationClient client = clientThatThrowsAnErrorOnce(f, "loggerState")) {
            List<Object> received = new CopyOnWriteArrayList<>();
            route("arango-replication:loggerState?initialDelay=0&delay=50", exchange ->
                    received.add(exchange.getMessage().getBody()));
            await("the logger state after the Error", () -> received.size() == 1);
        }
    }

    /**
     * Makes the component's client the emulator's, except that the first call of {@code method} throws an Error.
     *
     * @return the client to close
     */
    private HttpArangoReplicationClient clientThatThrowsAnErrorOnce(CaptureFixture f, String method) {
        HttpArangoReplicationClient real = new HttpArangoReplicationClient(ArangoClientConfiguration
                .builder(f.emulator.url()).database(f.database).user("root").password("secret").build());
        AtomicBoolean thrown = new AtomicBoolean();
        context.getComponent("arango-replication", ArangoReplicationComponent.class).setClient(
                (ArangoReplicationClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] { ArangoReplicationClient.class }, (proxy, called, args) -> {
                            if (called.getName().equals(method) && thrown.compareAndSet(false, true)) {
                                throw new OutOfMemoryError("Java heap space (thrown by the test)");
                            }
                            try {
                                return called.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }));
        return real;
    }
}
