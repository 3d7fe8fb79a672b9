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
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * arangorestore's {@code PUT /_api/replication/restore-collection|restore-indexes|restore-data} (§3.14), all
 * answering {@code {"result":true}}. Views are not emulated: {@code restore-view} answers 501/9.
 */
final class RestoreHandler {

    private static final ObjectNode OK = Json.object().put("result", true);

    private final EmulatorContext context;

    RestoreHandler(EmulatorContext context) {
        this.context = context;
    }

    HttpResponse handle(String command, HttpRequest request, Database database) {
        LocalApplier local = new LocalApplier(context.server(), database, false, name -> true);
        switch (command) {
            case "restore-collection":
                restoreCollection(request, database, local);
                break;
            case "restore-indexes":
                restoreIndexes(request, database);
                break;
            case "restore-data":
                restoreData(request, database, local);
                break;
            default:
                throw new ArangoException(501, 9, "views are not emulated: restore-view is not implemented");
        }
        return HttpResponse.json(200, OK);
    }

    private static void restoreCollection(HttpRequest request, Database database, LocalApplier local) {
        ObjectNode body = Responses.objectBody(request);
        JsonNode parameters = body.path("parameters");
        String name = parameters.path("name").asText("");
        if (name.isEmpty()) {
            throw ArangoException.badParameter("restore-collection: 'parameters.name' is required");
        }
        if (database.collection(name) != null && !request.boolParam("overwrite", false)) {
            throw new ArangoException(409, 1207, "duplicate name");
        }
        local.recreate(parameters, body.path("indexes"));
    }

    private void restoreIndexes(HttpRequest request, Database database) {
        ObjectNode body = Responses.objectBody(request);
        String name = body.path("parameters").path("name").asText("");
        Collection c = database.collection(name);
        if (c == null) {
            throw ArangoException.collectionNotFound(name);
        }
        for (JsonNode index : body.path("indexes")) {
            ObjectNode definition = ((ObjectNode) index).deepCopy();
            definition.remove("id");
            context.server().createIndex(c, definition);
        }
    }

    private static void restoreData(HttpRequest request, Database database, LocalApplier local) {
        String name = request.param("collection");
        if (name == null || name.isEmpty()) {
            throw ArangoException.badParameter("invalid collection parameter, not given");
        }
        Collection c = database.collection(name);
        if (c == null) {
            throw ArangoException.collectionNotFound(name);
        }
        List<ObjectNode> documents = new ArrayList<>();
        for (String line : new String(request.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = Json.parseBody(line.getBytes(StandardCharsets.UTF_8));
            if (node.has("type") && node.has("data")) {
                if (node.path("type").asInt() != 2300) {
                    throw ArangoException.badParameter("restore-data: only document lines (type 2300) are supported by the emulator");
                }
                node = node.get("data");
            }
            if (!node.isObject() || !node.path("_key").isTextual()) {
                throw new ArangoException(400, 1226, "restore-data: every document needs a _key");
            }
            documents.add((ObjectNode) node);
        }
        if (!documents.isEmpty()) {
            local.storeDocuments(c, documents);
        }
    }
}
