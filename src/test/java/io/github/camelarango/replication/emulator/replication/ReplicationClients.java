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
package io.github.camelarango.replication.emulator.replication;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorClock;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.Json;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered replication clients (§3.2, §4.6), keyed by (syncerId, serverId), shown in logger-state. They are
 * server-wide here (ArangoDB registers a tail client in every database's list, which looks the same).
 */
public final class ReplicationClients {

    public static final long DEFAULT_TTL_SECONDS = 7200;

    private final EmulatorClock clock;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    public ReplicationClients(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Registers or refreshes the client named by the request's serverId/syncerId/clientInfo; no ids, no entry. */
    public void register(HttpRequest request, long lastServedTick, double ttlSeconds) {
        register(request, request.tickParam("serverId", 0), lastServedTick, ttlSeconds);
    }

    /**
     * Registers the client of a new batch (§3.7): a request without a serverId (absent, empty or "none", as
     * ArangoDB reads it) is tracked with the batch id as its server id, so even such clients appear in
     * logger-state.
     */
    public void registerBatchClient(HttpRequest request, long batchId, long lastServedTick, double ttlSeconds) {
        String given = request.param("serverId");
        boolean missing = given == null || given.isEmpty() || given.equals("none");
        register(request, missing ? batchId : HttpRequest.parseUnsigned(given), lastServedTick, ttlSeconds);
    }

    private void register(HttpRequest request, long serverId, long lastServedTick, double ttlSeconds) {
        long syncerId = request.tickParam("syncerId", 0);
        if (syncerId == 0 && serverId == 0) {
            return;
        }
        Instant now = clock.now();
        long ttlMillis = (long) ((ttlSeconds > 0 ? ttlSeconds : DEFAULT_TTL_SECONDS) * 1000);
        String info = request.param("clientInfo") == null ? "" : request.param("clientInfo");
        clients.put(key(syncerId, serverId), new Client(syncerId, serverId, info, lastServedTick, now, now.plusMillis(ttlMillis)));
    }

    public void unregister(HttpRequest request) {
        clients.remove(key(request.tickParam("syncerId", 0), request.tickParam("serverId", 0)));
    }

    /**
     * The smallest {@code lastServedTick} of the clients whose TTL has not run out (unsigned), -1 if none: the
     * server keeps the WAL from there on (§4.6).
     */
    public long oldestLiveServedTick() {
        Instant now = clock.now();
        long oldest = -1L;
        for (Client c : clients.values()) {
            if (c.expires.isAfter(now) && Long.compareUnsigned(c.lastServedTick, oldest) < 0) {
                oldest = c.lastServedTick;
            }
        }
        return oldest;
    }

    /** Forgets every client (a restarted or replaced server keeps no registrations). */
    public void clear() {
        clients.clear();
    }

    public ArrayNode toJson() {
        Instant now = clock.now();
        clients.values().removeIf(c -> !c.expires.isAfter(now));
        ArrayNode array = Json.array();
        for (Client c : clients.values()) {
            ObjectNode node = Json.object();
            node.put("syncerId", Long.toUnsignedString(c.syncerId));
            node.put("serverId", Long.toUnsignedString(c.serverId));
            node.put("clientInfo", c.clientInfo);
            node.put("time", EmulatorClock.format(c.time));
            node.put("expires", EmulatorClock.format(c.expires));
            node.put("lastServedTick", Long.toUnsignedString(c.lastServedTick));
            array.add(node);
        }
        return array;
    }

    private static String key(long syncerId, long serverId) {
        return Long.toUnsignedString(syncerId) + "/" + Long.toUnsignedString(serverId);
    }

    private record Client(long syncerId, long serverId, String clientInfo, long lastServedTick, Instant time, Instant expires) {
    }
}
