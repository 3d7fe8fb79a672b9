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
package io.github.camelarango.replication.consumer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ShardOrigin;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A change captured from a cluster carries its shard and DB-Server in headers, on its exchange, its tombstone and each
 * exchange of a batch; the collection header names the collection, never the shard. A single server's change has none
 * of them.
 */
class ChangeMessagesClusterHeadersTest {

    private static final ShardOrigin ORIGIN = new ShardOrigin("s10002", "PRMR-7c1d", "DBServer0002");

    private final CamelContext context = new DefaultCamelContext();
    private final ChangeMessages messages = ChangeMessages.forChanges(options(), "key");

    private static ArangoReplicationConsumerConfiguration options() {
        ArangoReplicationConsumerConfiguration options = new ArangoReplicationConsumerConfiguration();
        options.validate();
        return options;
    }

    /** An upsert as a DB-Server's stream reads it: the shard as its collection (withOrigin maps it back). */
    private static ChangeEvent upsert(String key) {
        return ChangeEvent.upsert(41, "shop", "s10002", "c10001/s10002", null, document(key), ChangePosition.tail(41, 0));
    }

    private static RawDocument document(String key) {
        return new RawDocument(key, "_r1", RawJson.of(("{\"_key\":\"" + key + "\",\"_rev\":\"_r1\"}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Message written(ChangeEvent event) {
        Exchange exchange = new DefaultExchange(context);
        messages.write(event, 50, exchange);
        return exchange.getMessage();
    }

    @Test
    void aClusterChangeNamesItsShardAndDbServerAndItsCollection() {
        Message message = written(upsert("k1").withOrigin("orders", ORIGIN));
        assertEquals("orders", message.getHeader(ArangoReplicationConstants.COLLECTION));
        assertEquals("orders/k1", message.getHeader(ArangoReplicationConstants.DOCUMENT_ID));
        assertEquals("s10002", message.getHeader(ArangoReplicationConstants.SHARD));
        assertEquals("PRMR-7c1d", message.getHeader(ArangoReplicationConstants.DB_SERVER));
        assertEquals("DBServer0002", message.getHeader(ArangoReplicationConstants.DB_SERVER_NAME));
    }

    @Test
    void aSingleServersChangeHasNoClusterHeaders() {
        Message message = written(ChangeEvent.upsert(41, "shop", "orders", "h1/100", null, document("k1"),
                ChangePosition.tail(41, 0)));
        assertEquals("orders", message.getHeader(ArangoReplicationConstants.COLLECTION));
        for (String header : List.of(ArangoReplicationConstants.SHARD, ArangoReplicationConstants.DB_SERVER,
                ArangoReplicationConstants.DB_SERVER_NAME)) {
            assertFalse(message.getHeaders().containsKey(header), header);
        }
    }

    @Test
    void theShortNameIsLeftOutWhenTheClusterDidNotTellIt() {
        Message message = written(upsert("k1").withOrigin("orders", new ShardOrigin("s10002", "PRMR-7c1d", null)));
        assertEquals("PRMR-7c1d", message.getHeader(ArangoReplicationConstants.DB_SERVER));
        assertFalse(message.getHeaders().containsKey(ArangoReplicationConstants.DB_SERVER_NAME));
    }

    @Test
    void aTombstoneAndEveryExchangeOfABatchCarryThem() {
        ChangeEvent delete = ChangeEvent.delete(42, "shop", "s10002", "c10001/s10002", null, document("k2"),
                ChangePosition.tail(42, 0)).withOrigin("orders", ORIGIN);
        Exchange exchange = new DefaultExchange(context);
        messages.writeTombstone(delete, 50, exchange);
        Message tombstone = exchange.getMessage();
        assertEquals("s10002", tombstone.getHeader(ArangoReplicationConstants.SHARD));
        assertEquals("PRMR-7c1d", tombstone.getHeader(ArangoReplicationConstants.DB_SERVER));

        ShardOrigin other = new ShardOrigin("s10003", "PRMR-99aa", "DBServer0003");
        Message batch = new DefaultExchange(context).getMessage();
        messages.writeBatch(List.of(upsert("k1").withOrigin("orders", ORIGIN), upsert("k3").withOrigin("orders", other),
                delete), true, 50, batch, () -> new DefaultExchange(context));
        List<?> exchanges = batch.getBody(List.class);
        assertEquals(4, exchanges.size(), "three changes and the delete's tombstone");
        List<String> shards = exchanges.stream()
                .map(e -> ((Exchange) e).getMessage().getHeader(ArangoReplicationConstants.SHARD, String.class)).toList();
        assertEquals(List.of("s10002", "s10003", "s10002", "s10002"), shards);
        List<String> servers = exchanges.stream()
                .map(e -> ((Exchange) e).getMessage().getHeader(ArangoReplicationConstants.DB_SERVER_NAME, String.class))
                .toList();
        assertEquals(List.of("DBServer0002", "DBServer0003", "DBServer0002", "DBServer0002"), servers);
        exchanges.forEach(e -> assertEquals("orders",
                ((Exchange) e).getMessage().getHeader(ArangoReplicationConstants.COLLECTION)));
    }
}
