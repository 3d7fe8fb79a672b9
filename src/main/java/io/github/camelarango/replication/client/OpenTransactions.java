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

import java.util.List;

/**
 * Answer of {@code GET /_api/wal/open-transactions} (removed in 4.x). RocksDB never has open transactions in the
 * WAL, so the list is normally empty (status 204).
 *
 * @param status         HTTP status (200 or 204)
 * @param headers        the replication headers (frompresent, lastincluded)
 * @param transactionIds open transaction ids
 */
public record OpenTransactions(int status, ReplicationHeaders headers, List<String> transactionIds) {

    /** Copies the list. */
    public OpenTransactions {
        transactionIds = transactionIds == null ? List.of() : List.copyOf(transactionIds);
    }
}
