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
package io.github.camelarango.replication.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;

/**
 * The demo's writes, made with the official ArangoDB Java driver ({@code Protocol.HTTP_JSON}) like any application
 * would: (re)creates the demo collection and loads the sample orders.
 */
final class DemoDatabase implements AutoCloseable {

    private final ArangoDB arango;
    private final ArangoCollection orders;

    DemoDatabase(DemoSettings settings) {
        this.arango = new ArangoDB.Builder().host(settings.host(), settings.port()).useSsl(settings.useSsl())
                .protocol(Protocol.HTTP_JSON).user(settings.user()).password(settings.password()).build();
        ArangoDatabase db = arango.db(settings.database());
        if (!db.exists()) {
            db.create();
        }
        ArangoCollection collection = db.collection(settings.collection());
        if (collection.exists()) {
            collection.drop();
        }
        db.createCollection(settings.collection());
        this.orders = collection;
    }

    /** The demo collection, for the writer. */
    ArangoCollection orders() {
        return orders;
    }

    /** Inserts {@code count} orders with keys {@code order-00001}… in batches of 100. */
    void loadSampleOrders(int count) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            batch.add(order(i));
            if (batch.size() == 100 || i == count) {
                orders.insertDocuments(batch);
                batch.clear();
            }
        }
    }

    static String orderKey(int number) {
        return String.format("order-%05d", number);
    }

    static Map<String, Object> order(int number) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("_key", orderKey(number));
        order.put("customer", "customer-" + (number % 37));
        order.put("amount", 10 + (number * 7) % 490);
        order.put("status", "new");
        return order;
    }

    @Override
    public void close() {
        arango.shutdown();
    }
}
