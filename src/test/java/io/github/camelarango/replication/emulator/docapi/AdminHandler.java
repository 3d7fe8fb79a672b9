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
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.model.Database;

/**
 * {@code GET /_api/version}, {@code GET /_api/engine}, {@code GET /_admin/server/role} (§11.2, §10.2),
 * {@code /_admin/wal/*} (§4.7) and {@code GET /_api/cluster/endpoints} (§11.1).
 */
public final class AdminHandler implements RouteHandler {

    private final EmulatorContext context;

    public AdminHandler(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        String path = request.path();
        if (path.startsWith("/_admin/wal/")) {
            return adminWal(request);
        }
        if (path.equals("/_api/cluster/endpoints")) {
            return clusterEndpoints(request);
        }
        if (!request.method().equals("GET")) {
            throw ArangoException.methodNotAllowed();
        }
        switch (path) {
            case "/_api/version":
                return version(request);
            case "/_api/engine":
                return HttpResponse.json(200, engine());
            case "/_admin/server/role":
                ObjectNode role = Json.object();
                role.put("error", false);
                role.put("code", 200);
                role.put("role", context.role().name());
                role.put("mode", "default");
                return HttpResponse.json(200, role);
            default:
                throw ArangoException.unknownPath(path);
        }
    }

    /**
     * {@code /_admin/wal/*} (§4.7): flush answers 200; properties 501/9 (RocksDB) and transactions a zero count;
     * the last two are gone in 4.x.
     */
    private HttpResponse adminWal(HttpRequest request) {
        String what = request.segment(2);
        boolean removed = !context.personality().hasOpenTransactions();
        if ("flush".equals(what) && request.method().equals("PUT")) {
            ObjectNode body = Json.object();
            body.put("error", false);
            body.put("code", 200);
            return HttpResponse.json(200, body);
        }
        if ("properties".equals(what) && !removed) {
            throw new ArangoException(501, 9, "not implemented");
        }
        if ("transactions".equals(what) && !removed && request.method().equals("GET")) {
            ObjectNode body = Json.object();
            body.put("runningTransactions", context.transactions().runningCount());
            body.putNull("minLastCollected");
            body.putNull("minLastSealed");
            return HttpResponse.json(200, body);
        }
        throw ArangoException.unknownPath(request.path());
    }

    /** The driver's host-list lookup: coordinators list themselves; other roles 403/1471 (tolerated by the driver). */
    private HttpResponse clusterEndpoints(HttpRequest request) {
        if (!request.method().equals("GET")) {
            throw ArangoException.methodNotAllowed();
        }
        if (!context.isCoordinator()) {
            throw new ArangoException(403, 1471, "cannot serve this request on a non-coordinator");
        }
        ObjectNode body = Json.object();
        body.put("error", false);
        body.put("code", 200);
        String host = request.header("host");
        body.putArray("endpoints").addObject().put("endpoint", "tcp://" + (host == null ? "127.0.0.1" : host));
        return HttpResponse.json(200, body);
    }

    private HttpResponse version(HttpRequest request) {
        ObjectNode body = Json.object();
        body.put("server", "arango");
        body.put("license", "community");
        body.put("version", context.personality().version());
        if (request.boolParam("details", false)) {
            ObjectNode details = body.putObject("details");
            details.put("architecture", "64bit");
            details.put("engine", "rocksdb");
            details.put("mode", "server");
            details.put("role", context.role().name());
            details.put("server-version", context.personality().version());
        }
        return HttpResponse.json(200, body);
    }

    private static ObjectNode engine() {
        ObjectNode body = Json.object();
        body.put("name", "rocksdb");
        ObjectNode supports = body.putObject("supports");
        supports.put("dfdb", false);
        ArrayNode indexes = supports.putArray("indexes");
        for (String type : new String[] {"primary", "edge", "hash", "skiplist", "ttl", "persistent", "geo", "fulltext", "zkd", "inverted"}) {
            indexes.add(type);
        }
        ObjectNode aliases = supports.putObject("aliases").putObject("indexes");
        aliases.put("hash", "persistent");
        aliases.put("skiplist", "persistent");
        return body;
    }
}
