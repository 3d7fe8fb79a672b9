package io.github.camelarango.replication.offsets.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelarango.replication.offsets.OffsetFencedException;
import io.github.camelarango.replication.offsets.OffsetOwnership;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka store against a real KRaft broker in the test JVM: the topic it creates, any key and value across a
 * restart, stores of several processes (one each) writing their keys at once, a second claim refused naming the key
 * and the holder, and a deposed owner's commit refused without moving the position.
 */
class KafkaStateRepositoryTest {

    private static KafkaClusterTestKit cluster;
    private final String topic = "offsets-" + UUID.randomUUID();
    private final List<KafkaStateRepository> started = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    @AfterEach
    void stop() {
        started.forEach(KafkaStateRepository::stop);
    }

    /** A store of its own, as another process has. */
    private KafkaStateRepository process(Clock clock, Duration lease) {
        KafkaStateRepository repository = new KafkaStateRepository(clock);
        repository.setBootstrapServers(cluster.bootstrapServers());
        repository.setTopic(topic);
        repository.setLeaseDuration(lease);
        repository.start();
        started.add(repository);
        return repository;
    }

    private KafkaStateRepository process() {
        return process(Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Test
    void theTopicIsCreatedCompactedWithOnePartition() throws Exception {
        process();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(1, description.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
    }

    @Test
    void anyKeyAndValueRoundTripAndSurviveARestart() {
        Map<String, String> positions = new LinkedHashMap<>();
        positions.put("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"18446744073709551615\"}");
        positions.put("claim/x", "a key that looks like a claim record's");
        positions.put("ünïcødé ✓ 🚀 日本", "värde ✓ 🚀");
        positions.put("line\nbreak\ttab\\ ", "a\nb");
        positions.put("", "empty key");
        positions.put("k".repeat(5_000), "x".repeat(200_000));
        KafkaStateRepository first = process();
        positions.forEach(first::setState);
        first.setState("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"42\"}");
        positions.put("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"42\"}");
        positions.forEach((key, value) -> assertEquals(value, first.getState(key), key));
        assertNull(first.getState("never saved"));
        assertNull(first.getState("x"), "the claim record of 'x' is not the position of 'claim/x'");
        first.stop();

        KafkaStateRepository restarted = process();
        positions.forEach((key, value) -> assertEquals(value, restarted.getState(key), key));
    }

    @Test
    void invalidOptionsFailTheStartNamingThem() {
        KafkaStateRepository noServers = new KafkaStateRepository();
        assertEquals("Invalid value for option bootstrapServers: 'null'; allowed is host:port[,host:port...] of the "
                     + "Kafka cluster", assertThrows(IllegalArgumentException.class, noServers::start).getMessage());
        KafkaStateRepository shortLease = new KafkaStateRepository(cluster.bootstrapServers());
        shortLease.setLeaseDuration(Duration.ofMillis(10));
        assertEquals("Invalid value for option leaseDuration: 'PT0.01S'; allowed is a duration of at least one second"
                     + " (PT1S)", assertThrows(IllegalArgumentException.class, shortLease::start).getMessage());
    }

    @Test
    void twoProcessesWriteTheirOwnKeysAtOnce() throws Exception {
        KafkaStateRepository one = process();
        KafkaStateRepository two = process();
        int commits = 100;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> writers = new ArrayList<>();
            for (KafkaStateRepository repository : List.of(one, two)) {
                String key = repository == one ? "orders" : "customers";
                writers.add(threads.submit((Callable<Object>) () -> {
                    try (OffsetOwnership.Claim claim = repository.claim(key, "route '" + key + "'")) {
                        together.await();
                        for (int i = 1; i <= commits; i++) {
                            repository.setState(key, Integer.toString(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Object> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Integer.toString(commits), two.getState("orders"));
        assertEquals(Integer.toString(commits), one.getState("customers"));
    }

    @Test
    void aSecondClaimWhileTheFirstRunsIsRefusedNamingTheKeyAndTheHolder() {
        KafkaStateRepository first = process();
        KafkaStateRepository second = process();
        OffsetOwnership.Claim claim = first.claim("k", "route 'first' of CamelContext 'a'");
        first.setState("k", "1");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> second.claim("k", "route 'second' of CamelContext 'b'"));
        String pid = Long.toString(ProcessHandle.current().pid());
        assertTrue(refused.getMessage().startsWith("offsetKey 'k' is already used by " + pid + "@"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(" (route 'first' of CamelContext 'a') (epoch 1, lease until "),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; give one of them its own offsetKey"), refused.getMessage());
        IllegalStateException unclaimed = assertThrows(IllegalStateException.class, () -> second.setState("k", "0"));
        assertTrue(unclaimed.getMessage().contains("only its holder may save a position under it"),
                unclaimed.getMessage());
        assertEquals("1", second.getState("k"));

        claim.close();
        try (OffsetOwnership.Claim taken = second.claim("k", "route 'second' of CamelContext 'b'")) {
            assertEquals("1", second.getState("k"), "a claim keeps the position");
            second.setState("k", "2");
        }
        assertEquals("2", first.getState("k"));
        first.setState("k", "3"); // nobody claims it now: written as any StateRepository
        assertEquals("3", second.getState("k"));
    }

    @Test
    void aRunningClaimRenewsItsLease() throws InterruptedException {
        KafkaStateRepository first = process(Clock.systemUTC(), Duration.ofSeconds(1));
        KafkaStateRepository second = process();
        first.claim("k", "route 'first'");
        Thread.sleep(2_500); // two and a half leases, renewed every third of one
        assertThrows(IllegalStateException.class, () -> second.claim("k", "route 'second'"));
    }

    /**
     * The old owner pauses (its clock and its renewals stand still) past its lease; the new owner claims the key and
     * commits; the old one resumes and commits: refused, the position stays the new owner's, and the old one's
     * release leaves the new claim alone.
     */
    @Test
    void theCommitOfADeposedOwnerIsRefusedAndThePositionNeverMovesBack() throws InterruptedException {
        Instant pausedAt = Instant.now();
        KafkaStateRepository old = process(Clock.fixed(pausedAt, ZoneOffset.UTC), Duration.ofSeconds(1));
        KafkaStateRepository next = process();
        OffsetOwnership.Claim oldClaim = old.claim("k", "route 'old'");
        old.setState("k", "10");
        while (Instant.now().isBefore(pausedAt.plusSeconds(1))) {
            Thread.sleep(50);
        }

        OffsetOwnership.Claim nextClaim = next.claim("k", "route 'next'");
        assertEquals("10", next.getState("k"), "the new owner continues from the old one's last commit");
        next.setState("k", "20");

        OffsetFencedException fenced = assertThrows(OffsetFencedException.class, () -> old.setState("k", "11"));
        assertEquals("k", fenced.offsetKey());
        assertTrue(fenced.getMessage().contains(" (route 'next') (epoch 2, lease until "), fenced.getMessage());
        assertTrue(fenced.getMessage().contains("since this stream claimed it (epoch 1); the commit of this deposed "
                                                + "stream is refused"), fenced.getMessage());
        assertEquals("20", next.getState("k"), "the refused commit changed nothing");
        assertEquals("20", old.getState("k"));
        assertThrows(OffsetFencedException.class, () -> old.setState("k", "12"), "and every later one too");

        oldClaim.close();
        next.setState("k", "21");
        assertEquals("21", old.getState("k"), "the old owner's release left the new claim alone");
        assertThrows(IllegalStateException.class, () -> old.claim("k", "route 'old'"));
        nextClaim.close();
    }
}
