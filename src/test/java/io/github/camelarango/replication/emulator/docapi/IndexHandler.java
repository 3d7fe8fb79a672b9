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
package io.github.camelarango.replication.emulator.docapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.http.Responses;
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.Server;

import java.util.Set;

/**
 * {@code /_api/index}: definitions only (the emulator does not enforce uniqueness of secondary indexes). Creating
 * logs 2100, dropping logs 2101. The implicit primary (and edge) indexes are listed but never logged.
 */
public final class IndexHandler implements RouteHandler {

    private static final Set<String> TYPES = Set.of("persistent", "hash", "skiplist", "ttl", "geo", "fulltext", "zkd", "mdi", "inverted");

    private final Server server;

    public IndexHandler(EmulatorContext context) {
        this.server = context.server();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        String method = request.method();
        if (request.segments().size() == 2) {
            Collection c = collection(database, request.param("collection"));
            if (method.equals("GET")) {
                ArrayNode list = Json.array();
                ObjectNode identifiers = Json.object();
                for (ObjectNode index : implicitIndexes(c)) {
                    list.add(index);
                    identifiers.set(index.path("id").asText(), index);
                }
                for (ObjectNode index : c.indexes()) {
                    ObjectNode shown = forApi(c, index);
                    list.add(shown);
                    identifiers.set(shown.path("id").asText(), shown);
                }
                ObjectNode body = Json.object();
                body.set("indexes", list);
                body.set("identifiers", identifiers);
                return Responses.ok(200, body);
            }
            if (method.equals("POST")) {
                return create(c, Responses.objectBody(request));
            }
            throw ArangoException.methodNotAllowed();
        }
        if (request.segments().size() == 4) {
            Collection c = collection(database, request.segment(2));
            ObjectNode index = find(c, request.segment(3));
            if (method.equals("GET")) {
                return Responses.ok(200, forApi(c, index));
            }
            if (method.equals("DELETE")) {
                server.dropIndex(c, index);
                ObjectNode body = Json.object();
                body.put("id", c.name() + "/" + index.path("id").asText());
                return Responses.ok(200, body);
            }
            throw ArangoException.methodNotAllowed();
        }
        throw ArangoException.unknownPath(request.path());
    }

    private HttpResponse create(Collection c, ObjectNode body) {
        String type = body.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw ArangoException.badParameter("invalid index type '" + type + "'; supported: " + TYPES);
        }
        JsonNode fields = body.path("fields");
        if (!fields.isArray() || fields.isEmpty()) {
            throw ArangoException.badParameter("index 'fields' must be a non-empty array of attribute names");
        }
        String wantedType = type.equals("hash") || type.equals("skiplist") ? "persistent" : type;
        for (ObjectNode existing : c.indexes()) {
            if (existing.path("type").asText().equals(wantedType) && existing.path("fields").equals(fields)
                    && existing.path("unique").asBoolean() == body.path("unique").asBoolean(false)
                    && existing.path("sparse").asBoolean() == body.path("sparse").asBoolean(false)) {
                ObjectNode shown = forApi(c, existing);
                shown.put("isNewlyCreated", false);
                return Responses.ok(200, shown);
            }
        }
        ObjectNode definition = Json.object();
        definition.put("type", wantedType);
        definition.set("fields", fields);
        definition.put("name", body.path("name").asText("idx_" + server.nextId()));
        definition.put("unique", body.path("unique").asBoolean(false));
        definition.put("sparse", body.path("sparse").asBoolean(false));
        if (wantedType.equals("persistent")) {
            definition.put("deduplicate", body.path("deduplicate").asBoolean(true));
            definition.put("estimates", body.path("estimates").asBoolean(true));
            definition.put("cacheEnabled", body.path("cacheEnabled").asBoolean(false));
        }
        if (wantedType.equals("ttl")) {
            definition.put("expireAfter", body.path("expireAfter").asLong(0));
        }
        ObjectNode created = server.createIndex(c, definition);
        ObjectNode shown = forApi(c, created);
        shown.put("isNewlyCreated", true);
        return Responses.ok(201, shown);
    }

    private static Collection collection(Database database, String name) {
        Collection c = database.collection(name);
        if (c == null) {
            throw ArangoException.collectionNotFound(name == null ? "" : name);
        }
        return c;
    }

    private static ObjectNode find(Collection c, String id) {
        for (ObjectNode index : c.indexes()) {
            if (index.path("id").asText().equals(id) || index.path("name").asText().equals(id)) {
                return index;
            }
        }
        throw new ArangoException(404, 1212, "index not found");
    }

    private static ObjectNode forApi(Collection c, ObjectNode index) {
        ObjectNode shown = index.deepCopy();
        shown.put("id", c.name() + "/" + index.path("id").asText());
        return shown;
    }

    private static java.util.List<ObjectNode> implicitIndexes(Collection c) {
        java.util.List<ObjectNode> list = new java.util.ArrayList<>();
        ObjectNode primary = Json.object();
        primary.put("id", c.name() + "/0");
        primary.put("type", "primary");
        primary.put("name", "primary");
        primary.set("fields", Json.array().add("_key"));
        primary.put("unique", true);
        primary.put("sparse", false);
        list.add(primary);
        if (c.isEdge()) {
            ObjectNode edge = Json.object();
            edge.put("id", c.name() + "/2");
            edge.put("type", "edge");
            edge.put("name", "edge");
            edge.set("fields", Json.array().add("_from").add("_to"));
            edge.put("unique", false);
            edge.put("sparse", false);
            list.add(edge);
        }
        return list;
    }
}
