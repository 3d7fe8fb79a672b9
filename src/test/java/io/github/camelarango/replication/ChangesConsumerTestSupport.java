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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Routes from the {@code changes} consumer against one emulator per test class (authentication on), each test on a
 * database of its own, with an in-memory offset repository bound as {@code #offsets}.
 */
abstract class ChangesConsumerTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER = ArangoEmulatorExtension.create(b -> b.authentication("root", "secret"));

    static final ObjectMapper JSON = new ObjectMapper();

    final MemoryStateRepository offsets = new MemoryStateRepository();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("offsets", offsets);
    }

    CaptureFixture fixture(String... collections) {
        return new CaptureFixture(SERVER.emulator(), "root", "secret", collections);
    }

    void route(String uri, org.apache.camel.Processor... steps) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                var definition = from(uri).routeId("cdc");
                for (org.apache.camel.Processor step : steps) {
                    definition.process(step);
                }
            }
        });
    }

    /** The messages of the failure of {@code start} and its causes. */
    static String failure(Executable start) {
        Throwable e = assertThrows(Exception.class, start);
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" <- ", messages);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(20), condition);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The values of a body of the default type: the JSON text of an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object body) {
        String text = assertInstanceOf(String.class, body, "the default body is the JSON text");
        return assertInstanceOf(Map.class, RawJson.of(text.getBytes(StandardCharsets.UTF_8)).readValue());
    }

    ArangoReplicationChangesConsumer changesConsumer() {
        return assertInstanceOf(ArangoReplicationChangesConsumer.class, context.getRoute("cdc").getConsumer());
    }

    HealthCheck.Result health() {
        HealthCheck check = ((HealthCheckAware) context.getRoute("cdc").getConsumer()).getHealthCheck();
        assertNotEquals(null, check);
        return check.call();
    }

    void awaitCommitted(String key) throws InterruptedException {
        await("a stored position under " + key, () -> offsets.getState(key) != null);
    }

    /** Records what the consumer reports. */
    record RecordingExceptionHandler(List<Throwable> handled) implements ExceptionHandler {
        @Override
        public void handleException(Throwable exception) {
            handled.add(exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handled.add(exception);
        }

        @Override
        public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
            handled.add(exception);
        }
    }
}
