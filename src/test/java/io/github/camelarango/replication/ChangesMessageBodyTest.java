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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.consumer.ChangeMessages;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The body of a change for every {@code bodyType} and both envelopes: the JSON text exactly as the server wrote it
 * (numbers included), or a Map / JsonNode holding the same values; and every body converts to the others.
 */
class ChangesMessageBodyTest {

    /** 2^63-1, -2^63, 2^64+1 and a 40-digit decimal, with the server's spacing. */
    static final String DOCUMENT = "{\"_key\":\"n1\",\"_id\":\"numbers/n1\",\"_rev\":\"_r1\", \"max\":9223372036854775807,"
            + "\"min\":-9223372036854775808,\"big\":18446744073709551617,"
            + "\"decimal\":1234567890.123456789012345678901234567891,\"nested\":{\"d\":[0.1,-0.0]},\"t\":\"Köln\"}";

    private static CamelContext context;

    @BeforeAll
    static void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopContext() {
        context.stop();
    }

    private static ChangeEvent snapshotRow() {
        return ChangeEvent.snapshotRead(30, "shop", "numbers", "h1/100",
                new RawDocument("n1", "_r1", RawJson.of(DOCUMENT.getBytes(StandardCharsets.UTF_8))),
                ChangePosition.snapshot(30, java.util.Set.of()));
    }

    private static ChangeEvent upsert() {
        return ChangeEvent.upsert(41, "shop", "numbers", "h1/100", null,
                new RawDocument("n1", "_r1", RawJson.of(DOCUMENT.getBytes(StandardCharsets.UTF_8))),
                ChangePosition.tail(41, 0));
    }

    private static Message write(String bodyType, String envelope, ChangeEvent event) {
        ArangoReplicationConsumerConfiguration options = new ArangoReplicationConsumerConfiguration();
        options.setBodyType(bodyType);
        options.setEnvelope(envelope);
        options.validate();
        Exchange exchange = new DefaultExchange(context);
        ChangeMessages.forChanges(options, "key").write(event, 0, exchange);
        return exchange.getMessage();
    }

    private static void assertExactNumbers(Map<?, ?> document) {
        assertEquals(Long.MAX_VALUE, document.get("max"));
        assertEquals(Long.MIN_VALUE, document.get("min"));
        assertEquals(new BigInteger("18446744073709551617"), document.get("big"));
        assertEquals(new BigDecimal("1234567890.123456789012345678901234567891"), document.get("decimal"));
        assertEquals(List.of(0.1, -0.0), ((Map<?, ?>) document.get("nested")).get("d"));
        assertEquals("Köln", document.get("t"));
    }

    private static void assertExactNumbers(JsonNode document) {
        assertEquals(Long.MAX_VALUE, document.get("max").longValue());
        assertEquals(Long.MIN_VALUE, document.get("min").longValue());
        assertEquals(new BigInteger("18446744073709551617"), document.get("big").bigIntegerValue());
        assertEquals(new BigDecimal("1234567890.123456789012345678901234567891"), document.get("decimal").decimalValue());
        assertEquals(0.1, document.get("nested").get("d").get(0).doubleValue());
    }

    @Test
    void theDefaultBodyIsTheDocumentTextAsTheServerWroteIt() {
        for (ChangeEvent event : List.of(snapshotRow(), upsert())) {
            Message message = write("String", "native", event);
            assertEquals(DOCUMENT, message.getBody());
            assertExactNumbers(message.getBody(Map.class));
            assertExactNumbers(message.getBody(JsonNode.class));
            assertArrayEquals(DOCUMENT.getBytes(StandardCharsets.UTF_8), message.getBody(byte[].class));
        }
        assertEquals("String", new ArangoReplicationConsumerConfiguration().getBodyType());
        Message message = write("String", "native", upsert());
        assertEquals("Köln", context.resolveLanguage("simple").createExpression("${body[t]}")
                .evaluate(message.getExchange(), String.class), "the simple language reads attributes of the text");
    }

