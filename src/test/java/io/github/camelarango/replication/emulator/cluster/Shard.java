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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One shard of a collection: its name ({@code s<id>}), the servers the Plan gives it and those Current reports in
 * sync, leader first in both. Its lock orders every write through a Coordinator and every change of its servers, so
 * that followers apply the leader's writes in the leader's order.
 */
public final class Shard {

    private final String name;
    private final ClusterCollection collection;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile List<String> plan;
    private volatile List<String> current;

    Shard(String name, ClusterCollection collection, List<String> servers) {
        this.name = name;
        this.collection = collection;
        this.plan = List.copyOf(servers);
        this.current = List.copyOf(servers);
    }

    public String name() {
        return name;
    }

    public ClusterCollection collection() {
        return collection;
    }

    /** {@code c<planId>/<shard>}: the globallyUniqueId of the shard on every DB-Server that holds it. */
    public String cuid() {
        return "c" + collection.planId() + "/" + name;
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** @return the Plan's servers, leader first */
    public List<String> plan() {
        return plan;
    }

    /** @return Current's in-sync servers, leader first */
    public List<String> current() {
        return current;
    }

    public String leader() {
        return current.isEmpty() ? null : current.get(0);
    }

    /** @return the in-sync followers */
    public List<String> followers() {
        return current.size() < 2 ? List.of() : current.subList(1, current.size());
    }

    void plan(List<String> servers) {
        this.plan = List.copyOf(servers);
    }

    void current(List<String> servers) {
        this.current = List.copyOf(servers);
    }

    void dropFromCurrent(String server) {
        List<String> next = new ArrayList<>(current);
        if (next.remove(server)) {
            current = List.copyOf(next);
        }
    }
}
