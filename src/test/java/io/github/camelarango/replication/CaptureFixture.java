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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import com.arangodb.ArangoDB;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import com.arangodb.model.CollectionCreateOptions;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;

/**
 * A database of its own on an emulator (a single server, or a cluster through its Coordinator), written through the
 * unmodified official Java driver, and the URI options that point a consumer at it; its ground truth is the
 * emulator's current documents ({@code _key -> _rev}).
 */
final class CaptureFixture implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final ArangoEmulator emulator;
    final String database;
    final ArangoDB driver;
    final ArangoDatabase db;
    private final String user;
    private final String password;
    /** The documents of a collection now: {@code (database, collection) -> (_key -> _rev)}. */
    private final BiFunction<String, String, Map<String, String>> documents;

    CaptureFixture(ArangoEmulator emulator, String user, String password, String... collections) {
        this(emulator, (database, collection) -> revisions(emulator.documents(database, collection)), user, password,
                new CollectionCreateOptions(), collections);
    }

    private CaptureFixture(ArangoEmulator emulator, BiFunction<String, String, Map<String, String>> documents,
                           String user, String password, CollectionCreateOptions options, String... collections) {
        this.emulator = emulator;
        this.documents = documents;
        this.user = user;
        this.password = password;
        this.database = "capture" + DATABASES.incrementAndGet();
        this.driver = new ArangoDB.Builder().host("127.0.0.1", emulator.port()).protocol(Protocol.HTTP_JSON)
                .user(user).password(password).build();
        driver.createDatabase(database);
        this.db = driver.db(database);
        for (String collection : collections) {
            db.collection(collection).create(options);
        }
    }

    /**
     * A database on a cluster, written through its first Coordinator (the consumer's server too), with collections of
     * {@code shards} shards and {@code replicationFactor} copies each.
     */
    static CaptureFixture onCluster(ArangoEmulatorCluster cluster, String user, String password, int shards,
                                    int replicationFactor, String... collections) {
        return new CaptureFixture(cluster.coordinator(), cluster::documents, user, password,
                new CollectionCreateOptions().numberOfShards(shards).replicationFactor(replicationFactor), collections);
    }

    private static Map<String, String> revisions(Map<String, Map<String, Object>> documents) {
        Map<String, String> revs = new TreeMap<>();
        documents.forEach((key, doc) -> revs.put(key, String.valueOf(doc.get("_rev"))));
        return revs;
    }

    /** Connection options of a consumer URI for this database. */
    String connection() {
        return "host=127.0.0.1&port=" + emulator.port() + "&user=" + user + "&password=" + password + "&database="
               + database;
    }

    /** @return the new document's _rev */
    String insert(String collection, Map<String, Object> document) {
        return db.collection(collection).insertDocument(document).getRev();
    }

    String update(String collection, String key, Map<String, Object> patch) {
        return db.collection(collection).updateDocument(key, patch).getRev();
    }

    /** @return the removed _rev */
    String remove(String collection, String key) {
        return db.collection(collection).deleteDocument(key).getRev();
    }

    /** Ground truth: key -> _rev per collection. */
    Map<String, Map<String, String>> truth(List<String> collections) {
        Map<String, Map<String, String>> truth = new LinkedHashMap<>();
        for (String collection : collections) {
            truth.put(collection, new TreeMap<>(documents.apply(database, collection)));
        }
        return truth;
    }

    @Override
    public void close() {
        driver.shutdown();
    }
}
