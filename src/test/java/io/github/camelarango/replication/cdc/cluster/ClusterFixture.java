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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import com.arangodb.ArangoCollection;
import com.arangodb.ArangoDB;
import com.arangodb.ArangoDBException;
import com.arangodb.Protocol;
import com.arangodb.model.CollectionCreateOptions;
import com.arangodb.model.DocumentCreateOptions;
import com.arangodb.model.OverwriteMode;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ReplayedState;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.client.SuperuserJwt;
import io.github.camelarango.replication.emulator.ArangoEmulatorCluster;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A cluster of 3 DB-Servers with collections {@code orders} and {@code customers} of 3 shards, replicationFactor 2,
 * written through the Coordinator with the official driver; and the cluster streams over it, with an in-memory store.
 */
final class ClusterFixture implements AutoCloseable {

    static final String DB = "shop";
    static final List<String> COLLECTIONS = List.of("orders", "customers");

    final ArangoEmulatorCluster cluster;
    final ArangoDB driver;
    final HttpArangoReplicationClient coordinator;
    final Map<String, String> store = new ConcurrentHashMap<>();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final CountingExecutor fetchers = new CountingExecutor();
    private final Random random = new Random(16);
    private int writes;

    ClusterFixture(Duration failoverDelay) {
        cluster = ArangoEmulatorCluster.builder().dbServers(3).failoverDelay(failoverDelay)
                .authentication("root", "pw").build().start();
        driver = new ArangoDB.Builder().host("127.0.0.1", cluster.coordinator().port()).protocol(Protocol.HTTP_JSON)
                .user("root").password("pw").build();
        driver.db(DB).create();
        for (String name : COLLECTIONS) {
            driver.db(DB).createCollection(name, new CollectionCreateOptions().numberOfShards(3).replicationFactor(2));
        }
        coordinator = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(cluster.coordinator().url())
                .database(DB).password("pw").build());
    }

    ClusterChangeStream stream() {
        return stream(cluster.jwtSecret());
    }

    ClusterChangeStream stream(String secret) {
        return stream(secret, SnapshotMode.INITIAL);
    }

    ClusterChangeStream stream(String secret, SnapshotMode mode) {
        ChangeStreamOptions options = ChangeStreamOptions.builder().streamKey("cluster-it").snapshotMode(mode)
                .includeCollections(Set.copyOf(COLLECTIONS)).idleMinWait(Duration.ofMillis(10))
                .idleMaxWait(Duration.ofMillis(30)).build();
        return new ClusterChangeStream(coordinator, SuperuserJwt.of(secret.toCharArray()), options,
                ClusterPositionStore.ofStrings(store::get, store::put), timer, fetchers);
    }

    /**
     * {@code count} random inserts, replacements and removals of 30 keys per collection (a write to a shard without a
     * leader fails and is left out: the ground truth is the cluster's).
     */
    void randomWrites(int count) {
        for (int i = 0; i < count; i++) {
            ArangoCollection collection = driver.db(DB).collection(COLLECTIONS.get(random.nextInt(COLLECTIONS.size())));
            String key = "k" + random.nextInt(30);
            try {
                if (random.nextInt(4) == 0) {
                    if (collection.documentExists(key)) {
                        collection.deleteDocument(key);
                    }
                } else {
                    collection.insertDocument(Map.of("_key", key, "n", writes++),
                            new DocumentCreateOptions().overwriteMode(OverwriteMode.replace));
                }
            } catch (ArangoDBException e) {
                if (e.getResponseCode() == null || e.getResponseCode() != 503) {
                    throw e;
                }
            }
        }
    }

    /** What the cluster holds: collection to key to revision. */
    Map<String, Map<String, String>> truth() {
        Map<String, Map<String, String>> truth = new LinkedHashMap<>();
        for (String name : COLLECTIONS) {
            truth.put(name, cluster.documents(DB, name));
        }
        return truth;
    }

    /** The replica's state with every collection listed (an empty one included). */
    static Map<String, Map<String, String>> state(ReplayedState replica) {
        Map<String, Map<String, String>> state = new LinkedHashMap<>();
        for (String name : COLLECTIONS) {
            state.put(name, new TreeMap<>(replica.state().getOrDefault(name, Map.of())));
        }
        return state;
    }

    /** Polls, applies and commits until the replica equals what the cluster holds; returns the events delivered. */
    List<ChangeEvent> catchUp(ClusterChangeStream stream, ReplayedState replica) {
        return pollUntil(stream, replica, () -> state(replica).equals(truth()));
    }

    /**
     * Polls, applies and commits (the last event of each poll) until {@code done}; returns every event delivered.
     */
    static List<ChangeEvent> pollUntil(ClusterChangeStream stream, ReplayedState replica, BooleanSupplier done) {
        List<ChangeEvent> delivered = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("the stream did not get there; delivered " + delivered.size() + " events");
            }
            List<ChangeEvent> events;
            try {
                events = stream.poll(50);
            } catch (RuntimeException e) {
                if (stream.failure().isPresent()) {
                    throw e;
                }
                continue; // a DB-Server's failed read: read again
            }
            replica.apply(events);
            delivered.addAll(events);
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            }
        }
        return delivered;
    }

    /**
     * Polls (while nothing is written) until a poll throws a failure of type {@code wanted}; other failures (a
     * DB-Server's failed read) are read past.
     *
     * @return the failure, null when none came within {@code timeout}
     */
    static <T extends RuntimeException> T pollUntilFailure(ClusterChangeStream stream, Class<T> wanted,
                                                           Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<ChangeEvent> events = stream.poll(50);
                if (!events.isEmpty()) {
                    fail("nothing was written, yet the stream delivered " + events);
                }
            } catch (RuntimeException e) {
                if (wanted.isInstance(e)) {
                    return wanted.cast(e);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        coordinator.close();
        driver.shutdown();
        timer.shutdownNow();
        fetchers.shutdownNow();
        cluster.close();
    }
}
