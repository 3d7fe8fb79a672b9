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
package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.docapi.AdminHandler;
import io.github.camelarango.replication.emulator.docapi.CollectionHandler;
import io.github.camelarango.replication.emulator.docapi.DatabaseHandler;
import io.github.camelarango.replication.emulator.docapi.DocumentHandler;
import io.github.camelarango.replication.emulator.docapi.IndexHandler;
import io.github.camelarango.replication.emulator.docapi.TransactionHandler;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.replication.ReplicationDispatcher;
import io.github.camelarango.replication.emulator.replication.WalHandler;

import java.util.Map;

/**
 * Entry point of every request: {@code /_open/auth}, then authentication, then the database of the
 * {@code /_db/<name>} prefix (404/1228 if unknown), then the API area by the first two path segments.
 */
final class RequestRouter {

    private final EmulatorContext context;
    private final Map<String, RouteHandler> areas;
    private final RouteHandler override;

    /**
     * @param override a cluster Coordinator's routes, asked first (a null answer falls through), or null
     */
    RequestRouter(EmulatorContext context, RouteHandler override) {
        this.context = context;
        this.override = override;
        AdminHandler admin = new AdminHandler(context);
        this.areas = Map.ofEntries(
                Map.entry("_api/version", admin),
                Map.entry("_api/engine", admin),
                Map.entry("_admin/server", admin),
                Map.entry("_admin/wal", admin),
                Map.entry("_api/cluster", admin),
                Map.entry("_api/database", new DatabaseHandler(context)),
                Map.entry("_api/collection", new CollectionHandler(context)),
                Map.entry("_api/document", new DocumentHandler(context)),
                Map.entry("_api/index", new IndexHandler(context)),
                Map.entry("_api/transaction", new TransactionHandler(context)),
                Map.entry("_api/replication", new ReplicationDispatcher(context)),
                Map.entry("_api/wal", new WalHandler(context)));
    }

    HttpResponse route(HttpRequest request) {
        String area = request.segment(0) + "/" + request.segment(1);
        if (area.equals("_open/auth")) {
            return context.auth().openAuth(request, context.personality().authAnswersWhenDisabled(),
                    !context.personality().hasLegacyReplication() || context.personality().version().startsWith("3.12"));
        }
        if (!context.auth().authorized(request)) {
            return context.auth().unauthorized(request);
        }
        Database database = context.server().database(request.database());
        if (database == null) {
            throw ArangoException.databaseNotFound();
        }
        if (override != null) {
            HttpResponse answer = override.handle(request, database);
            if (answer != null) {
                return answer;
            }
        }
        RouteHandler handler = areas.get(area);
        if (handler == null) {
            throw ArangoException.unknownPath(request.path());
        }
        return handler.handle(request, database);
    }
}
