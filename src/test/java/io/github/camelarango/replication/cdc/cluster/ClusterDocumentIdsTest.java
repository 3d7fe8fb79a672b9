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
package io.github.camelarango.replication.cdc.cluster;

import java.nio.charset.StandardCharsets;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ShardOrigin;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A change read from a DB-Server names the collection in its document's {@code _id}, never the shard. */
class ClusterDocumentIdsTest {

    private static final ShardOrigin ORIGIN = new ShardOrigin("s10002", "PRMR-7c1d", "DBServer0002");

    private static ChangeEvent upsert(String document) {
        return ChangeEvent.upsert(41, "shop", "s10002", "c10001/s10002", null,
                new RawDocument("k1", "_r1", RawJson.of(document.getBytes(StandardCharsets.UTF_8))),
                ChangePosition.tail(41, 0));
    }

    @Test
    void theTopLevelIdNamesTheCollectionAndEveryOtherByteStays() {
        String document = "{\"_key\":\"k1\",\"nested\":{\"_id\":\"s10002/x\"},\"_id\":\"s10002/k1\",\"_rev\":\"_r1\","
                          + "\"big\":18446744073709551617,\"d\":0.10}";
        ChangeEvent named = ClusterDocumentIds.namingCollection(upsert(document).withOrigin("orders", ORIGIN));
        assertEquals(document.replace("\"_id\":\"s10002/k1\"", "\"_id\":\"orders/k1\""), named.rawData().toString());
        assertEquals("orders", named.collection());
        assertEquals(ORIGIN, named.origin());
    }

    @Test
    void aSingleServersChangeAndAnIdWithoutTheShardStayAsTheServerWroteThem() {
        ChangeEvent single = upsert("{\"_key\":\"k1\",\"_id\":\"s10002/k1\"}");
        assertSame(single, ClusterDocumentIds.namingCollection(single), "no origin: a single server's change");
        ChangeEvent named = upsert("{\"_key\":\"k1\",\"_id\":\"orders/k1\"}").withOrigin("orders", ORIGIN);
        assertSame(named, ClusterDocumentIds.namingCollection(named), "the _id names the collection already");
    }
}
