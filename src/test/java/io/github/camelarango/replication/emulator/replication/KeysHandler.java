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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

import java.util.List;

/**
 * Legacy incremental sync {@code /_api/replication/keys} (§3.11) over the batch snapshot in key order. The keys
 * id is {@code <batchId>-<collectionId>}. A chunk hash is the XOR of per-document hashes of key and revision,
 * as a decimal string (the exact hash function of ArangoDB is not part of the protocol doc).
 */
final class KeysHandler {

    private static final int DEFAULT_CHUNK = 5000;
    private static final int MAX_CHUNK = 20000;

    private final EmulatorContext context;

    KeysHandler(EmulatorContext context) {
        this.context = context;
    }

    HttpResponse handle(HttpRequest request, Database database) {
        String method = request.method();
        if (request.segments().size() == 3) {
            if (!method.equals("POST")) {
                throw ArangoException.methodNotAllowed();
            }
            return create(request, database);
        }
        String keysId = request.segment(3);
        int dash = keysId.lastIndexOf('-');
        Batch batch = dash < 0 ? null : context.batches().lookup(HttpRequest.parseUnsigned(keysId.substring(0, dash)), 0);
        if (batch == null) {
            throw new ArangoException(404, 1600, "batchId not specified, expired or invalid in another way");
        }
        Collection c = database.collection(keysId.substring(dash + 1));
        if (c == null) {
            throw ArangoException.collectionNotFound(keysId.substring(dash + 1));
        }
        switch (method) {
            case "GET":
                return chunks(batch.keyOrder(c), chunkSize(request));
            case "PUT":
                return chunkContent(request, batch.keyOrder(c), c);
            case "DELETE":
                ObjectNode body = Json.object();
                body.put("id", keysId);
                body.put("error", false);
                body.put("code", 202);
                return HttpResponse.json(202, body);
            default:
                throw ArangoException.methodNotAllowed();
        }
    }

    private HttpResponse create(HttpRequest request, Database database) {
        String batchId = request.param("batchId");
        Batch batch = batchId == null ? null : context.batches().lookup(HttpRequest.parseUnsigned(batchId), 0);
        if (batch == null) {
            throw new ArangoException(404, 1600, "batchId not specified");
        }
        Collection c = CollectionParam.required(request, database);
        ObjectNode body = Json.object();
        body.put("id", Long.toUnsignedString(batch.id()) + "-" + c.idText());
        body.put("count", batch.keyOrder(c).size());
        return HttpResponse.json(200, body);
    }

    private static int chunkSize(HttpRequest request) {
        long size = request.tickParam("chunkSize", DEFAULT_CHUNK);
        return size < 100 ? DEFAULT_CHUNK : (int) Math.min(size, MAX_CHUNK);
    }

    private static HttpResponse chunks(List<DocumentVersion> keys, int chunkSize) {
        ArrayNode out = Json.array();
        for (int from = 0; from < keys.size(); from += chunkSize) {
            List<DocumentVersion> chunk = keys.subList(from, Math.min(keys.size(), from + chunkSize));
            long hash = 0;
            for (DocumentVersion v : chunk) {
                hash ^= (v.key().hashCode() * 0x9E3779B97F4A7C15L) ^ v.rev();
            }
            ObjectNode entry = out.addObject();
            entry.put("low", chunk.get(0).key());
            entry.put("high", chunk.get(chunk.size() - 1).key());
            entry.put("hash", Long.toUnsignedString(hash));
        }
        return HttpResponse.json(200, out);
    }

    private static HttpResponse chunkContent(HttpRequest request, List<DocumentVersion> keys, Collection c) {
        String type = request.param("type");
        int chunkSize = chunkSize(request);
        int chunk = (int) request.tickParam("chunk", 0);
        int from = Math.min(keys.size(), chunk * chunkSize);
        List<DocumentVersion> slice = keys.subList(from, Math.min(keys.size(), from + chunkSize));
        ArrayNode out = Json.array();
        if ("keys".equals(type)) {
            slice.forEach(v -> out.addArray().add(v.key()).add(v.revText()));
            return HttpResponse.json(200, out);
        }
        if ("docs".equals(type)) {
            JsonNode positions = Json.parseBody(request.body());
            if (!positions.isArray()) {
                throw ArangoException.badParameter("body must be a JSON array of positions");
            }
            for (JsonNode position : positions) {
                int index = position.asInt(-1);
                out.add(index >= 0 && index < slice.size() ? Json.parse(slice.get(index).render(c.name())) : Json.object());
            }
            return HttpResponse.json(200, out);
        }
        throw ArangoException.badParameter("invalid 'type' value");
    }
}
