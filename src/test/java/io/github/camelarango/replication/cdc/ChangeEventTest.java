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
package io.github.camelarango.replication.cdc;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeEventTest {

    private static final ChangePosition POSITION = ChangePosition.tail(40, 0);

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void snapshotRowsAndUpsertsTakeKeyAndRevisionFromTheDocument() throws Exception {
        JsonNode doc = json("{\"_key\":\"p1\",\"_id\":\"products/p1\",\"_rev\":\"_r1\",\"price\":3}");
        ChangeEvent row = ChangeEvent.snapshotRead(30, "shop", "products", "h1/100", RawDocument.of(doc),
                ChangePosition.snapshot(30, Set.of()));
        assertEquals(ChangeType.SNAPSHOT_READ, row.type());
        assertEquals(0, row.markerType());
        assertEquals("p1", row.key());
        assertEquals("_r1", row.rev());
        assertEquals("products/p1", row.documentId());
        assertTrue(row.snapshot());
        assertNull(row.transactionId());
        ChangeEvent upsert = ChangeEvent.upsert(41, "shop", "products", "h1/100", "39", RawDocument.of(doc), POSITION);
        assertEquals(2300, upsert.markerType());
        assertEquals("p1", upsert.key());
        assertEquals("_r1", upsert.rev());
        assertEquals("39", upsert.transactionId());
        assertFalse(upsert.snapshot());
        assertEquals(doc, upsert.data());
        assertSame(upsert.data(), upsert.data(), "the tree is built once, when asked");
    }

    @Test
    void aDeleteCarriesTheRemovedKeyAndRevision() throws Exception {
        ChangeEvent delete = ChangeEvent.delete(42, "shop", "products", "h1/100", null,
                RawDocument.of(json("{\"_key\":\"p1\",\"_rev\":\"_r9\"}")), POSITION);
        assertEquals(ChangeType.DELETE, delete.type());
        assertEquals(2302, delete.markerType());
        assertEquals("p1", delete.key());
        assertEquals("_r9", delete.rev());
        assertEquals("products/p1", delete.documentId(), "the document's identity names its collection");
        assertNull(ChangeEvent.delete(42, "shop", null, "h1/100", null,
                RawDocument.of(json("{\"_key\":\"p1\",\"_rev\":\"_r9\"}")), POSITION).documentId(),
                "no identity when the collection is unknown");
    }

    @Test
    void aSchemaChangeHasNoDocumentIdentity() throws Exception {
        ChangeEvent rename = ChangeEvent.schemaChange(43, ChangeType.COLLECTION_RENAME, "shop", "renamed", "h1/100",
                null, RawJson.of(json("{\"name\":\"renamed\",\"_key\":\"not a document\"}")), POSITION);
        assertEquals(2002, rename.markerType());
        assertNull(rename.key());
        assertNull(rename.rev());
        assertNull(rename.documentId());
        IllegalArgumentException notSchema = assertThrows(IllegalArgumentException.class,
                () -> ChangeEvent.schemaChange(44, ChangeType.UPSERT, "shop", "products", null, null,
                        RawJson.EMPTY_OBJECT, POSITION));
        assertEquals("UPSERT is not a schema change", notSchema.getMessage());
    }

    @Test
    void aGapNamesTheLostTicksAndMovesTheStreamToWhereItResumed() throws Exception {
        ChangeEvent gap = ChangeEvent.gap("shop", 1004, -2L);
        assertEquals(ChangeType.GAP, gap.type());
        assertEquals("18446744073709551614", gap.tickString());
        assertEquals(ChangePosition.tail(-2L, 0), gap.position());
        assertEquals(json("{\"lostAfterTick\":\"1004\",\"resumedAfterTick\":\"18446744073709551614\","
                          + "\"reason\":\"WAL purged past the stream's position\"}"), gap.data());
        assertNull(gap.collection());
    }
}
