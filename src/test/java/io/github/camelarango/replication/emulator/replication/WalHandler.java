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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.Server;

/**
 * {@code /_api/wal/*} (§4): range, lastTick, tail (GET/PUT; DELETE unregisters), open-transactions. Coordinators
 * get 501/1470; any other method or suffix 400/400 (not 405).
 */
public final class WalHandler implements RouteHandler {

    private static final String USAGE = "expected GET /_api/wal/[tail|range|lastTick|open-transactions]>";
    private static final long DEFAULT_CHUNK = 1024 * 1024;
    private static final long MIN_CHUNK = 16 * 1024;
    private static final long MAX_CHUNK = 128L * 1024 * 1024;

    private final EmulatorContext context;
    private final Server server;

    public WalHandler(EmulatorContext context) {
        this.context = context;
        this.server = context.server();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        if (context.isCoordinator()) {
            throw new ArangoException(501, 1470, "'/_api/wal' is not yet supported in a cluster");
        }
        String sub = request.segment(2);
        String method = request.method();
        if (sub == null || request.segments().size() != 3) {
            throw ArangoException.badParameter(USAGE);
        }
        if (sub.equals("range") && method.equals("GET")) {
            return range();
        }
        if (sub.equals("lastTick") && method.equals("GET")) {
            ObjectNode body = Json.object();
            body.put("time", context.clock().timestamp());
            body.put("tick", Long.toUnsignedString(server.lastTick()));
            body.set("server", ServerStateJson.server(context, false));
            return HttpResponse.json(200, body);
        }
        if (sub.equals("tail") && (method.equals("GET") || method.equals("PUT"))) {
            return tail(request, database);
        }
        if (sub.equals("tail") && method.equals("DELETE")) {
            // [CHOICE, docs/protocol.md §4.6/§14] every personality (3.11+) unregisters; 204 without body, known client or not
            context.clients().unregister(request);
            return HttpResponse.empty(204);
        }
        if (sub.equals("open-transactions") && method.equals("GET") && context.personality().hasOpenTransactions()) {
            return openTransactions(request);
        }
        throw ArangoException.badParameter(USAGE);
    }

    private HttpResponse range() {
        long oldest = server.wal().oldestTick();
        long last = server.lastTick();
        ObjectNode body = Json.object();
        body.put("time", context.clock().timestamp());
        body.put("tickMin", Long.toUnsignedString(oldest == -1 ? last : oldest));
        body.put("tickMax", Long.toUnsignedString(last));
        body.set("server", ServerStateJson.server(context, false));
        return HttpResponse.json(200, body);
    }

    /** RocksDB never has open transactions in the WAL: always 204 with lastincluded 0 (§4.5). */
    private HttpResponse openTransactions(HttpRequest request) {
        long from = TickRange.of(request, server.lastTick()).from();
        return HttpResponse.empty(204)
                .header("content-type", HttpResponse.DUMP)
                .header("x-arango-replication-frompresent", Boolean.toString(server.wal().fromPresent(from, server.lastTick())))
                .header("x-arango-replication-lastincluded", "0");
    }

    private HttpResponse tail(HttpRequest request, Database database) {
        boolean global = request.boolParam("global", false);
        if (global && !database.isSystem()) {
            throw ArangoException.forbidden("global tailing is only possible from within _system database");
        }
        TickRange range = TickRange.of(request, -1L);
        long from = range.from();
        long to = range.to();
        Collection collection = global ? null : CollectionParam.optional(request, database);
        if (request.method().equals("PUT")) {
            checkTransactionIds(request);
        }
        long chunkSize = request.tickParam("chunkSize", DEFAULT_CHUNK);
        chunkSize = Math.max(MIN_CHUNK, Math.min(chunkSize, MAX_CHUNK));
        context.clients().register(request, from, 0);
        long latest = server.lastTick();
        boolean fromPresent = server.wal().fromPresent(from, latest);
        if (request.boolParam("trackOnly", false) || Long.compareUnsigned(from, latest) > 0) {
            // trackOnly: registration only, no data [UNCONFIRMED shape: the empty-tail answer];
            // from beyond the WAL end: 204, lastscanned 0, frompresent false (§4.4 algorithm)
            return tailHeaders(HttpResponse.empty(204), 0, Long.compareUnsigned(from, latest) > 0 ? 0 : from, latest, fromPresent);
        }
        WalTail tail = new WalTail(server.wal(), new WalTail.Request(database, global, collection,
                request.boolParam("includeSystem", false), request.boolParam("includeFoxxQueues", false),
                from, to, request.tickParam("lastScanned", 0), chunkSize, false));
        tail.scan(latest);
        if (tail.isEmpty()) {
            boolean batchStart = context.personality().idleTailReportsWriteBatchStart() && tail.lastBatchStart() != 0;
            return tailHeaders(HttpResponse.empty(204), 0, batchStart ? tail.lastBatchStart() : tail.lastScanned(), latest, fromPresent);
        }
        return tailHeaders(new HttpResponse(200), tail.lastIncluded(), tail.lastScanned(), latest, fromPresent).body(tail.body());
    }

    private static void checkTransactionIds(HttpRequest request) {
        JsonNode body = Json.parseBody(request.body());
        if (!body.isArray()) {
            throw ArangoException.badParameter("invalid body value. expecting array");
        }
        for (JsonNode id : body) {
            if (!id.isTextual()) {
                throw ArangoException.badParameter("invalid body value. expecting array of ids");
            }
        }
    }

    private static HttpResponse tailHeaders(HttpResponse response, long lastIncluded, long lastScanned, long latest, boolean fromPresent) {
        boolean checkMore = lastIncluded != 0 && Long.compareUnsigned(lastIncluded, latest) < 0;
        return response.header("content-type", HttpResponse.DUMP)
                .header("x-arango-replication-checkmore", Boolean.toString(checkMore))
                .header("x-arango-replication-frompresent", Boolean.toString(fromPresent))
                .header("x-arango-replication-lastincluded", Long.toUnsignedString(lastIncluded))
                .header("x-arango-replication-lastscanned", Long.toUnsignedString(lastScanned))
                .header("x-arango-replication-lasttick", Long.toUnsignedString(latest));
    }
}
