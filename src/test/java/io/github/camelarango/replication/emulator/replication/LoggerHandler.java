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
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Server;

/**
 * logger-state (§3.2), logger-first-tick (§3.3), logger-tick-ranges (§3.4), server-id (§3.17) and
 * determine-open-transactions (§3.6). Ticks are server-wide, identical for every database prefix.
 */
final class LoggerHandler {

    private final EmulatorContext context;
    private final Server server;

    LoggerHandler(EmulatorContext context) {
        this.context = context;
        this.server = context.server();
    }

    HttpResponse state() {
        return HttpResponse.json(200, ServerStateJson.loggerState(context, server.lastTick()));
    }

    HttpResponse firstTick() {
        ObjectNode body = Json.object();
        body.put("firstTick", Long.toUnsignedString(oldestTick()));
        return HttpResponse.json(200, body);
    }

    /** One live WAL file: the emulator does not split its WAL into files. */
    HttpResponse tickRanges() {
        ArrayNode ranges = Json.array();
        ObjectNode file = ranges.addObject();
        file.put("datafile", "/000001.log");
        file.put("status", "open");
        file.put("tickMin", Long.toUnsignedString(oldestTick()));
        file.put("tickMax", Long.toUnsignedString(server.lastTick()));
        return HttpResponse.json(200, ranges);
    }

    HttpResponse serverId() {
        ObjectNode body = Json.object();
        body.put("serverId", server.serverIdText());
        return HttpResponse.json(200, body);
    }

    /** RocksDB only logs committed transactions: always {@code []}. */
    HttpResponse openTransactions() {
        return HttpResponse.json(200, Json.array())
                .contentType(HttpResponse.DUMP)
                .header("x-arango-replication-lasttick", "0")
                .header("x-arango-replication-frompresent", "true");
    }

    private long oldestTick() {
        long oldest = server.wal().oldestTick();
        return oldest == -1 ? server.lastTick() : oldest;
    }
}
