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
package io.github.camelarango.examples.ha;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the example against one ArangoDB emulator, one shared folder (the file-lock election, the sink)
 * and one Kafka topic (the position): the first captures the snapshot and the changes that follow; it goes away while
 * the changes go on — stopped, or killed so that its claim of the offset key stays until its lease ran out — and the
 * second, elected, continues from the position the first committed. Every change reaches the sink; each test counts
 * and prints the changes written, delivered, delivered twice and lost.
 */
class HaExampleTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "s3cret"));

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The lease of a claim in the Kafka store (30 s by default): a killed leader holds the offset key that long after
     * its last renewal, longer than the election takes, so the new leader's consumer must wait for the key.
     */
    private static final Duration LEASE = Duration.ofSeconds(15);

    @TempDir
    Path shared;

    private final String topic = "offsets-" + UUID.randomUUID();
    private final List<Main> instances = new ArrayList<>();
    private ArangoDB driver;
    private ArangoCollection orders;

    @BeforeEach
    void createOrders() {
        URI url = URI.create(ARANGO.url());
        driver = new ArangoDB.Builder().host(url.getHost(), url.getPort()).protocol(Protocol.HTTP_JSON)
                .user(ARANGO.user()).password(ARANGO.password()).build();
        driver.db().createCollection("orders");
        orders = driver.db().collection("orders");
        orders.insertDocument(Map.of("_key", "o1", "amount", 1));
        orders.insertDocument(Map.of("_key", "o2", "amount", 2));
    }

    @AfterEach
    void stop() {
        instances.forEach(Main::stop);
        orders.drop();
        driver.shutdown();
    }

    @Test
    void theSecondInstanceTakesOverWhenTheLeaderStops() throws Exception {
        Main first = startInstance("first");
        awaitTrue(() -> lines().size() == 2, "the snapshot's 2 lines");
        startInstance("second");
        write(3, 22);
        awaitTrue(() -> lines().size() == 22, "o3 to o22 through the first instance");

        first.stop(); // the leader goes away: its route stops (its last change committed), then it gives up the lock
        write(23, 42);
        awaitTrue(() -> keys().size() == 42, "o23 to o42, through the second instance");

        Outcome outcome = outcome("stopped leader");
        assertEquals(0, outcome.lost, "every change reaches the sink");
        assertEquals(0, outcome.duplicates, "a stopped leader committed what it delivered: nothing twice");
        assertEquals(List.of("first"), capturedBy(1, 22), "o1 to o22 by the first instance");
        assertEquals(List.of("second"), capturedBy(23, 42), "o23 to o42 by the second, after the first one's last");
    }

    /**
     * The first instance is a process of its own, killed (SIGKILL): no stop, no release. The operating system drops its
     * file lock, so the second is elected at once, but the Kafka store still holds the first one's claim of the offset
     * key until its lease runs out (up to {@link #LEASE} after the kill): the second's consumer waits for it
     * (offsetKeyWaitTimeout; without the wait ClusteredRoutePolicy's one start of the route would be refused) and then
     * continues from the position the first committed.
     */
    @Test
    void theSecondInstanceTakesOverWhenTheKilledLeadersLeaseRunsOut() throws Exception {
        Process first = startProcess("first");
        try {
            awaitTrue(() -> lines().size() == 2, "the snapshot's 2 lines, from the first instance's process");
            startInstance("second");
            write(3, 22);
            awaitTrue(() -> lines().size() == 22, "o3 to o22 through the first instance");

            first.destroyForcibly().waitFor(); // SIGKILL
            long killed = System.nanoTime();
            write(23, 42);
            awaitTrue(() -> keys().size() == 42, "o23 to o42, through the second instance");
            Duration took = Duration.ofNanos(System.nanoTime() - killed);
            assertTrue(took.compareTo(LEASE.multipliedBy(2).dividedBy(3)) >= 0, "the second waited for the first "
                                                                               + "one's lease, took " + took);

            Outcome outcome = outcome("killed leader");
            assertEquals(0, outcome.lost, "every change reaches the sink");
            List<String> byFirst = changesCapturedBy("first");
            Set<String> again = new HashSet<>(changesCapturedBy("second"));
            again.retainAll(byFirst);
            assertEquals(outcome.duplicates, again.size(), "only what the killed leader delivered comes again");
            assertEquals(new HashSet<>(byFirst.subList(byFirst.size() - again.size(), byFirst.size())), again,
                    "the window of a killed leader: what it delivered after its last position write (one poll by "
                    + "default), the last of its changes and nothing before them");
            assertEquals(List.of("second"), capturedBy(23, 42), "o23 to o42 by the second instance");
        } finally {
            first.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------ instances

    /** An instance in this JVM: the example's Camel Main, started. */
    private Main startInstance(String name) throws Exception {
        Main instance = HaExample.createMain();
        settings(name).forEach(instance::addOverrideProperty);
        instance.start();
        instances.add(instance);
        return instance;
    }

    /** An instance in a JVM of its own (the example's main, this class path), started; its output in a log file. */
    private Process startProcess(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        settings(name).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(HaExample.class.getName());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(shared.resolve(name + ".log").toFile()).start();
    }

    /** The settings of an instance beyond application.properties: the test's servers, folders and short timings. */
    private Map<String, String> settings(String name) {
        URI url = URI.create(ARANGO.url());
        return Map.ofEntries(
                Map.entry("camel.main.name", name),
                Map.entry("camel.cluster.file.id", name),
                Map.entry("camel.cluster.file.root", shared.resolve("cluster").toString()),
                Map.entry("camel.cluster.file.acquire-lock-delay-unit", "MILLISECONDS"),
                Map.entry("camel.cluster.file.acquire-lock-delay", "200"),
                Map.entry("camel.cluster.file.acquire-lock-interval-unit", "MILLISECONDS"),
                Map.entry("camel.cluster.file.acquire-lock-interval", "200"),
                Map.entry("camel.component.arango-replication.host", url.getHost()),
                Map.entry("camel.component.arango-replication.port", String.valueOf(url.getPort())),
                Map.entry("camel.component.arango-replication.user", ARANGO.user()),
                Map.entry("camel.component.arango-replication.password", ARANGO.password()),
                Map.entry("camel.beans.offsets.bootstrap-servers", KAFKA.bootstrapServers()),
                Map.entry("camel.beans.offsets.topic", topic),
                Map.entry("camel.beans.offsets.lease-duration", LEASE.toString()),
                Map.entry("output.dir", shared.resolve("changes").toString()));
    }

    // ------------------------------------------------------------------ the changes and the sink

    /** Inserts orders o{from} to o{to}, one by one. */
    private void write(int from, int to) {
        for (int i = from; i <= to; i++) {
            orders.insertDocument(Map.of("_key", "o" + i, "amount", i));
        }
    }

    /** The sink's lines, in order. */
    private List<JsonNode> lines() {
        Path file = shared.resolve("changes/orders.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(HaExampleTest::parse).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> keys() {
        Set<String> keys = new HashSet<>();
        lines().forEach(line -> keys.add(line.path("_key").asText()));
        return keys;
    }

    /** The instances that captured orders o{from} to o{to}, in the order they did. */
    private List<String> capturedBy(int from, int to) {
        return lines().stream().filter(l -> {
            int n = Integer.parseInt(l.path("_key").asText().substring(1));
            return n >= from && n <= to;
        }).map(l -> l.path("capturedBy").asText()).distinct().toList();
    }

    /** The changes (key@rev) an instance wrote to the sink, in the order it wrote them. */
    private List<String> changesCapturedBy(String instance) {
        return lines().stream().filter(l -> instance.equals(l.path("capturedBy").asText()))
                .map(l -> l.path("_key").asText() + "@" + l.path("_rev").asText()).toList();
    }

    private record Outcome(int written, int delivered, int duplicates, int lost) {
    }

    /** Counts the sink's lines against the documents in the emulator, by _key and _rev, and prints the figures. */
    private Outcome outcome(String test) throws InterruptedException {
        Thread.sleep(1_000); // time for a change delivered twice to arrive
        List<JsonNode> lines = lines();
        Set<String> delivered = new HashSet<>();
        int duplicates = 0;
        for (JsonNode line : lines) {
            if (!delivered.add(line.path("_key").asText() + "@" + line.path("_rev").asText())) {
                duplicates++;
            }
        }
        Set<String> written = new HashSet<>();
        ARANGO.emulator().documents("_system", "orders").forEach((key, document) -> written.add(key + "@"
                                                                                              + document.get("_rev")));
        int lost = (int) written.stream().filter(change -> !delivered.contains(change)).count();
        Outcome outcome = new Outcome(written.size(), lines.size(), duplicates, lost);
        System.out.printf("HA %-16s changes written %d, delivered %d, duplicates %d, lost %d%n", test,
                outcome.written, outcome.delivered, outcome.duplicates, outcome.lost);
        return outcome;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + line, e);
        }
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; the sink has " + lines().size()
                                         + " lines; logs of child processes: " + childLogs());
            }
            Thread.sleep(50);
        }
    }

    private String childLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(shared)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                List<String> all = Files.readAllLines(log);
                logs.append('\n').append(log.getFileName()).append(":\n")
                        .append(String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size())));
            }
        }
        return logs.toString();
    }
}
