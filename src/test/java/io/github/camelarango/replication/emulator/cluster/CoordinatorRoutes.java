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
package io.github.camelarango.replication.emulator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Body;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.http.Responses;
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Coordinator's own routes, asked before the emulator's (a null answer falls through to them): the document API
 * routed by shard to the shard's leader, the collection API of sharded collections, databases on every DB-Server,
 * {@code /_admin/cluster/health} and {@code shardDistribution}, {@code clusterInventory}, and batch, inventory and
 * dump forwarded to the DB-Server of {@code DBserver=} (facts §1 and §2). What falls through: the WAL API (501/1470),
 * the other replication commands (501), version, role, auth, system collections. Stream transactions
 * ({@code /_api/transaction}, documents with {@code x-arango-trx-id}) run on the shards' leaders, one transaction per
 * involved DB-Server ({@link CoordinatorTransactions}).
 */
public final class CoordinatorRoutes implements RouteHandler {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ClusterState cluster;
    private final String authorization;
    private final String self;
    private final CoordinatorTransactions transactions;

    /**
     * @param self         this Coordinator's server id
     * @param superuserJwt the token the Coordinator sends to DB-Servers
     */
    public CoordinatorRoutes(ClusterState cluster, String self, String superuserJwt) {
        this.cluster = cluster;
        this.self = self;
        this.authorization = "bearer " + superuserJwt;
        this.transactions = new CoordinatorTransactions(cluster, authorization);
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        String area = request.segment(0) + "/" + request.segment(1);
        switch (area) {
            case "_api/document":
                return documents(request, database);
            case "_api/collection":
                return collections(request, database);
            case "_api/database":
                databases(request);
                return null;
            case "_admin/cluster":
                return admin(request, database);
            case "_api/replication":
                return replication(request, database);
            case "_api/cluster":
                return endpoints(request);
            case "_api/transaction":
                return transactions(request, database);
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- documents

    private HttpResponse documents(HttpRequest request, Database database) {
        ClusterCollection c = cluster.collection(database.name(), request.segment(2));
        if (c == null || request.segments().size() > 4) {
            return null;
        }
        String key = request.segment(3);
        String method = request.method();
        if (key != null) {
            Shard shard = c.shardOf(key);
            return forward(request, shard, key, request.body(), Set.of(key), false);
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            throw ArangoException.methodNotAllowed();
        }
        JsonNode body = Json.parseDocuments(request.body());
        if (body.isObject()) {
            if (!method.equals("POST")) {
                throw ArangoException.badParameter("expecting a JSON array in the body");
            }
            String given = keyOf(body, true);
            return forward(request, c.shardOf(given), null, Json.bytes(body), Set.of(given), false);
        }
        if (!body.isArray()) {
            throw ArangoException.badParameter("expecting a JSON object or array in the body");
        }
        return many(request, c, (ArrayNode) body);
    }

    /** Array requests: each shard gets its elements in one request; the answers go back to their positions. */
    private HttpResponse many(HttpRequest request, ClusterCollection c, ArrayNode elements) {
        Map<Shard, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            String key = keyOf(elements.get(i), request.method().equals("POST"));
            positions.computeIfAbsent(key == null ? c.shards().get(0) : c.shardOf(key), s -> new ArrayList<>()).add(i);
        }
        JsonNode[] results = new JsonNode[elements.size()];
        Map<String, Integer> errorCounts = new TreeMap<>();
        int status = 200;
        for (Map.Entry<Shard, List<Integer>> part : positions.entrySet()) {
            ArrayNode sub = Json.array();
            Set<String> keys = new LinkedHashSet<>();
            for (int i : part.getValue()) {
                sub.add(elements.get(i));
                String key = keyOf(elements.get(i), false);
                if (key != null) {
                    keys.add(key);
                }
            }
            HttpResponse answer = forward(request, part.getKey(), null, Json.bytes(sub), keys, true);
            status = answer.status();
            JsonNode list = Json.parse(bytes(answer));
            if (!list.isArray()) {
                return answer;
            }
            for (int n = 0; n < list.size(); n++) {
                results[part.getValue().get(n)] = list.get(n);
            }
            String codes = answer.header("x-arango-error-codes");
            if (codes != null) {
                Json.parse(codes.getBytes(StandardCharsets.UTF_8)).fields()
                        .forEachRemaining(e -> errorCounts.merge(e.getKey(), e.getValue().asInt(), Integer::sum));
            }
        }
        ArrayNode merged = Json.array();
        for (JsonNode result : results) {
            merged.add(result);
        }
        HttpResponse response = HttpResponse.json(status, merged);
        if (!errorCounts.isEmpty()) {
            ObjectNode counts = Json.object();
            errorCounts.forEach(counts::put);
            response.header("x-arango-error-codes", Json.text(counts));
        }
        return response;
    }

    /** The element's key; a POST element without one gets a fresh key from the Coordinator (put into it). */
    private String keyOf(JsonNode element, boolean generate) {
        if (element.isTextual()) {
            return element.asText();
        }
        if (element.isObject() && element.path("_key").isTextual()) {
            return element.path("_key").asText();
        }
        if (generate && element.isObject()) {
            String key = cluster.nextKey();
            ((ObjectNode) element).put("_key", key);
            return key;
        }
        return null;
    }

    /**
     * One request to the shard's leader (in-process, with the superuser JWT), then, for writes, the same keys
     * replicated to the shard's in-sync followers, all under the shard's lock; {@code _id}s and the location are
     * rewritten from the shard's name to the collection's.
     */
    private HttpResponse forward(HttpRequest request, Shard shard, String key, byte[] body, Set<String> keys,
                                 boolean multiDocument) {
        String collection = shard.collection().name();
        String target = "/_db/" + enc(shard.collection().database()) + "/_api/document/" + enc(shard.name())
                + (key == null ? "" : "/" + enc(key)) + query(request);
        CoordinatorTransactions.Transaction tx = transactions.ofRequest(request, shard.collection().database());
        if (tx != null) {
            return renamed(inTransaction(request, tx, shard, target, body, keys), shard.name(), collection);
        }
        shard.lock().lock();
        HttpResponse answer;
        try {
            ClusterServer leader = cluster.leaderOf(shard);
            answer = leader.call(new HttpRequest(request.method(), target, headers(request), body));
            if (WRITES.contains(request.method()) && !request.boolParam("onlyget", false)) {
                cluster.replicate(shard, keys, multiDocument);
            }
        } finally {
            shard.lock().unlock();
        }
        return renamed(answer, shard.name(), collection);
    }

    /**
     * A request of a stream transaction, sent to the shard's leader within that server's part of the transaction;
     * its written keys go to the followers at the commit.
     */
    private HttpResponse inTransaction(HttpRequest request, CoordinatorTransactions.Transaction tx, Shard shard,
                                       String target, byte[] body, Set<String> keys) {
        ClusterServer leader = cluster.leaderOf(shard);
        Map<String, String> headers = headers(request);
        headers.put("x-arango-trx-id", tx.on(leader, shard));
        HttpResponse answer = leader.call(new HttpRequest(request.method(), target, headers, body));
        if (WRITES.contains(request.method()) && !request.boolParam("onlyget", false)) {
            tx.wrote(shard, keys);
        }
        return answer;
    }

    private Map<String, String> headers(HttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("if-match", "if-none-match", "content-type", "accept")) {
            if (request.header(name) != null) {
                headers.put(name, request.header(name));
            }
        }
        headers.put("authorization", authorization);
        return headers;
    }

