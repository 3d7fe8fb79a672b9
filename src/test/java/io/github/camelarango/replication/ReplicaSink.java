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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelarango.replication.cdc.ChangeType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The end of a test route: applies every change it receives the way a downstream replica would (snapshot rows and
 * upserts put the document's revision under its key, deletes remove the key) and records what it received.
 */
final class ReplicaSink implements Processor {

    /** What one exchange carried. */
    record Received(ChangeType type, String collection, String key, String rev, String tick, String transactionId,
                    boolean snapshot, boolean tombstone, Object body) {
    }

    private final Map<String, Map<String, String>> replica = new LinkedHashMap<>();
    private final List<Received> received = new ArrayList<>();

    @Override
    public synchronized void process(Exchange exchange) {
        Message in = exchange.getMessage();
        ChangeType type = in.getHeader(ArangoReplicationConstants.CHANGE_TYPE, ChangeType.class);
        String collection = in.getHeader(ArangoReplicationConstants.COLLECTION, String.class);
        String key = in.getHeader(ArangoReplicationConstants.KEY, String.class);
        String rev = in.getHeader(ArangoReplicationConstants.REV, String.class);
        boolean tombstone = Boolean.TRUE.equals(in.getHeader(ArangoReplicationConstants.TOMBSTONE));
        received.add(new Received(type, collection, key, rev, in.getHeader(ArangoReplicationConstants.TICK, String.class),
                in.getHeader(ArangoReplicationConstants.TRANSACTION_ID, String.class),
                Boolean.TRUE.equals(in.getHeader(ArangoReplicationConstants.SNAPSHOT)), tombstone, in.getBody()));
        if (tombstone) {
            return;
        }
        switch (type) {
            case SNAPSHOT_READ, UPSERT -> replica.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, rev);
            case DELETE -> replica.computeIfAbsent(collection, c -> new TreeMap<>()).remove(key);
            default -> {
            }
        }
    }

    /** key -> _rev per collection, for the given collections (empty when nothing was received). */
    synchronized Map<String, Map<String, String>> state(List<String> collections) {
        Map<String, Map<String, String>> view = new LinkedHashMap<>();
        collections.forEach(c -> view.put(c, new TreeMap<>(replica.getOrDefault(c, Map.of()))));
        return view;
    }

    synchronized List<Received> received() {
        return new ArrayList<>(received);
    }

    synchronized int count() {
        return received.size();
    }
}
