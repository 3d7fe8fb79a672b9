package io.github.camelarango.examples.kafka;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaBrokerTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void brokerTakesAndServesRecords() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KAFKA.producerSmokeConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("smoke", "k", "v")).get();
            producer.send(new ProducerRecord<>("smoke", "k", null)).get();
        }
        List<ConsumerRecord<String, String>> records = KAFKA.readAll("smoke", 2, Duration.ofSeconds(30));
        assertEquals(2, records.size());
        assertEquals("v", records.get(0).value());
        assertEquals(null, records.get(1).value());
    }
}
