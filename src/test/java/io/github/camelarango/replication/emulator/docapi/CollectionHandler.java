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

/**
 * {@code /_api/collection}: create (200), list, get, properties GET/PUT, count, rename, truncate, load/unload,
 * drop (§11.2).
 */
public final class CollectionHandler implements RouteHandler {

    private final Server server;
    private final StreamTransactions transactions;

    public CollectionHandler(EmulatorContext context) {
        this.server = context.server();
        this.transactions = context.transactions();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        String method = request.method();
        int depth = request.segments().size();
        if (depth == 2) {
            if (method.equals("POST")) {
                Collection c = server.createCollection(database, Responses.objectBody(request));
                return Responses.ok(200, c.properties());
            }
            if (method.equals("GET")) {
                boolean excludeSystem = request.boolParam("excludeSystem", false);
                ArrayNode list = Json.array();
                for (Collection c : database.collections()) {
                    if (!(excludeSystem && c.isSystem())) {
                        list.add(c.listEntry());
                    }
                }
                return Responses.withResult(200, list);
            }
            throw ArangoException.methodNotAllowed();
        }
        Collection c = database.collection(request.segment(2));
        if (c == null) {
            throw ArangoException.collectionNotFound(request.segment(2));
        }
        if (depth == 3) {
            if (method.equals("GET")) {
                return Responses.ok(200, c.listEntry());
            }
            if (method.equals("DELETE")) {
                if (c.isSystem() && !request.boolParam("isSystem", false)) {
                    throw ArangoException.forbidden("forbidden");
                }
                server.dropCollection(c);
                ObjectNode body = Json.object();
                body.put("id", c.idText());
                return Responses.ok(200, body);
            }
            throw ArangoException.methodNotAllowed();
        }
        String action = request.segment(3);
        if (depth != 4) {
            throw ArangoException.unknownPath(request.path());
        }
        if (method.equals("GET")) {
            switch (action) {
                case "properties":
                    return Responses.ok(200, c.properties())
                            .header("location", "/_db/" + database.name() + "/_api/collection/" + c.name() + "/properties");
                case "count":
                    ObjectNode counted = c.properties();
                    StreamTransaction tx = transactions.ofRequest(request, database);
                    counted.put("count", tx == null ? c.store().count() : tx.writes().count(c));
                    return Responses.ok(200, counted);
                case "figures":
                    ObjectNode figures = c.properties();
                    figures.put("count", c.store().count());
                    figures.putObject("figures");
                    return Responses.ok(200, figures);
                default:
                    throw ArangoException.unknownPath(request.path());
            }
        }
        if (method.equals("PUT")) {
            switch (action) {
                case "properties":
                    server.changeCollection(c, Responses.objectBody(request));
                    return Responses.ok(200, c.properties());
                case "rename":
                    server.renameCollection(c, Responses.objectBody(request).path("name").asText(null));
                    return Responses.ok(200, c.properties());
                case "truncate":
                    server.truncate(c);
                    return Responses.ok(200, c.properties());
                case "load":
                case "unload":
                case "loadIndexesIntoMemory":
                    return Responses.ok(200, c.properties());
                default:
                    throw ArangoException.unknownPath(request.path());
            }
        }
        throw ArangoException.methodNotAllowed();
    }
}
