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
import io.github.camelarango.replication.emulator.model.Database;

/**
 * Stream transactions: {@code POST /_api/transaction/begin} (201), {@code GET|PUT|DELETE /_api/transaction/<id>}
 * (status, commit, abort; 200), {@code GET /_api/transaction} (list). Bodies carry {@code result:{id,status}}.
 */
public final class TransactionHandler implements RouteHandler {

    private final StreamTransactions transactions;

    public TransactionHandler(EmulatorContext context) {
        this.transactions = context.transactions();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        String sub = request.segment(2);
        String method = request.method();
        if (sub == null) {
            if (!method.equals("GET")) {
                throw new ArangoException(501, 9, "JavaScript transactions are not emulated; use stream transactions");
            }
            ArrayNode list = Json.array();
            transactions.running(database).forEach(tx -> {
                ObjectNode entry = Json.object();
                entry.put("id", tx.id());
                entry.put("state", tx.status().name());
                list.add(entry);
            });
            ObjectNode body = Json.object();
            body.set("transactions", list);
            return HttpResponse.json(200, body);
        }
        if (request.segments().size() != 3) {
            throw ArangoException.unknownPath(request.path());
        }
        if (sub.equals("begin")) {
            if (!method.equals("POST")) {
                throw ArangoException.methodNotAllowed();
            }
            return Responses.withResult(201, transactions.begin(database, Responses.objectBody(request)).toJson());
        }
        switch (method) {
            case "GET":
                return Responses.withResult(200, transactions.get(sub, database).toJson());
            case "PUT":
                return Responses.withResult(200, transactions.commit(sub, database).toJson());
            case "DELETE":
                return Responses.withResult(200, transactions.abort(sub, database).toJson());
            default:
                throw ArangoException.methodNotAllowed();
        }
    }
}
