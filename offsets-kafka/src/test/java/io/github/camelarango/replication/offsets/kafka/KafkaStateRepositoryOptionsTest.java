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
