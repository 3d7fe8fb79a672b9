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
package io.github.camelarango.replication.client;

/**
 * Parameters of {@code GET /_api/wal/tail}. Null registration fields fall back to the client configuration's
 * serverId/syncerId/clientInfo.
 *
 * @param from          exclusive lower bound (unsigned tick); 0 for the WAL start
 * @param to            inclusive upper bound (unsigned), null for none; must be > 0 and not before from
 * @param lastScanned   resume hint from the previous response's lastscanned header, 0 for none
 * @param chunkSize     approximate response size in bytes, null for the server default (1 MiB)
 * @param global        all databases (only from {@code _system})
 * @param collection    restrict to one collection (non-global only), or null
 * @param includeSystem include system collections (server default false)
 * @param serverId      client registration serverId (unsigned decimal), or null
 * @param syncerId      client registration syncerId (unsigned decimal, not 0), or null
 * @param clientInfo    client registration text, or null
 */
public record WalTailRequest(long from, Long to, long lastScanned, Long chunkSize, boolean global, String collection,
        Boolean includeSystem, String serverId, String syncerId, String clientInfo) {

    /** Validates: to not 0 and not before from (unsigned), chunkSize > 0, collection not with global, ids unsigned. */
    public WalTailRequest {
        if (to != null && (to == 0 || Ticks.isAfter(from, to))) {
            throw Require.invalid("to", Ticks.format(to), "a tick > 0 and not before from (" + Ticks.format(from) + ")");
        }
        if (chunkSize != null) {
            Require.positive("chunkSize", chunkSize);
        }
        if (collection != null) {
            Require.notBlank("collection", collection);
            if (global) {
                throw Require.invalid("collection", collection, "none with global=true (a global tail reads every database)");
            }
        }
        serverId = Require.tick("serverId", serverId);
        syncerId = Require.tick("syncerId", syncerId);
        if ("0".equals(syncerId)) {
            throw Require.invalid("syncerId", syncerId, "an unsigned 64-bit decimal number other than 0 (leave it unset)");
        }
    }

    /** Tails the configured database after {@code from}, server defaults otherwise. */
    public static WalTailRequest from(long from) {
        return new WalTailRequest(from, null, 0, null, false, null, null, null, null, null);
    }

    /** This request resumed after the given response headers' position: next from and lastScanned. */
    public WalTailRequest withPosition(long nextFrom, long nextLastScanned) {
        return new WalTailRequest(nextFrom, to, nextLastScanned, chunkSize, global, collection, includeSystem, serverId,
                syncerId, clientInfo);
    }
}
