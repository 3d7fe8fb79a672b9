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
import java.util.Map;

import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.resume.Offset;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message of a change writes its headers when the route first touches one: whatever the route does first —
 * read one, set its own, remove one, copy the message — it sees every header of the change, exactly as written.
 */
class ChangeMessageTest extends CamelTestSupport {

    private static final ChangePosition POSITION = ChangePosition.tail(41, 40);

    private Message written(ChangeEvent event) {
        ArangoReplicationConsumerConfiguration options = new ArangoReplicationConsumerConfiguration();
        options.validate();
        Exchange exchange = new DefaultExchange(context);
        ChangeMessages.forChanges(options, "orders-key").write(event, 77, exchange);
        return exchange.getMessage();
    }

    private static ChangeEvent upsert() {
        return ChangeEvent.upsert(41, "shop", "orders", "h1/100", "9",
                new RawDocument("o1", "_r1", RawJson.of("{\"_key\":\"o1\",\"_rev\":\"_r1\"}"
                        .getBytes(StandardCharsets.UTF_8))), POSITION);
    }

    @Test
    void theFirstReadSeesEveryHeaderOfTheChange() {
        Message message = written(upsert());

        assertEquals("o1", message.getHeader(ArangoReplicationConstants.KEY));
        Map<String, Object> headers = message.getHeaders();
        assertEquals("41", headers.get(ArangoReplicationConstants.TICK));
        assertEquals(ChangeType.UPSERT, headers.get(ArangoReplicationConstants.CHANGE_TYPE));
        assertEquals("shop", headers.get(ArangoReplicationConstants.DATABASE));
        assertEquals("orders", headers.get(ArangoReplicationConstants.COLLECTION));
        assertEquals("orders/o1", headers.get(ArangoReplicationConstants.DOCUMENT_ID));
        assertEquals("_r1", headers.get(ArangoReplicationConstants.REV));
        assertEquals("9", headers.get(ArangoReplicationConstants.TRANSACTION_ID));
        assertEquals(Boolean.FALSE, headers.get(ArangoReplicationConstants.SNAPSHOT));
        assertEquals(POSITION.toJson(), headers.get(ArangoReplicationConstants.POSITION));
        assertEquals("77", headers.get(ArangoReplicationConstants.LAST_TICK));
        Offset<?> offset = assertInstanceOf(org.apache.camel.resume.Resumable.class,
                headers.get(Exchange.OFFSET)).getLastOffset();
        assertEquals(POSITION.toJson(), offset.getValue());
        assertEquals("{\"_key\":\"o1\",\"_rev\":\"_r1\"}", message.getBody());
    }

    @Test
    void aHeaderSetOrRemovedBeforeAnyReadKeepsTheOthersOfTheChange() {
        Message set = written(upsert());
        set.setHeader("kafka.KEY", "orders/o1");
        assertEquals("orders/o1", set.getHeader("kafka.KEY"));
        assertEquals("o1", set.getHeader(ArangoReplicationConstants.KEY));

        Message removed = written(upsert());
        assertEquals("_r1", removed.removeHeader(ArangoReplicationConstants.REV));
        assertNull(removed.getHeader(ArangoReplicationConstants.REV), "a removed header stays removed");
        assertEquals("o1", removed.getHeader(ArangoReplicationConstants.KEY));

        Message replaced = written(upsert());
        replaced.setHeaders(Map.of("only", "this"));
        assertEquals(Map.of("only", "this"), Map.copyOf(replaced.getHeaders()), "setHeaders replaces them all");
    }

    @Test
    void aCopyHasTheHeadersOfTheChange() {
        Message copy = written(upsert()).copy();

        assertEquals("o1", copy.getHeader(ArangoReplicationConstants.KEY));
        assertEquals(POSITION.toJson(), copy.getHeader(ArangoReplicationConstants.POSITION));
        assertTrue(copy.hasHeaders());
    }

    @Test
    void aResetMessageNoLongerHasTheHeadersOfTheChange() {
        Message message = written(upsert());
        message.reset();

        assertFalse(message.hasHeaders(), "a reused message carries no headers of the change it held before");
        assertNull(message.getHeader(ArangoReplicationConstants.KEY));
    }

    @Test
    void theTombstoneOfADeleteHasItsHeadersAndTheFlagAndNoBody() {
        ChangeEvent delete = ChangeEvent.delete(42, "shop", "orders", "h1/100", null, new RawDocument("o1", "_r2",
                RawJson.of("{\"_key\":\"o1\",\"_rev\":\"_r2\"}".getBytes(StandardCharsets.UTF_8))), POSITION);
        ArangoReplicationConsumerConfiguration options = new ArangoReplicationConsumerConfiguration();
        options.validate();
        Exchange exchange = new DefaultExchange(context);
        ChangeMessages.forChanges(options, "orders-key").writeTombstone(delete, 0, exchange);
        Message tombstone = exchange.getMessage();

        assertNull(tombstone.getBody());
        assertEquals(Boolean.TRUE, tombstone.getHeader(ArangoReplicationConstants.TOMBSTONE));
        assertEquals("o1", tombstone.getHeader(ArangoReplicationConstants.KEY));
        assertEquals(ChangeType.DELETE, tombstone.getHeader(ArangoReplicationConstants.CHANGE_TYPE));
        assertNull(tombstone.getHeader(ArangoReplicationConstants.LAST_TICK), "no last tick when it is not known");
    }
}
