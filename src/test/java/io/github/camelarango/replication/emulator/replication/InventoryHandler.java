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
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;

/**
 * {@code GET /inventory} (§3.9): the current collections (with parameters and secondary indexes), views, database
 * properties, {@code state} at the batch snapshot tick and {@code tick} = the current tick.
 */
final class InventoryHandler {

    private final EmulatorContext context;

    InventoryHandler(EmulatorContext context) {
        this.context = context;
    }

    HttpResponse inventory(HttpRequest request, Database database) {
        String batchId = request.param("batchId");
        if (batchId == null || batchId.isEmpty()) {
            throw new ArangoException(404, 1600, "batchId not specified");
        }
        boolean global = request.boolParam("global", false);
        if (global && !database.isSystem()) {
            throw ArangoException.forbidden("global inventory can only be created from within _system database");
        }
        Batch batch = context.batches().lookup(HttpRequest.parseUnsigned(batchId), 0);
        if (batch == null) {
            throw BatchHandler.notFound();
        }
        context.clients().register(request, batch.snapshotTick(), 0);
        Filter filter = new Filter(request.boolParam("includeSystem", true), request.boolParam("includeFoxxQueues", false));
        ObjectNode body = Json.object();
        String only = request.param("collection");
        if (global) {
            ObjectNode databases = body.putObject("databases");
            for (Database db : context.server().databases()) {
                ObjectNode entry = databases.putObject(db.name());
                entry.put("id", db.idText());
                entry.put("name", db.name());
                entry.set("collections", collections(db, filter, null));
                entry.set("views", Json.array());
                entry.set("properties", db.info());
            }
        } else {
            body.set("collections", collections(database, filter, only));
            body.set("views", Json.array());
            if (only == null) {
                body.set("properties", database.info());
            }
        }
        body.set("state", ServerStateJson.state(context, batch.snapshotTick()));
        body.put("tick", Long.toUnsignedString(context.server().lastTick()));
        return HttpResponse.json(200, body);
    }

    private static ArrayNode collections(Database db, Filter filter, String only) {
        ArrayNode array = Json.array();
        for (Collection c : db.collections()) {
            if (only != null && !only.equals(c.name()) && !only.equals(c.idText())) {
                continue;
            }
            if (!filter.accepts(c.name(), c.isSystem())) {
                continue;
            }
            ObjectNode entry = Json.object();
            entry.set("indexes", c.inventoryIndexes());
            entry.set("parameters", c.inventoryParameters());
            array.add(entry);
        }
        return array;
    }

    /** Which collections take part in replication (TRI_ExcludeCollectionReplication plus includeSystem). */
    record Filter(boolean includeSystem, boolean includeFoxxQueues) {
        boolean accepts(String name, boolean system) {
            if (name.startsWith("_statistics") || name.equals("_routing")) {
                return false;
            }
            if ((name.equals("_jobs") || name.equals("_queues")) && !includeFoxxQueues) {
                return false;
            }
            return !system || includeSystem;
        }
    }
}
