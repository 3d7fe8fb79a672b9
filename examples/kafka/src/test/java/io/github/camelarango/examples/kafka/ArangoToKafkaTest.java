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
package io.github.camelarango.examples.kafka;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example against the ArangoDB emulator and a real Kafka broker (KRaft) in the test JVM: what lands in the topic
 * is read back with a plain Kafka consumer. Records are keyed by {@code <collection>/<_key>}.
 */
class ArangoToKafkaTest {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "s3cret"));
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ArangoDB driver;
    private Main main;

    @BeforeEach
    void connect() {
        URI url = URI.create(ARANGO.url());
        driver = new ArangoDB.Builder().host(url.getHost(), url.getPort()).protocol(Protocol.HTTP_JSON)
                .user(ARANGO.user()).password(ARANGO.password()).build();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        driver.shutdown();
    }

    @Test
    void everyChangeLandsKeyedByCollectionAndKeyAndADeleteIsFollowedByATombstone() throws Exception {
        ArangoCollection orders = collection("orders");
        orders.insertDocument(Map.of("_key", "o1", "amount", 10));
        orders.insertDocument(Map.of("_key", "o2", "amount", 20));
        main = startExample("orders", "orders.changes");
        assertEquals(2, KAFKA.readAll("orders.changes", 2, TIMEOUT).size(), "the snapshot");

        orders.updateDocument("o1", Map.of("amount", 11));
        orders.deleteDocument("o2");
        orders.insertDocument(Map.of("_key", "o3", "amount", 30));

        List<ConsumerRecord<String, String>> records = KAFKA.readAll("orders.changes", 6, TIMEOUT);
        assertEquals(6, records.size(), "2 snapshot rows, update, delete, tombstone, insert: " + records);
        assertRecord(records.get(0), "orders", "o1", "r", 10);
        assertRecord(records.get(1), "orders", "o2", "r", 20);
        assertRecord(records.get(2), "orders", "o1", "u", 11);
        assertEquals("orders/o2", records.get(3).key());
        JsonNode delete = JSON.readTree(records.get(3).value());
        assertEquals("d", delete.path("op").asText());
        assertTrue(delete.path("after").isNull(), "a delete has no after: " + delete);
        assertEquals("orders", delete.path("source").path("collection").asText(), "source names the collection");
        assertEquals("orders/o2", records.get(4).key());
        assertNull(records.get(4).value(), "the tombstone after the delete of o2");
        assertRecord(records.get(5), "orders", "o3", "u", 30);
    }

    @Test
    void documentsOfTheSameKeyInTwoCollectionsStayApartInOneCompactedTopic() throws Exception {
        KAFKA.createCompactedTopic("shop.changes");
        driver.createDatabase("shop");
        ArangoCollection orders = collection("shop", "orders");
        ArangoCollection customers = collection("shop", "customers");
        orders.insertDocument(Map.of("_key", "1", "amount", 10));
        customers.insertDocument(Map.of("_key", "1", "name", "Ada"));
        main = startExample("shop", "orders,customers", "shop.changes");
        assertEquals(2, KAFKA.readAll("shop.changes", 2, TIMEOUT).size(), "the snapshot");

        orders.deleteDocument("1");
        customers.updateDocument("1", Map.of("name", "Ada L."));

        List<ConsumerRecord<String, String>> records = KAFKA.readAll("shop.changes", 5, TIMEOUT);
        assertEquals(5, records.size(), "2 snapshot rows, delete, tombstone, update: " + records);
        assertEquals(Set.of("orders/1", "customers/1"), records.stream().map(ConsumerRecord::key)
                .collect(Collectors.toSet()), "one key per document, naming its collection");
        // what log compaction keeps: the last record of each key
        Map<String, String> compacted = new HashMap<>();
        records.forEach(record -> compacted.put(record.key(), record.value()));
        assertTrue(compacted.containsKey("orders/1") && compacted.get("orders/1") == null,
                "orders/1 ends with its tombstone");
        JsonNode customer = JSON.readTree(compacted.get("customers/1"));
        assertEquals("Ada L.", customer.path("after").path("name").asText(),
                "the tombstone of orders/1 leaves customers/1: " + customer);
        assertEquals("customers", customer.path("source").path("collection").asText());
    }

    @Test
    void aRestartLosesNothing() throws Exception {
        ArangoCollection items = collection("items");
        for (int i = 0; i < 20; i++) {
            items.insertDocument(Map.of("_key", "i" + i, "n", i));
        }
        main = startExample("items", "items.changes");
        assertEquals(20, KAFKA.readAll("items.changes", 20, TIMEOUT).size(), "the snapshot");
        main.stop();

        for (int i = 0; i < 20; i++) {
            items.updateDocument("i" + i, Map.of("n", 100 + i));
        }
        items.deleteDocument("i0");
        main = startExample("items", "items.changes");
        for (int i = 20; i < 30; i++) {
            items.insertDocument(Map.of("_key", "i" + i, "n", i));
        }

        // at-least-once: duplicates would be allowed, a missing change is not
        List<ConsumerRecord<String, String>> records = KAFKA.readAll("items.changes", 20 + 20 + 2 + 10, TIMEOUT);
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            seen.add(describe(record));
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(seen.contains("items/i" + i + " r " + i), "snapshot of i" + i);
            assertTrue(seen.contains("items/i" + i + " u " + (100 + i)), "update of i" + i + " made while stopped");
        }
        assertTrue(seen.contains("items/i0 d"), "delete of i0 made while stopped");
        assertTrue(seen.contains("items/i0 tombstone"), "tombstone of i0");
        for (int i = 20; i < 30; i++) {
            assertTrue(seen.contains("items/i" + i + " u " + i), "insert of i" + i + " after the restart");
        }
        assertEquals(52, seen.size(), "nothing else: " + seen);
    }

    private ArangoCollection collection(String name) {
        return collection("_system", name);
    }

    private ArangoCollection collection(String database, String name) {
        driver.db(database).createCollection(name);
        return driver.db(database).collection(name);
    }

    private Main startExample(String collection, String topic) throws Exception {
        return startExample("_system", collection, topic);
    }

    private Main startExample(String database, String collection, String topic) throws Exception {
        URI url = URI.create(ARANGO.url());
        Main example = KafkaExample.createMain();
        example.addOverrideProperty("camel.component.arango-replication.database", database);
        example.addOverrideProperty("camel.component.arango-replication.host", url.getHost());
        example.addOverrideProperty("camel.component.arango-replication.port", String.valueOf(url.getPort()));
        example.addOverrideProperty("camel.component.arango-replication.user", ARANGO.user());
        example.addOverrideProperty("camel.component.arango-replication.password", ARANGO.password());
        example.addOverrideProperty("arango.collections", collection);
        example.addOverrideProperty("offsets.file", dir.resolve("offsets.dat").toString());
        example.addOverrideProperty("kafka.brokers", KAFKA.bootstrapServers());
        example.addOverrideProperty("kafka.topic", topic);
        example.start();
        return example;
    }

    private static void assertRecord(ConsumerRecord<String, String> record, String collection, String key, String op,
                                     int amount) throws IOException {
        assertEquals(collection + "/" + key, record.key(), "record key");
        JsonNode value = JSON.readTree(record.value());
        assertEquals(op, value.path("op").asText(), "op of " + value);
        assertEquals(collection, value.path("source").path("collection").asText(), "source.collection of " + value);
        assertEquals(key, value.path("after").path("_key").asText(), "after._key of " + value);
        assertEquals(amount, value.path("after").path("amount").asInt(), "after.amount of " + value);
    }

    /** "key op n" for a change, "key d" for a delete, "key tombstone" for a tombstone. */
    private static String describe(ConsumerRecord<String, String> record) throws IOException {
        if (record.value() == null) {
            return record.key() + " tombstone";
        }
        JsonNode value = JSON.readTree(record.value());
        String op = value.path("op").asText();
        return "d".equals(op) ? record.key() + " d" : record.key() + " " + op + " " + value.path("after").path("n").asInt();
    }
}
