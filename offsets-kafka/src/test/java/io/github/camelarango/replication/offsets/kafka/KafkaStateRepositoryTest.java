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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelarango.replication.offsets.LeasedStateRepository;
import io.github.camelarango.replication.offsets.LeasedStateRepositoryContract;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Kafka store against a real KRaft broker in the test JVM: what every shared store does
 * ({@link LeasedStateRepositoryContract}), the topic it creates, and its options.
 */
class KafkaStateRepositoryTest extends LeasedStateRepositoryContract {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private final String topic = "offsets-" + UUID.randomUUID();

    @Override
    protected LeasedStateRepository newProcess(Clock clock, Duration lease) {
        KafkaStateRepository repository = new KafkaStateRepository(clock);
        repository.setBootstrapServers(KAFKA.bootstrapServers());
        repository.setTopic(topic);
        repository.setLeaseDuration(lease);
        return repository;
    }

    @Override
    protected int longestKey() {
        return 5_000; // a record key has no limit of its own
    }

    @Test
    void theTopicIsCreatedCompactedWithOnePartition() throws Exception {
        process();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(1, description.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
    }

    @Test
    void invalidOptionsFailTheStartNamingThem() {
        KafkaStateRepository noServers = new KafkaStateRepository();
        assertEquals("Invalid value for option bootstrapServers: 'null'; allowed is host:port[,host:port...] of the "
                     + "Kafka cluster", assertThrows(IllegalArgumentException.class, noServers::start).getMessage());
        KafkaStateRepository shortLease = new KafkaStateRepository(KAFKA.bootstrapServers());
        shortLease.setLeaseDuration(Duration.ofMillis(10));
        assertEquals("Invalid value for option leaseDuration: 'PT0.01S'; allowed is a duration of at least one second"
                     + " (PT1S)", assertThrows(IllegalArgumentException.class, shortLease::start).getMessage());
    }
}
