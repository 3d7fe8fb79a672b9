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
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.http.Responses;
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.model.Database;

/** {@code /_api/database}: list, current, user, create, drop (§11.2). */
public final class DatabaseHandler implements RouteHandler {

    private final EmulatorContext context;

    public DatabaseHandler(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        String sub = request.segment(2);
        String method = request.method();
        if (sub == null) {
            if (method.equals("GET")) {
                requireSystem(database);
                return Responses.withResult(200, names());
            }
            if (method.equals("POST")) {
                requireSystem(database);
                ObjectNode body = Responses.objectBody(request);
                if (!body.path("name").isTextual()) {
                    throw new ArangoException(400, 1229, "database name invalid");
                }
                context.server().createDatabase(body.path("name").asText());
                return Responses.withResult(201, BooleanNode.TRUE);
            }
            throw ArangoException.methodNotAllowed();
        }
        if (request.segments().size() == 3 && method.equals("GET") && sub.equals("current")) {
            return Responses.withResult(200, database.info());
        }
        if (request.segments().size() == 3 && method.equals("GET") && sub.equals("user")) {
            return Responses.withResult(200, names());
        }
        if (request.segments().size() == 3 && method.equals("DELETE")) {
            requireSystem(database);
            if (sub.equals("_system")) {
                throw new ArangoException(403, 1230, "operation only allowed in system database");
            }
            Database target = context.server().database(sub);
            if (target == null) {
                throw ArangoException.databaseNotFound();
            }
            context.server().dropDatabase(target);
            return Responses.withResult(200, BooleanNode.TRUE);
        }
        throw ArangoException.methodNotAllowed();
    }

    private ArrayNode names() {
        ArrayNode names = Json.array();
        context.server().databases().forEach(db -> names.add(db.name()));
        return names;
    }

    private static void requireSystem(Database database) {
        if (!database.isSystem()) {
            throw new ArangoException(403, 1230, "operation only allowed in system database");
        }
    }
}