    private static String query(HttpRequest request) {
        int q = request.target().indexOf('?');
        return q < 0 ? "" : request.target().substring(q);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The answer with the shard's name in {@code _id}s and the location replaced by the collection's. */
    private static HttpResponse renamed(HttpResponse answer, String shard, String collection) {
        byte[] bytes = bytes(answer);
        HttpResponse response = new HttpResponse(answer.status());
        for (String[] header : answer.headers()) {
            String value = header[0].equalsIgnoreCase("location")
                    ? header[1].replace("/_api/document/" + shard + "/", "/_api/document/" + collection + "/") : header[1];
            response.header(header[0], value);
        }
        if (bytes.length > 0 && bytes[0] == '{' || bytes.length > 0 && bytes[0] == '[') {
            JsonNode json = Json.parseDocuments(bytes);
            rename(json, shard + "/", collection + "/");
            bytes = Json.bytes(json);
        }
        return response.body(Body.of(bytes));
    }

    private static void rename(JsonNode node, String from, String to) {
        if (node.isArray()) {
            node.forEach(element -> rename(element, from, to));
        } else if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            String id = object.path("_id").asText("");
            if (id.startsWith(from)) {
                object.put("_id", to + id.substring(from.length()));
            }
            rename(object.path("new"), from, to);
            rename(object.path("old"), from, to);
        }
    }

