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
package io.github.camelarango.replication.cdc.envelope;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.client.Ticks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeTest {

    private static final ObjectMapper JSON = Json.mapper();
    private final DebeziumEnvelope debezium = new DebeziumEnvelope("1.0.0", UpsertOp.UPDATE,
            Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static final ChangePosition POSITION = ChangePosition.tail(1, 0);

    @Test
    void upsertInDebeziumFormSaysItIsAnUpsert() throws Exception {
        JsonNode doc = json("{\"_key\":\"p1\",\"_id\":\"products/p1\",\"_rev\":\"_r1\",\"price\":3}");
        JsonNode value = debezium.value(ChangeEvent.upsert(Ticks.MAX, "shop", "products", "h1/100", "44",
                RawDocument.of(doc), POSITION)).tree();
        assertEquals(json("{\"before\":null,\"after\":{\"_key\":\"p1\",\"_id\":\"products/p1\",\"_rev\":\"_r1\",\"price\":3},"
                + "\"op\":\"u\",\"source\":{\"connector\":\"arango-replication\",\"version\":\"1.0.0\",\"db\":\"shop\","
                + "\"collection\":\"products\",\"cuid\":\"h1/100\",\"tick\":\"18446744073709551615\",\"snapshot\":\"false\","
                + "\"txId\":\"44\",\"rev\":\"_r1\",\"upsert\":true},\"ts_ms\":1700000000000,\"transaction\":{\"id\":\"44\"}}"),
                value);
        DebeziumEnvelope creates = new DebeziumEnvelope("1.0.0", UpsertOp.CREATE, Clock.systemUTC());
        assertEquals("c", creates.value(ChangeEvent.upsert(5, "shop", "products", "h1/100", null, RawDocument.of(doc),
                POSITION)).tree().get("op").asText());
    }

    @Test
    void snapshotRowIsReadOperation() throws Exception {
        JsonNode doc = json("{\"_key\":\"p1\",\"_rev\":\"_r1\"}");
        JsonNode value = debezium.value(ChangeEvent.snapshotRead(10, "shop", "products", "h1/100",
                RawDocument.of(doc), POSITION)).tree();
        assertEquals("r", value.get("op").asText());
        assertEquals("true", value.get("source").get("snapshot").asText());
        assertFalse(value.get("source").get("upsert").asBoolean());
        assertTrue(value.get("transaction").isNull());
        assertEquals(doc, value.get("after"));
    }

    @Test
    void deleteHasNoImagesAndAsksForATombstone() throws Exception {
        ChangeEvent delete = ChangeEvent.delete(11, "shop", "products", "h1/100", null,
                RawDocument.of(json("{\"_key\":\"p1\",\"_rev\":\"_r9\"}")), POSITION);
        JsonNode value = debezium.value(delete).tree();
        assertEquals("d", value.get("op").asText());
        assertTrue(value.get("before").isNull());
        assertTrue(value.get("after").isNull());
        assertEquals("_r9", value.get("source").get("rev").asText());
        assertEquals(json("{\"_id\":\"products/p1\"}"), DebeziumEnvelope.key(delete),
                "the key names the collection: p1 of another collection is another record");
        assertEquals("products", value.get("source").get("collection").asText());
        assertTrue(DebeziumEnvelope.needsTombstone(delete));
        assertEquals("{\"_key\":\"p1\",\"_rev\":\"_r9\"}", NativeEnvelope.body(delete).toString());
    }

    @Test
    void schemaChangeHasNoOpButItsData() throws Exception {
        JsonNode data = json("{\"name\":\"renamed\"}");
        ChangeEvent rename = ChangeEvent.schemaChange(12, ChangeType.COLLECTION_RENAME, "shop", "renamed", "h1/100",
                null, RawJson.of(data), ChangePosition.tail(12, 0));
        JsonNode value = debezium.value(rename).tree();
        assertFalse(value.has("op"));
        assertEquals("COLLECTION_RENAME", value.get("schemaChange").asText());
        assertEquals(data, value.get("data"));
        assertEquals("shop", value.get("databaseName").asText());
        assertFalse(DebeziumEnvelope.needsTombstone(rename));
        assertEquals(data, NativeEnvelope.body(rename).tree());
        assertEquals("t", debezium.value(ChangeEvent.schemaChange(13, ChangeType.COLLECTION_TRUNCATE, "shop", "renamed",
                "h1/100", null, RawJson.EMPTY_OBJECT, ChangePosition.tail(13, 0))).tree().get("op").asText());
    }

    @Test
    void unknownMarkerIsCarriedWholeInBothEnvelopes() throws Exception {
        JsonNode marker = json("{\"tick\":\"14\",\"type\":9999,\"db\":\"shop\",\"data\":{\"x\":1}}");
        ChangeEvent unknown = ChangeEvent.unknown(14, 9999, "shop", null, null, null, RawJson.of(marker),
                ChangePosition.tail(14, 0));
        JsonNode value = debezium.value(unknown).tree();
        assertFalse(value.has("op"));
        assertEquals("UNKNOWN", value.get("schemaChange").asText());
        assertEquals(marker, value.get("data"));
        assertEquals(9999, unknown.markerType());
        assertEquals(marker, NativeEnvelope.body(unknown).tree());
    }

    @Test
    void nativeBodyOfAnUpsertIsTheDocument() throws Exception {
        JsonNode doc = json("{\"_key\":\"p1\",\"_rev\":\"_r1\",\"x\":[1,2]}");
        assertEquals(doc, NativeEnvelope.body(ChangeEvent.upsert(3, "shop", "products", "h1/100", null,
                RawDocument.of(doc), POSITION)).tree());
    }
}
