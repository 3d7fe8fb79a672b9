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
 * Parameters of {@code GET /_api/wal/open-transactions} (removed in 4.x).
 *
 * @param from          lower bound tick, null for the WAL start
 * @param to            upper bound tick, null for the WAL end
 * @param global        all databases (only from {@code _system})
 * @param collection    restrict to one collection, or null
 * @param includeSystem include system collections
 */
public record WalOpenTransactionsRequest(Long from, Long to, boolean global, String collection, Boolean includeSystem) {

    /** Validates: to not before from. */
    public WalOpenTransactionsRequest {
        if (from != null && to != null && Ticks.isAfter(from, to)) {
            throw Require.invalid("to", Ticks.format(to), "a tick not before from (" + Ticks.format(from) + ")");
        }
    }

    /** The whole WAL of the database. */
    public static WalOpenTransactionsRequest all() {
        return new WalOpenTransactionsRequest(null, null, false, null, null);
    }
}