    @Test
    void bytesAreTheUtf8OfTheText() {
        for (ChangeEvent event : List.of(snapshotRow(), upsert())) {
            Message message = write("bytes", "native", event);
            assertArrayEquals(DOCUMENT.getBytes(StandardCharsets.UTF_8), assertInstanceOf(byte[].class, message.getBody()));
            assertEquals(DOCUMENT, message.getBody(String.class));
            assertExactNumbers(message.getBody(Map.class));
            assertExactNumbers(message.getBody(JsonNode.class));
        }
    }

    @Test
    void mapAndJsonNodeBodiesKeepEveryDigit() {
        for (ChangeEvent event : List.of(snapshotRow(), upsert())) {
            Map<?, ?> map = assertInstanceOf(Map.class, write("Map", "native", event).getBody());
            assertExactNumbers(map);
            assertEquals(List.of("_key", "_id", "_rev", "max", "min", "big", "decimal", "nested", "t"),
                    List.copyOf(map.keySet()), "document order kept");
            Message tree = write("JsonNode", "native", event);
            assertExactNumbers(assertInstanceOf(JsonNode.class, tree.getBody()));
            assertExactNumbers(tree.getBody(Map.class));
            assertTrue(write("jsonnode", "native", event).getBody() instanceof JsonNode, "case-insensitive");
        }
    }

    @Test
    void theDebeziumEnvelopeEmbedsTheDocumentTextWithoutReserialisingIt() {
        for (ChangeEvent event : List.of(snapshotRow(), upsert())) {
            String text = assertInstanceOf(String.class, write("String", "debezium", event).getBody());
            assertTrue(text.startsWith("{\"before\":null,\"after\":" + DOCUMENT + ",\"op\":\""), text);
            assertArrayEquals(text.replaceAll("\"ts_ms\":\\d+", "").getBytes(StandardCharsets.UTF_8),
                    new String(assertInstanceOf(byte[].class, write("bytes", "debezium", event).getBody()),
                            StandardCharsets.UTF_8).replaceAll("\"ts_ms\":\\d+", "").getBytes(StandardCharsets.UTF_8));
            Map<?, ?> map = assertInstanceOf(Map.class, write("Map", "debezium", event).getBody());
            assertExactNumbers((Map<?, ?>) map.get("after"));
            assertEquals(event.type() == ChangeType.SNAPSHOT_READ ? "r" : "u", map.get("op"));
            JsonNode tree = assertInstanceOf(JsonNode.class, write("JsonNode", "debezium", event).getBody());
            assertExactNumbers(tree.get("after"));
            assertExactNumbers((Map<?, ?>) write("String", "debezium", event).getBody(Map.class).get("after"));
        }
    }

    @Test
    void aDeleteIsItsKeyAndRevisionInEveryBodyType() {
        ChangeEvent delete = ChangeEvent.delete(42, "shop", "numbers", "h1/100", null,
                new RawDocument("n1", "_r2", RawJson.of("{\"_key\":\"n1\",\"_rev\":\"_r2\"}".getBytes(StandardCharsets.UTF_8))),
                ChangePosition.tail(42, 0));
        assertEquals("{\"_key\":\"n1\",\"_rev\":\"_r2\"}", write("String", "native", delete).getBody());
        assertEquals(Map.of("_key", "n1", "_rev", "_r2"), write("Map", "native", delete).getBody());
        Map<?, ?> debezium = write("Map", "debezium", delete).getBody(Map.class);
        assertNull(debezium.get("after"));
        assertEquals("d", debezium.get("op"));
    }

    @Test
    void textThatIsNotAJsonObjectConvertsToNoMap() {
        Message message = new DefaultExchange(context).getMessage();
        for (String text : List.of("plain text", "[1,2]", "{\"a\":", "")) {
            message.setBody(text);
            assertNull(message.getBody(Map.class), text);
        }
        message.setBody("{\"a\":1}");
        assertEquals(Map.of("a", 1), message.getBody(Map.class), "a miss before does not stick");
        message.setBody("not json");
        assertNull(message.getBody(JsonNode.class));
        message.setBody("[1,2]");
        assertEquals(2, message.getBody(JsonNode.class).size());
    }
}
