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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelarango.replication.client.Require;

/**
 * The syncerIds the running changes consumers of this JVM register with, per server. ArangoDB keeps one replication
 * client registration per syncerId (docs/protocol.md §4.6): two consumers registering with one configured syncerId
 * would move each other's registered position, and the server could purge write-ahead log one of them still needs.
 * A second consumer of the same server with the same syncerId is therefore refused. Derived syncerIds (the default)
 * differ per offset key and are not claimed.
 */
public final class SyncerIdClaims {

    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

    private SyncerIdClaims() {
    }

    /** A syncerId held by a consumer until {@link #release()}. */
    public record Claim(String key, String owner) {

        /** Gives the syncerId free again. */
        public void release() {
            OWNERS.remove(key, owner);
        }
    }

    /**
     * Claims {@code syncerId} at {@code server} for {@code owner}.
     *
     * @throws IllegalArgumentException naming the syncerId and the owner when another consumer holds it
     */
    public static Claim claim(String server, String syncerId, String owner) {
        String key = key(server, syncerId);
        String holder = OWNERS.putIfAbsent(key, owner);
        if (holder != null) {
            throw Require.invalid("syncerId", syncerId, "a syncerId no other running changes consumer of " + server
                    + " registers with (" + holder + " does: the server keeps one registration per syncerId, so the "
                    + "two would move each other's registered position); give each consumer its own syncerId, or "
                    + "leave it unset so that each derives its own from its offset key");
        }
        return new Claim(key, owner);
    }

    private static String key(String server, String syncerId) {
        return server + "#" + syncerId;
    }
}
