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

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The store configured as camel-main and Spring Boot configure a bean: {@code camel.beans.positions.<option>}. */
class KafkaStateRepositoryOptionsTest {

    @Test
    void itIsConfiguredAsABeanFromProperties() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KafkaStateRepository repository = new KafkaStateRepository();
            Map<String, Object> properties = new HashMap<>(Map.of("bootstrapServers", "kafka-1:9092,kafka-2:9092",
                    "topic", "cdc-positions", "replicationFactor", "3", "leaseDuration", "30s",
                    "additionalProperties[security.protocol]", "SASL_SSL"));
            PropertyBindingSupport.build().withCamelContext(camel).withTarget(repository).withProperties(properties)
                    .withRemoveParameters(true).bind();
            assertEquals(Map.of(), properties, "every property bound");
            assertEquals("kafka-1:9092,kafka-2:9092", repository.getBootstrapServers());
            assertEquals("cdc-positions", repository.getTopic());
            assertEquals(3, repository.getReplicationFactor());
            assertEquals(Duration.ofSeconds(30), repository.getLeaseDuration());
            assertEquals(Map.of("security.protocol", "SASL_SSL"), repository.getAdditionalProperties());
        }
    }
}
