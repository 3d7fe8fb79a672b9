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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.cdc.ChangeType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers arrive exactly as the server wrote them: a document with 2^63-1, -2^63, 2^64+1 and a 40-digit decimal,
 * read by the snapshot and by the tail, through every body type and both envelopes, one exchange per change and in
 * batch exchanges (batching).
 */
class ExactNumbersIT extends ChangesConsumerTestSupport {

    /** The attributes as written, in the emulator's compact form. */
    private static final String NUMBERS = "\"max\":9223372036854775807,\"min\":-9223372036854775808,"
            + "\"big\":18446744073709551617,\"decimal\":1234567890.123456789012345678901234567891";
    private static final List<String> BODY_TYPES = List.of("String", "bytes", "Map", "JsonNode");
    private static final List<String> ENVELOPES = List.of("native", "debezium");

    @Test
    void everyBodyTypeAndEnvelopeKeepsEveryDigitInSnapshotAndTail() throws Exception {
        try (CaptureFixture f = fixture("numbers")) {
            SERVER.admin().insert(f.database, "numbers", "{\"_key\":\"snap\"," + NUMBERS + "}");
            Map<String, List<Message>> received = new ConcurrentHashMap<>();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String bodyType : BODY_TYPES) {
                        for (String envelope : ENVELOPES) {
                            for (boolean batching : List.of(false, true)) {
                                String route = bodyType + "/" + envelope + (batching ? "/batch" : "");
                                List<Message> messages = received.computeIfAbsent(route,
                                        r -> new CopyOnWriteArrayList<>());
                                from("arango-replication:changes?collections=numbers&bodyType=" + bodyType
                                     + "&envelope=" + envelope + "&batching=" + batching + "&offsetRepository=#offsets"
                                     + "&offsetKey=" + route + "&initialDelay=0&" + f.connection()).routeId(route)
                                        .process(exchange -> messages.addAll(changes(exchange, batching)));
                            }
                        }
                    }
                }
            });
            await("the snapshot row on every route",
                    () -> received.values().stream().allMatch(messages -> messages.size() == 1));
            SERVER.admin().insert(f.database, "numbers", "{\"_key\":\"tail\"," + NUMBERS + "}");
            await("the tailed insert on every route",
                    () -> received.values().stream().allMatch(messages -> messages.size() == 2));

            List<String> checked = new ArrayList<>();
            received.forEach((route, messages) -> {
                String bodyType = route.substring(0, route.indexOf('/'));
                boolean debezium = route.contains("/debezium");
                assertEquals(ChangeType.SNAPSHOT_READ, messages.get(0).getHeader(ArangoReplicationConstants.CHANGE_TYPE));
                assertEquals(ChangeType.UPSERT, messages.get(1).getHeader(ArangoReplicationConstants.CHANGE_TYPE));
                for (Message message : messages) {
                    String key = message.getHeader(ArangoReplicationConstants.KEY, String.class);
                    assertExact(route + " " + key, bodyType, debezium, message.getBody());
                    checked.add(route + " " + key);
                }
            });
            assertEquals(32, checked.size(), checked.toString());
        }
    }

    /** The messages of the changes an exchange carries: itself, or each exchange of a batch's List body. */
    private static List<Message> changes(Exchange exchange, boolean batching) {
        if (!batching) {
            return List.of(exchange.getMessage().copy());
        }
        List<?> batch = assertInstanceOf(List.class, exchange.getMessage().getBody());
        return batch.stream().map(e -> ((Exchange) e).getMessage().copy()).toList();
    }

    private static void assertExact(String what, String bodyType, boolean debezium, Object body) {
        switch (bodyType) {
            case "String" -> assertText(what, debezium, assertInstanceOf(String.class, body, what));
            case "bytes" -> assertText(what, debezium,
                    new String(assertInstanceOf(byte[].class, body, what), StandardCharsets.UTF_8));
            case "Map" -> {
                Map<?, ?> value = assertInstanceOf(Map.class, body, what);
                Map<?, ?> document = debezium ? (Map<?, ?>) value.get("after") : value;
                assertEquals(Long.MAX_VALUE, document.get("max"), what);
                assertEquals(Long.MIN_VALUE, document.get("min"), what);
                assertEquals(new BigInteger("18446744073709551617"), document.get("big"), what);
                assertEquals(new BigDecimal("1234567890.123456789012345678901234567891"), document.get("decimal"), what);
            }
            case "JsonNode" -> {
                JsonNode value = assertInstanceOf(JsonNode.class, body, what);
                JsonNode document = debezium ? value.get("after") : value;
                assertEquals(Long.MAX_VALUE, document.get("max").longValue(), what);
                assertEquals(Long.MIN_VALUE, document.get("min").longValue(), what);
                assertEquals(new BigInteger("18446744073709551617"), document.get("big").bigIntegerValue(), what);
                assertEquals(new BigDecimal("1234567890.123456789012345678901234567891"),
                        document.get("decimal").decimalValue(), what);
            }
            default -> throw new IllegalArgumentException(bodyType);
        }
    }

    /** The text holds the attributes exactly as written, inside {@code after} for the Debezium envelope. */
    private static void assertText(String what, boolean debezium, String text) {
        assertTrue(text.contains(NUMBERS), what + ": " + text);
        if (debezium) {
            assertTrue(text.startsWith("{\"before\":null,\"after\":{\"_key\":"), what + ": " + text);
        } else {
            assertTrue(text.startsWith("{\"_key\":"), what + ": " + text);
        }
    }
}
