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
package io.github.camelarango.replication.offsets.kafka;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Changes consumers of two deployments (a CamelContext and a Kafka store each) on one offset key, against the
 * emulator and a KRaft broker in the test JVM: the second is refused while the first runs and continues from its
 * position once it stopped; a first one that paused past its lease is deposed, stops delivering, and its health is
 * DOWN.
 */
class ChangesConsumerKafkaStoreTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "s3cret"));

    private static final String KEY = "orders-cdc";
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private final String topic = "offsets-" + UUID.randomUUID();
    private final String database = "db" + UUID.randomUUID().toString().replace("-", "");
    private final List<CamelContext> deployments = new ArrayList<>();
    private ArangoDB driver;
    private ArangoCollection orders;

    @BeforeEach
    void connect() {
        URI url = URI.create(ARANGO.url());
        driver = new ArangoDB.Builder().host(url.getHost(), url.getPort()).protocol(Protocol.HTTP_JSON)
                .user(ARANGO.user()).password(ARANGO.password()).build();
        driver.createDatabase(database);
        orders = driver.db(database).collection("orders");
        orders.create();
    }

    @AfterEach
    void stop() {
        deployments.forEach(CamelContext::stop);
        driver.shutdown();
    }

    /** What a route received: the document keys, in order. */
    private static final class Sink {
        final List<String> keys = new CopyOnWriteArrayList<>();
        final List<String> ticks = new CopyOnWriteArrayList<>();
    }

    /** A deployment: a CamelContext with a route {@code cdc} and a Kafka store of its own, not started. */
    private CamelContext deployment(String name, KafkaStateRepository store, Sink sink) throws Exception {
        return deployment(name, store, sink, "");
    }

    /** A deployment whose route has the endpoint options {@code options} ({@code &name=value…}) too. */
    private CamelContext deployment(String name, KafkaStateRepository store, Sink sink, String options)
            throws Exception {
        URI url = URI.create(ARANGO.url());
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        store.setBootstrapServers(KAFKA.bootstrapServers());
        store.setTopic(topic);
        camel.getRegistry().bind("kafka", store);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("arango-replication:changes?collections=orders&offsetKey=" + KEY + "&offsetRepository=#kafka"
                     + "&host=" + url.getHost() + "&port=" + url.getPort() + "&user=" + ARANGO.user() + "&password="
                     + ARANGO.password() + "&database=" + database + options).routeId("cdc")
                        .process(exchange -> {
                            sink.keys.add(exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class));
                            sink.ticks.add(exchange.getMessage().getHeader(ArangoReplicationConstants.TICK, String.class));
                        });
            }
        });
        deployments.add(camel);
        return camel;
    }

    private static HealthCheck.Result health(CamelContext camel) {
        return ((HealthCheckAware) camel.getRoute("cdc").getConsumer()).getHealthCheck().call();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String messages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" <- ", messages);
    }

    @Test
    void aSecondDeploymentIsRefusedNamingTheHolderAndContinuesOnceTheFirstStopped() throws Exception {
        orders.insertDocument(Map.of("_key", "o1"));
        Sink first = new Sink();
        CamelContext one = deployment("one", new KafkaStateRepository(), first);
        one.start();
        await("the snapshot", () -> first.keys.size() == 1);

        CamelContext refusedOne = deployment("two", new KafkaStateRepository(), new Sink(), "&offsetKeyWaitTimeout=0");
        String refused = messages(assertThrows(Exception.class, refusedOne::start));
        assertTrue(refused.contains("offsetKey '" + KEY + "' is already used by " + ProcessHandle.current().pid()
                                    + "@"), refused);
        assertTrue(refused.contains(" (route 'cdc' of CamelContext 'one') (epoch 1, lease until "), refused);

        one.stop();
        Sink second = new Sink();
        CamelContext two = deployment("two", new KafkaStateRepository(), second);
        two.start();
        assertEquals(ServiceStatus.Started, two.getRouteController().getRouteStatus("cdc"));
        orders.insertDocument(Map.of("_key", "o2"));
        await("the change, through the second deployment", () -> second.keys.size() == 1);
        Thread.sleep(500);
        assertEquals(List.of("o2"), second.keys, "it continues from the first one's position");
    }

    @Test
    void aPausedOwnerIsDeposedItsCommitRefusedAndItStopsDelivering() throws Exception {
        orders.insertDocument(Map.of("_key", "o1"));
        Instant pausedAt = Instant.now();
        KafkaStateRepository paused = new KafkaStateRepository(Clock.fixed(pausedAt, ZoneOffset.UTC));
        paused.setLeaseDuration(Duration.ofSeconds(1));
        Sink old = new Sink();
        CamelContext one = deployment("old", paused, old);
        one.start();
        await("the snapshot", () -> old.keys.size() == 1);
        await("the lease of the paused owner to run out", () -> Instant.now().isAfter(pausedAt.plusSeconds(1)));

        Sink next = new Sink();
        KafkaStateRepository nextStore = new KafkaStateRepository();
        CamelContext two = deployment("next", nextStore, next);
        two.start();
        orders.insertDocument(Map.of("_key", "o2"));
        await("the change, through the new owner", () -> next.keys.size() == 1);
        await("the old owner's health DOWN", () -> health(one).getState() == HealthCheck.State.DOWN);
        String down = health(one).getMessage().orElse("");
        assertTrue(down.startsWith("offsetKey '" + KEY + "' was claimed by " + ProcessHandle.current().pid() + "@"),
                down);
        assertTrue(down.contains(" (route 'cdc' of CamelContext 'next') (epoch 2, lease until "), down);

        orders.insertDocument(Map.of("_key", "o3"));
        await("the next change, through the new owner", () -> next.keys.size() == 2);
        Thread.sleep(1_000); // time enough for the old owner to deliver it, if it still delivered
        assertEquals(List.of("o2", "o3"), next.keys);
        assertFalse(old.keys.contains("o3"), "the deposed owner stopped delivering: " + old.keys);
        String stored = nextStore.getState(KEY);
        assertTrue(stored.contains("\"from\":\"" + next.ticks.get(1) + "\""),
                "the position is the new owner's last commit, never the old one's: " + stored);
    }
}
