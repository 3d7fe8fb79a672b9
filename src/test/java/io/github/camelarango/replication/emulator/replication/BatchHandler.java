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
import io.github.camelarango.replication.emulator.http.Responses;
import io.github.camelarango.replication.emulator.model.Database;

/**
 * {@code POST /batch} (200 {id,lastTick[,state]}), {@code PUT|DELETE /batch/<id>} (204; 404/1600 if unknown); any
 * other method or shape (e.g. {@code GET /batch/1}, {@code POST /batch/1}, {@code DELETE /batch/1/2}) 405/405 (§3.7).
 */
final class BatchHandler {

    private final EmulatorContext context;

    BatchHandler(EmulatorContext context) {
        this.context = context;
    }

    HttpResponse handle(HttpRequest request, Database database) {
        int suffixes = request.segments().size() - 2;
        String method = request.method();
        if (method.equals("POST") && suffixes == 1) {
            return create(request, database);
        }
        if (method.equals("PUT") && suffixes == 2) {
            return extend(request, request.segment(3));
        }
        if (method.equals("DELETE") && suffixes == 2) {
            return delete(request.segment(3));
        }
        throw ArangoException.methodNotAllowed();
    }

    private HttpResponse create(HttpRequest request, Database database) {
        ObjectNode body = Responses.objectBody(request);
        Batch batch = context.batches().create(database, ttl(body));
        context.clients().registerBatchClient(request, batch.id(), batch.snapshotTick(), batch.ttlSeconds());
        ObjectNode result = Json.object();
        result.put("id", Long.toUnsignedString(batch.id()));
        result.put("lastTick", Long.toUnsignedString(batch.snapshotTick()));
        if (request.boolParam("state", false)) {
            result.set("state", ServerStateJson.loggerState(context, batch.snapshotTick()));
        }
        return HttpResponse.json(200, result);
    }

    private HttpResponse extend(HttpRequest request, String id) {
        double ttl = ttl(Responses.objectBody(request));
        if (context.batches().lookup(HttpRequest.parseUnsigned(id), ttl > 0 ? ttl : Batches.DEFAULT_TTL) == null) {
            throw notFound();
        }
        return HttpResponse.empty(204);
    }

    private HttpResponse delete(String id) {
        if (!context.batches().delete(HttpRequest.parseUnsigned(id))) {
            throw notFound();
        }
        return HttpResponse.empty(204);
    }

    private static double ttl(JsonNode body) {
        JsonNode ttl = body.get("ttl");
        return ttl != null && ttl.isNumber() ? ttl.asDouble() : 0;
    }

    static ArangoException notFound() {
        return new ArangoException(404, 1600, "context was not found");
    }
}
