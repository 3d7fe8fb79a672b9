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
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;

import java.util.Map;
import java.util.Set;

/**
 * {@code /_api/replication/<command>} with the dispatcher rules of §3.1: unknown command 400/400
 * {@code invalid command '<cmd>'} (also for the commands a 3.12.10+/4.x personality no longer has), wrong method
 * 405/405 with one suffix and 400/601 with more, no command 400/601, coordinator restrictions 501/1470 and the
 * {@code DBserver} requirement of batch/inventory/dump. {@code batch} is the exception: every method reaches its
 * handler, which answers 405/405 for any shape other than POST /batch, PUT|DELETE /batch/{id} (§3.7).
 */
public final class ReplicationDispatcher implements RouteHandler {

    /**
     * A known command: allowed methods (null: all, the handler checks method and shape), removed in 3.12.10,
     * unsupported on coordinators, needs DBserver there.
     */
    private record Command(Set<String> methods, boolean legacy, boolean noCoordinator, boolean needsDbServer) {
        static Command of(boolean legacy, boolean noCoordinator, boolean needsDbServer, String... methods) {
            return new Command(Set.of(methods), legacy, noCoordinator, needsDbServer);
        }

        static Command checkedByHandler(boolean needsDbServer) {
            return new Command(null, false, false, needsDbServer);
        }
    }

    private static final Map<String, Command> COMMANDS = Map.ofEntries(
            Map.entry("logger-state", Command.of(false, false, false, "GET")),
            Map.entry("logger-first-tick", Command.of(true, true, false, "GET")),
            Map.entry("logger-tick-ranges", Command.of(true, true, false, "GET")),
            Map.entry("logger-follow", Command.of(true, true, false, "GET", "PUT")),
            Map.entry("determine-open-transactions", Command.of(false, true, false, "GET")),
            Map.entry("batch", Command.checkedByHandler(true)),
            Map.entry("inventory", Command.of(false, false, true, "GET")),
            Map.entry("dump", Command.of(false, false, true, "GET")),
            Map.entry("revisions", Command.of(false, true, false, "GET", "POST", "PUT")),
            Map.entry("keys", Command.of(false, true, false, "GET", "POST", "PUT", "DELETE")),
            Map.entry("restore-collection", Command.of(false, false, false, "PUT")),
            Map.entry("restore-indexes", Command.of(false, false, false, "PUT")),
            Map.entry("restore-data", Command.of(false, false, false, "PUT")),
            Map.entry("restore-view", Command.of(false, false, false, "PUT")),
            Map.entry("sync", Command.of(true, true, false, "PUT")),
            Map.entry("make-follower", Command.of(true, true, false, "PUT")),
            Map.entry("make-slave", Command.of(true, true, false, "PUT")),
            Map.entry("server-id", Command.of(true, false, false, "GET")),
            Map.entry("applier-config", Command.of(true, false, false, "GET", "PUT")),
            Map.entry("applier-start", Command.of(true, true, false, "PUT")),
            Map.entry("applier-stop", Command.of(true, true, false, "PUT")),
            Map.entry("applier-state", Command.of(true, false, false, "GET", "DELETE")),
            Map.entry("applier-state-all", Command.of(true, false, false, "GET")),
            Map.entry("clusterInventory", Command.of(false, false, false, "GET")));

    private static final String EXPECTING = "expecting URL /_api/replication/<command>";

    private final EmulatorContext context;
    private final LoggerHandler logger;
    private final BatchHandler batches;
    private final InventoryHandler inventory;
    private final DumpHandler dump;
    private final RevisionsHandler revisions;
    private final ApplierHandler appliers;
    private final LoggerFollowHandler loggerFollow;
    private final KeysHandler keys;
    private final RestoreHandler restore;

