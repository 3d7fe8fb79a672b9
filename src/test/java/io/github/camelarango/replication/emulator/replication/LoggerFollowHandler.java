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

import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.Server;

/**
 * {@code GET|PUT /_api/replication/logger-follow} (§3.5, removed in 3.12.10): per-database tailing in the legacy
 * marker format, {@code includeSystem} defaulting to true, and the {@code x-arango-replication-active} header
 * that only this endpoint sends. The PUT body is ignored (RocksDB).
 */
final class LoggerFollowHandler {

    private static final long DEFAULT_CHUNK = 1024 * 1024;

    private final EmulatorContext context;
    private final Server server;

    LoggerFollowHandler(EmulatorContext context) {
        this.context = context;
        this.server = context.server();
    }

    HttpResponse follow(HttpRequest request, Database database) {
        TickRange range = TickRange.of(request, -1L);
        long from = range.from();
        long to = range.to();
        Collection collection = CollectionParam.optional(request, database);
        long chunkSize = Math.max(1, request.tickParam("chunkSize", DEFAULT_CHUNK));
        context.clients().register(request, from == 0 ? 0 : from - 1, request.tickParam("ttl", 0));
        long latest = server.lastTick();
        boolean fromPresent = server.wal().fromPresent(from, latest);
        WalTail tail = new WalTail(server.wal(), new WalTail.Request(database, false, collection,
                request.boolParam("includeSystem", true), request.boolParam("includeFoxxQueues", false),
                from, to, 0, chunkSize, true));
        if (Long.compareUnsigned(from, latest) <= 0) {
            tail.scan(latest);
        }
        boolean empty = tail.isEmpty();
        long lastIncluded = empty ? 0 : tail.lastIncluded();
        HttpResponse response = empty ? HttpResponse.empty(204) : new HttpResponse(200).body(tail.body());
        return response.header("content-type", HttpResponse.DUMP)
                .header("x-arango-replication-active", "true")
                .header("x-arango-replication-checkmore", Boolean.toString(lastIncluded != 0 && Long.compareUnsigned(lastIncluded, latest) < 0))
                .header("x-arango-replication-frompresent", Boolean.toString(fromPresent))
                .header("x-arango-replication-lastincluded", Long.toUnsignedString(lastIncluded))
                .header("x-arango-replication-lastscanned", Long.toUnsignedString(empty && tail.lastScanned() == 0 ? from : tail.lastScanned()))
                .header("x-arango-replication-lasttick", Long.toUnsignedString(latest));
    }
}
