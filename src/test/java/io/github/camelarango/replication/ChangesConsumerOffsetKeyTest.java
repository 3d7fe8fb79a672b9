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

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default offset key of the changes consumer names everything that makes two streams distinct: the server, the
 * database, the collections and the options that change which changes it delivers; nothing else.
 */
class ChangesConsumerOffsetKeyTest extends CamelTestSupport {

    private static final String SHOP = "arango-replication:changes?host=db1&port=8529&database=shop";
    private final AtomicInteger routes = new AtomicInteger();

    private String offsetKey(String uri) throws Exception {
        String id = "r" + routes.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).autoStartup(false).to("mock:out");
            }
        });
        return assertInstanceOf(ArangoReplicationChangesConsumer.class, context.getRoute(id).getConsumer()).getOffsetKey();
    }

    @Test
    void theDefaultKeyNamesServerDatabaseCollectionsAndADigestOfTheFilters() throws Exception {
        assertEquals("changes:db1:8529/shop/customers,orders!audit?673717a2",
                offsetKey(SHOP + "&collections=orders,customers&excludeCollections=audit"));
        assertEquals("changes:db1:8529/shop/*?673717a2", offsetKey(SHOP));
    }

    /**
     * The digest is 8 hex digits of the SHA-256 of {@code operationTypes=<* or the type names sorted>\n
     * includeSystem=<true|false>}. A stored position is found by its key: these values must never change (a new
     * change type must not change the key of a stream that takes all of them).
     */
    @Test
    void theDigestOfTheFiltersIsStable() throws Exception {
        assertTrue(offsetKey(SHOP).endsWith("?673717a2"));
        assertTrue(offsetKey(SHOP + "&includeSystem=true").endsWith("?478bb072"));
        assertTrue(offsetKey(SHOP + "&operationTypes=DELETE,UPSERT").endsWith("?a7681d1f"));
    }

    @Test
    void streamsOnOtherServersOrWithOtherFiltersGetOtherKeys() throws Exception {
        String key = offsetKey(SHOP + "&collections=orders");
        assertNotEquals(key, offsetKey("arango-replication:changes?host=db2&port=8529&database=shop&collections=orders"));
        assertNotEquals(key, offsetKey("arango-replication:changes?host=db1&port=8530&database=shop&collections=orders"));
        assertNotEquals(key, offsetKey(SHOP + "&collections=orders&operationTypes=DELETE"));
        assertNotEquals(key, offsetKey(SHOP + "&collections=orders&includeSystem=true"));
        assertNotEquals(offsetKey(SHOP + "&operationTypes=DELETE"), offsetKey(SHOP + "&operationTypes=UPSERT"));
    }

    @Test
    void whatDoesNotChangeWhichChangesAreDeliveredKeepsTheKey() throws Exception {
        String key = offsetKey(SHOP + "&collections=orders,customers&operationTypes=UPSERT,DELETE");
        assertEquals(key, offsetKey(SHOP + "&collections=customers, orders&operationTypes=delete,UPSERT"),
                "order, spaces and case of the lists");
        assertEquals(key, offsetKey(SHOP + "&collections=orders,customers&operationTypes=UPSERT,DELETE"
                                    + "&envelope=debezium&tombstoneOnDelete=true&maxEventsPerPoll=5&snapshotMode=NEVER"),
                "envelope and delivery options");
        assertEquals(offsetKey("arango-replication:changes?host=DB1&port=8529&database=shop"), offsetKey(SHOP),
                "host names are case-insensitive");
    }

    @Test
    void anOffsetKeyOptionIsTheKey() throws Exception {
        assertEquals("mine", offsetKey(SHOP + "&offsetKey=mine"));
    }
}