    public ReplicationDispatcher(EmulatorContext context) {
        this.context = context;
        this.logger = new LoggerHandler(context);
        this.batches = new BatchHandler(context);
        this.inventory = new InventoryHandler(context);
        this.dump = new DumpHandler(context);
        this.revisions = new RevisionsHandler(context);
        this.appliers = new ApplierHandler(context);
        this.loggerFollow = new LoggerFollowHandler(context);
        this.keys = new KeysHandler(context);
        this.restore = new RestoreHandler(context);
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        int suffixes = request.segments().size() - 2;
        if (suffixes < 1) {
            throw new ArangoException(400, 601, EXPECTING);
        }
        String name = request.segment(2);
        Command command = COMMANDS.get(name);
        if (command == null || (command.legacy() && !context.personality().hasLegacyReplication())) {
            throw ArangoException.badParameter("invalid command '" + name + "'");
        }
        String method = request.method();
        if (command.methods() != null && (!command.methods().contains(method) || !shapeAllowed(name, method, suffixes))) {
            if (suffixes == 1) {
                throw ArangoException.methodNotAllowed();
            }
            throw new ArangoException(400, 601, EXPECTING);
        }
        if (context.isCoordinator()) {
            if (command.noCoordinator()) {
                throw new ArangoException(501, 1470, "replication API is not supported on a coordinator");
            }
            if (command.needsDbServer() && request.param("DBserver") == null) {
                throw ArangoException.badParameter("need \"DBserver\" parameter");
            }
        }
        return dispatch(name, request, database);
    }

    /** keys: POST without id, others with id; revisions: one sub-command; others: no further suffix. */
    private static boolean shapeAllowed(String name, String method, int suffixes) {
        if (name.equals("keys")) {
            return method.equals("POST") ? suffixes == 1 : suffixes == 2;
        }
        if (name.equals("revisions")) {
            return suffixes == 2;
        }
        return suffixes == 1;
    }

    private HttpResponse dispatch(String name, HttpRequest request, Database database) {
        switch (name) {
            case "logger-state":
                return logger.state();
            case "logger-first-tick":
                return logger.firstTick();
            case "logger-tick-ranges":
                return logger.tickRanges();
            case "logger-follow":
                return loggerFollow.follow(request, database);
            case "determine-open-transactions":
                return logger.openTransactions();
            case "server-id":
                return logger.serverId();
            case "batch":
                return batches.handle(request, database);
            case "inventory":
                return inventory.inventory(request, database);
            case "dump":
                return dump.dump(request, database);
            case "revisions":
                return revisions.handle(request, database);
            case "clusterInventory":
                return clusterInventory(request, database);
            case "keys":
                return keys.handle(request, database);
            case "restore-collection":
            case "restore-indexes":
            case "restore-data":
            case "restore-view":
                return restore.handle(name, request, database);
            default:
                return appliers.handle(name, request, database);
        }
    }

    /** Coordinator only (403/1471 elsewhere); {@code state} is the string "unused" (§3.13). */
    private HttpResponse clusterInventory(HttpRequest request, Database database) {
        if (!context.isCoordinator()) {
            throw new ArangoException(403, 1471, "this operation is only valid on a coordinator in a cluster");
        }
        InventoryHandler.Filter filter = new InventoryHandler.Filter(request.boolParam("includeSystem", true), false);
        ObjectNode body = Json.object();
        body.set("properties", database.info());
        ArrayNode collections = body.putArray("collections");
        for (Collection c : database.collections()) {
            if (!filter.accepts(c.name(), c.isSystem())) {
                continue;
            }
            ObjectNode entry = collections.addObject();
            ObjectNode parameters = c.inventoryParameters();
            parameters.put("numberOfShards", 1);
            parameters.put("replicationFactor", 1);
            parameters.set("shardKeys", Json.array().add("_key"));
            parameters.put("shardingStrategy", "hash");
            parameters.putObject("shards").set("s" + c.idText(), Json.array().add("PRMR-emulator"));
            entry.set("parameters", parameters);
            entry.set("indexes", c.inventoryIndexes());
            entry.put("planVersion", 1);
            entry.put("isReady", true);
            entry.put("allInSync", true);
        }
        body.set("views", Json.array());
        body.put("tick", Long.toUnsignedString(context.server().lastTick()));
        body.put("state", "unused");
        return HttpResponse.json(200, body);
    }
}
