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
package io.github.camelarango.replication.producer;

import java.util.Map;
import java.util.function.Function;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.OpenTransactions;
import io.github.camelarango.replication.client.ReplicationOperation;
import io.github.camelarango.replication.client.WalOpenTransactionsRequest;
import io.github.camelarango.replication.client.WalTailRequest;
import io.github.camelarango.replication.client.WalTailResponse;

/**
 * The logger and write-ahead log operations: logger state and ticks, server id, WAL range, last tick, tail and open
 * transactions.
 */
final class LogOperations {

    private LogOperations() {
    }

    static void register(Map<ReplicationOperation, OperationHandler> handlers) {
        handlers.put(ReplicationOperation.LOGGER_STATE, (client, request, result) -> result.body(client.loggerState()));
        handlers.put(ReplicationOperation.LOGGER_FIRST_TICK,
                (client, request, result) -> result.body(client.loggerFirstTick()));
        handlers.put(ReplicationOperation.LOGGER_TICK_RANGES,
                (client, request, result) -> result.body(client.loggerTickRanges()));
        handlers.put(ReplicationOperation.SERVER_ID, (client, request, result) -> result.body(client.serverId()));
        handlers.put(ReplicationOperation.WAL_RANGE, (client, request, result) -> result.body(client.walRange()));
        handlers.put(ReplicationOperation.WAL_LAST_TICK, (client, request, result) -> result.body(client.walLastTick()));
        handlers.put(ReplicationOperation.WAL_TAIL, LogOperations::walTail);
        handlers.put(ReplicationOperation.WAL_OPEN_TRANSACTIONS, LogOperations::walOpenTransactions);
    }

    /** One WAL tail call: the markers as a list of {@code WalMarker}, or the newline-delimited JSON as a stream. */
    private static void walTail(ArangoReplicationClient client, RequestParameters request, ResultWriter result) {
        Long from = request.from();
        Long lastScanned = request.lastScanned();
        WalTailRequest tail = new WalTailRequest(from == null ? 0 : from, request.to(),
                lastScanned == null ? 0 : lastScanned, request.chunkSize(), request.global(), request.collection(),
                request.includeSystem(), request.serverId(), request.syncerId(), request.clientInfo());
        boolean deserialize = request.deserialize();
        result.lines(client.walTail(tail), deserialize, WalTailResponse::markers, Function.identity());
    }

    private static void walOpenTransactions(ArangoReplicationClient client, RequestParameters request,
                                            ResultWriter result) {
        OpenTransactions open = client.walOpenTransactions(new WalOpenTransactionsRequest(
                request.from(), request.to(), request.global(), request.collection(), request.includeSystem()));
        result.replicationHeaders(open.headers());
        result.body(open);
    }
}
