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
package io.github.camelarango.replication.faults;

/** The faults of the matrix (rows of the table in docs/reliability.md). */
enum Fault {
    CONNECTION_RESET("the connection is reset in the middle of an answer's body"),
    SERVER_ERRORS("a burst of three 503 answers"),
    BATCH_EXPIRY("the server loses the dump batch (every batch expires)"),
    FORCED_WAL_PURGE("the WAL is purged past changes not yet read (retention too short)"),
    SERVER_PURGE_WHILE_STOPPED("the consumer is stopped for longer than the batch TTL and the server purges what no registration needs"),
    SERVER_PURGE_PAST_WITNESS("the server purges, while the consumer is stopped, up to its committed position, past its last delivered change"),
    CONTEXT_STOP("the CamelContext stops and a new one starts on the same offset repository"),
    SIGKILL("the JVM running the route is killed (SIGKILL) and restarted on the same offset file"),
    RESTORED_SERVER("the server is restored from a hot backup: same server id, ticks reused"),
    RESTORED_SERVER_PAST_WITNESS("restored from a backup taken after the last captured change, once the position moved on over uncaptured writes"),
    REPLACED_SERVER("another server (new id, ticks starting low) takes the address, data restored into it"),
    COLLECTION_RENAME("a captured collection is renamed and written to under its new name"),
    COLLECTION_DROP("a captured collection is dropped while the consumer runs"),
    COLLECTION_DROP_WHILE_STOPPED("a captured collection is dropped while the consumer is stopped"),
    TRUNCATE_SMALL("a captured collection is truncated (removes in one transaction)"),
    TRUNCATE_LARGE("a captured collection of 33,000 documents is truncated (one 2004 marker)"),
    SLOW_SINK("one exchange takes longer than batchTtl"),
    LARGE_TRANSACTION("a transaction of 30,000 inserts, about 8 times the transactionBufferSize of 256 KiB"),
    MALFORMED_LINE("one line of the answers is cut in half (malformed JSON) until repaired"),
    INVALID_UTF8("one line of the answers holds invalid UTF-8 until repaired"),
    LONG_STRING("one line of the answers holds a string of 20,000,001 characters until repaired"),
    UNKNOWN_MARKER("a marker of unknown type 9999"),
    MARKER_WITHOUT_TYPE("a marker without type"),
    MARKER_TEXT_TYPE("a marker whose type is text"),
    LEGACY_EDGE_MARKER("a legacy 2301 edge marker"),
    MISSING_FROMPRESENT("wal/tail answers lack x-arango-replication-frompresent (after a purge)"),
    MISSING_TAIL_LASTINCLUDED("wal/tail answers lack x-arango-replication-lastincluded"),
    MISSING_CHECKMORE("dump answers lack x-arango-replication-checkmore"),
    MISSING_DUMP_LASTINCLUDED("dump answers with checkmore: true lack x-arango-replication-lastincluded");

    final String description;

    Fault(String description) {
        this.description = description;
    }
}