    static byte[] bytes(HttpResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            response.body().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- stream transactions

    /**
     * {@code POST /_api/transaction/begin} (201), {@code GET|PUT|DELETE /_api/transaction/<id>} (status, commit,
     * abort), {@code GET /_api/transaction} (the running ones), as a single server answers them.
     */
    private HttpResponse transactions(HttpRequest request, Database database) {
        String id = request.segment(2);
        String method = request.method();
        if (id == null) {
            if (!method.equals("GET")) {
                throw new ArangoException(501, 9, "JavaScript transactions are not emulated; use stream transactions");
            }
            ArrayNode list = Json.array();
            transactions.running(database.name()).forEach(tx -> list.addObject().put("id", tx.id())
                    .put("state", tx.status().name()));
            ObjectNode body = Json.object();
            body.set("transactions", list);
            return HttpResponse.json(200, body);
        }
        if (request.segments().size() != 3) {
            throw ArangoException.unknownPath(request.path());
        }
        if (id.equals("begin")) {
            if (!method.equals("POST")) {
                throw ArangoException.methodNotAllowed();
            }
            return Responses.withResult(201, transactions.begin(database.name(), Responses.objectBody(request))
                    .toJson());
        }
        return Responses.withResult(200, switch (method) {
            case "GET" -> transactions.get(id, database.name()).toJson();
            case "PUT" -> transactions.commit(id, database.name()).toJson();
            case "DELETE" -> transactions.abort(id, database.name()).toJson();
            default -> throw ArangoException.methodNotAllowed();
        });
    }

    // ---------------------------------------------------------------- collections and databases

    private HttpResponse collections(HttpRequest request, Database database) {
        int depth = request.segments().size();
        String method = request.method();
        if (depth == 2 && method.equals("POST")) {
            ObjectNode options = Responses.objectBody(request);
            if (options.path("name").asText("").startsWith("_")) {
                return null;
            }
            return Responses.ok(200, properties(cluster.createCollection(database.name(), options)));
        }
        if (depth == 2 && method.equals("GET")) {
            boolean excludeSystem = request.boolParam("excludeSystem", false);
            ArrayNode list = Json.array();
            for (Collection own : database.collections()) {
                if (!(excludeSystem && own.isSystem())) {
                    list.add(own.listEntry());
                }
            }
            cluster.collections(database.name()).forEach(c -> list.add(listEntry(c)));
            return Responses.withResult(200, list);
        }
        ClusterCollection c = depth >= 3 ? cluster.collection(database.name(), request.segment(2)) : null;
        if (c == null || depth > 4) {
            return null;
        }
        String action = depth == 4 ? request.segment(3) : "";
        switch (method + " " + action) {
            case "GET ":
                return Responses.ok(200, listEntry(c));
            case "GET properties":
                return Responses.ok(200, properties(c));
            case "GET count":
                ObjectNode counted = properties(c);
                counted.put("count", count(c));
                return Responses.ok(200, counted);
            case "GET shards":
                ObjectNode shards = Json.object();
                if (request.boolParam("details", false)) {
                    shards.set("shards", cluster.shardServers(c));
                } else {
                    ArrayNode names = shards.putArray("shards");
                    c.shards().forEach(s -> names.add(s.name()));
                }
                return Responses.ok(200, shards);
            case "DELETE ":
                cluster.dropCollection(c);
                ObjectNode dropped = Json.object();
                dropped.put("id", Long.toString(c.planId()));
                return Responses.ok(200, dropped);
            default:
                throw new ArangoException(501, 9, "not emulated for a cluster collection: " + method + " " + request.path());
        }
    }

    private long count(ClusterCollection c) {
        long count = 0;
        for (Shard shard : c.shards()) {
            count += ClusterState.shardOn(cluster.leaderOf(shard), shard).store().count();
        }
        return count;
    }

    private ObjectNode listEntry(ClusterCollection c) {
        ObjectNode entry = template(c).listEntry();
        identify(entry, c);
        return entry;
    }

    /** The single-server properties of its first shard, with the collection's identity and sharding. */
    private ObjectNode properties(ClusterCollection c) {
        ObjectNode node = template(c).properties();
        node.remove("objectId");
        identify(node, c);
        sharding(node, c);
        return node;
    }

    private Collection template(ClusterCollection c) {
        Shard first = c.shards().get(0);
        return ClusterState.shardOn(cluster.server(first.plan().get(0)), first);
    }

    private static void identify(ObjectNode node, ClusterCollection c) {
        node.put("id", Long.toString(c.planId()));
        node.put("name", c.name());
        node.put("globallyUniqueId", "c" + c.planId());
    }

    private static void sharding(ObjectNode node, ClusterCollection c) {
        node.put("numberOfShards", c.numberOfShards());
        node.put("replicationFactor", c.replicationFactor());
        node.put("minReplicationFactor", 1);
        node.set("shardKeys", Json.array().add("_key"));
        node.put("shardingStrategy", "hash");
        node.put("isSmart", false);
        node.put("isDisjoint", false);
    }

    /** Databases live on every DB-Server; the Coordinator's own routes then create or drop its copy. */
    private void databases(HttpRequest request) {
        if (request.method().equals("POST") && request.segments().size() == 2) {
            String name = Responses.objectBody(request).path("name").asText("");
            if (!name.isEmpty()) {
                cluster.createDatabase(name, self);
            }
        } else if (request.method().equals("DELETE") && request.segments().size() == 3) {
            cluster.dropDatabase(request.segment(2), self);
        }
    }

    // ---------------------------------------------------------------- cluster administration and replication

    private HttpResponse admin(HttpRequest request, Database database) {
        String what = request.segment(2);
        if (!request.method().equals("GET")) {
            return null;
        }
        if ("health".equals(what)) {
            return HttpResponse.json(200, cluster.health());
        }
        if ("shardDistribution".equals(what)) {
            return HttpResponse.json(200, cluster.shardDistribution(database.name()));
        }
        return null;
    }

    /** {@code GET /_api/cluster/endpoints}: every Coordinator (the driver's host list). */
    private HttpResponse endpoints(HttpRequest request) {
        if (!"endpoints".equals(request.segment(2)) || !request.method().equals("GET")) {
            return null;
        }
        ObjectNode body = Json.object();
        body.put("error", false);
        body.put("code", 200);
        ArrayNode endpoints = body.putArray("endpoints");
        cluster.coordinators().forEach(c -> endpoints.addObject().put("endpoint", c.endpoint()));
        return HttpResponse.json(200, body);
    }

    private HttpResponse replication(HttpRequest request, Database database) {
        String command = request.segment(2);
        if ("clusterInventory".equals(command) && request.method().equals("GET")) {
            return HttpResponse.json(200, clusterInventory(request, database));
        }
        String dbServer = request.param("DBserver");
        if (dbServer == null || !Set.of("batch", "inventory", "dump").contains(command)) {
            return null;
        }
        ClusterServer target = cluster.server(dbServer);
        if (target == null || !target.isDbServer()) {
            throw ArangoException.badParameter("unknown DBserver '" + dbServer + "'");
        }
        if (!target.isUp()) {
            throw new ArangoException(503, 1478, "DB-Server " + dbServer + " is not reachable");
        }
        Map<String, String> headers = headers(request);
        return target.call(new HttpRequest(request.method(), request.target(), headers, request.body()));
    }

    /** {@code clusterInventory} (§3.13): the Plan's collections with {@code parameters.shards}, leader first. */
    private ObjectNode clusterInventory(HttpRequest request, Database database) {
        boolean includeSystem = request.boolParam("includeSystem", true);
        ObjectNode body = Json.object();
        body.set("properties", database.info());
        ArrayNode collections = body.putArray("collections");
        if (includeSystem) {
            for (Collection own : database.collections()) {
                ObjectNode entry = collections.addObject();
                entry.set("parameters", own.inventoryParameters());
                entry.set("indexes", own.inventoryIndexes());
                entry.put("planVersion", cluster.planVersion());
                entry.put("isReady", true);
                entry.put("allInSync", true);
            }
        }
        for (ClusterCollection c : cluster.collections(database.name())) {
            ObjectNode entry = collections.addObject();
            Collection template = template(c);
            ObjectNode parameters = template.inventoryParameters();
            identify(parameters, c);
            parameters.put("cid", Long.toString(c.planId()));
            sharding(parameters, c);
            parameters.set("shards", cluster.shardServers(c));
            entry.set("parameters", parameters);
            entry.set("indexes", template.inventoryIndexes());
            entry.put("planVersion", cluster.planVersion());
            entry.put("isReady", true);
            entry.put("allInSync", c.shards().stream().allMatch(s -> s.current().size() == s.plan().size()));
        }
        body.set("views", Json.array());
        // the Coordinator's own tick: it says nothing of any DB-Server's WAL (ticks are per server)
        body.put("tick", Long.toUnsignedString(cluster.server(self).server().lastTick()));
        body.put("state", "unused");
        return body;
    }
}
