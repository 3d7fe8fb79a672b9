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
package io.github.camelarango.replication.emulator.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection of the cluster's Plan: name, plan id, type, {@code numberOfShards}, {@code replicationFactor} and its
 * shards. A document belongs to the shard of its {@code _key}'s hash (the only shard key the emulator supports).
 * The hash is FNV-1a, not ArangoDB's: which shard holds a key is the emulator's own choice, stable within a run.
 */
public final class ClusterCollection {

    private final String database;
    private final String name;
    private final long planId;
    private final int type;
    private final int replicationFactor;
    private final Map<String, Shard> shards = new LinkedHashMap<>();

    ClusterCollection(String database, String name, long planId, int type, int replicationFactor) {
        this.database = database;
        this.name = name;
        this.planId = planId;
        this.type = type;
        this.replicationFactor = replicationFactor;
    }

    public String database() {
        return database;
    }

    public String name() {
        return name;
    }

    public long planId() {
        return planId;
    }

    public int type() {
        return type;
    }

    public int numberOfShards() {
        return shards.size();
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    /** @return the shards in plan order */
    public List<Shard> shards() {
        return Collections.unmodifiableList(new ArrayList<>(shards.values()));
    }

    public Shard shard(String shardName) {
        return shards.get(shardName);
    }

    void add(Shard shard) {
        shards.put(shard.name(), shard);
    }

    /** The shard that holds the document with this key. */
    public Shard shardOf(String key) {
        int hash = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        List<Shard> list = shards();
        return list.get(Integer.remainderUnsigned(hash, list.size()));
    }
}
