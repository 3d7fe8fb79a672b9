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
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Coordinator's stream transactions, as ArangoDB runs them: one transaction per involved DB-Server, begun on a shard's
 * leader when the transaction first reaches it (over the shards of the declared collections that server leads), the
 * documents' requests sent there with that server's transaction id; at commit each server's transaction commits (one
 * transaction in its WAL), then the shards' in-sync followers take the written keys (one transaction per shard in each
 * follower's WAL, as a follower logs a replicated write); at abort each server's transaction aborts and nothing reaches
 * a WAL. Writes are visible to nobody before the commit, as on a single server.
 * <p>
 * Emulator choices: the transactions on the DB-Servers begin lazily (ArangoDB's Coordinators begin them on first use);
 * a shard whose leader changed since the transaction wrote it aborts the whole transaction at commit (503/1495), so
 * that no write lands on a server that no longer leads its shard.
 */
final class CoordinatorTransactions {

    private static final String HEADER = "x-arango-trx-id";

    private final ClusterState cluster;
    private final String authorization;
    private final AtomicLong ids = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();

    /** The states {@code GET /_api/transaction/<id>} reports. */
    enum Status { running, committed, aborted }

    CoordinatorTransactions(ClusterState cluster, String authorization) {
        this.cluster = cluster;
        this.authorization = authorization;
    }

    /** {@code POST /_api/transaction/begin}: checks the declared collections; no DB-Server is asked yet. */
    Transaction begin(String database, JsonNode body) {
        JsonNode collections = body.path("collections");
        Set<ClusterCollection> write = declared(database, collections, "write", "exclusive");
        Set<ClusterCollection> read = declared(database, collections, "read");
        Transaction tx = new Transaction(Long.toString(ids.incrementAndGet()), database, write, read);
        transactions.put(tx.id, tx);
        return tx;
    }

    private Set<ClusterCollection> declared(String database, JsonNode collections, String... kinds) {
        Set<ClusterCollection> declared = new LinkedHashSet<>();
        for (String kind : kinds) {
            JsonNode names = collections.path(kind);
            List<String> list = new ArrayList<>();
            if (names.isTextual()) {
                list.add(names.asText());
            }
            names.forEach(name -> list.add(name.asText()));
            for (String name : list) {
                ClusterCollection c = cluster.collection(database, name);
                if (c == null) {
                    throw ArangoException.collectionNotFound(name);
                }
                declared.add(c);
            }
        }
        return declared;
    }

    /** The transaction of a {@code /_api/transaction/<id>} call (404/1655 if unknown or of another database). */
    Transaction get(String id, String database) {
        Transaction tx = id == null ? null : transactions.get(id);
        if (tx == null || !tx.database.equals(database)) {
            throw new ArangoException(404, 1655, "transaction '" + id + "' not found");
        }
        return tx;
    }

    /** The running transaction the request names with {@code x-arango-trx-id}; null without the header. */
    Transaction ofRequest(HttpRequest request, String database) {
        String id = request.header(HEADER);
        if (id == null || id.isBlank()) {
            return null;
        }
        Transaction tx = get(id.trim(), database);
        if (tx.status != Status.running) {
            throw new ArangoException(404, 1655, "transaction '" + id.trim() + "' not found");
        }
        return tx;
    }

    /** The running transactions of a database ({@code GET /_api/transaction}). */
    List<Transaction> running(String database) {
        return transactions.values().stream().filter(tx -> tx.database.equals(database) && tx.status == Status.running)
                .toList();
    }

    /**
     * {@code PUT /_api/transaction/<id>}: under the locks of the shards it wrote (in name order), each DB-Server's
     * transaction commits, then each shard's followers take its written keys.
     */
    Transaction commit(String id, String database) {
        Transaction tx = get(id, database);
        synchronized (tx) {
            if (!stillRunning(tx, Status.aborted)) {
                return tx;
            }
            List<Shard> shards = new ArrayList<>(tx.written.keySet());
            shards.sort(Comparator.comparing(Shard::name));
            shards.forEach(shard -> shard.lock().lock());
            try {
                for (Shard shard : shards) {
                    if (!tx.parts.get(shard).equals(shard.leader())) {
                        finish(tx, "DELETE");
                        tx.status = Status.aborted;
                        throw new ArangoException(503, 1495, "the leader of shard " + shard.name() + " changed during "
                                + "transaction " + tx.id + ", which was aborted");
                    }
                }
                finish(tx, "PUT");
                tx.status = Status.committed;
                tx.written.forEach((shard, keys) -> cluster.replicate(shard, keys, true));
            } finally {
                shards.forEach(shard -> shard.lock().unlock());
            }
        }
        return tx;
    }

    /** {@code DELETE /_api/transaction/<id>}: each DB-Server's transaction aborts. */
    Transaction abort(String id, String database) {
        Transaction tx = get(id, database);
        synchronized (tx) {
            if (stillRunning(tx, Status.committed)) {
                finish(tx, "DELETE");
                tx.status = Status.aborted;
            }
        }
        return tx;
    }

    /** Whether the transaction still runs; false when it ended as asked already; 409/1653 when it ended the other way. */
    private static boolean stillRunning(Transaction tx, Status otherEnd) {
        if (tx.status == otherEnd) {
            throw new ArangoException(409, 1653, "transaction was already " + otherEnd);
        }
        return tx.status == Status.running;
    }

    /** Commits (PUT) or aborts (DELETE) the transaction on each DB-Server it reached. */
    private void finish(Transaction tx, String method) {
        tx.onServers.forEach((serverId, serverTx) -> {
            HttpResponse answer = cluster.server(serverId).call(new HttpRequest(method, "/_db/" + enc(tx.database)
                    + "/_api/transaction/" + serverTx, Map.of("authorization", authorization), new byte[0]));
            if (answer.status() != 200 && method.equals("PUT")) {
                throw new ArangoException(answer.status(), 1650, "the transaction on DB-Server " + serverId
                        + " did not commit (HTTP " + answer.status() + ")");
            }
        });
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One stream transaction of the Coordinator. */
    final class Transaction {
        private final String id;
        private final String database;
        private final Set<ClusterCollection> write;
        private final Set<ClusterCollection> read;
        /** The DB-Servers it reached: server id to that server's transaction id. */
        private final Map<String, String> onServers = new LinkedHashMap<>();
        /** The shards it reached, with the server it reached each on. */
        private final Map<Shard, String> parts = new ConcurrentHashMap<>();
        /** The keys it wrote, by shard. */
        private final Map<Shard, Set<String>> written = new LinkedHashMap<>();
        private volatile Status status = Status.running;

        private Transaction(String id, String database, Set<ClusterCollection> write, Set<ClusterCollection> read) {
            this.id = id;
            this.database = database;
            this.write = write;
            this.read = read;
        }

        String id() {
            return id;
        }

        Status status() {
            return status;
        }

        /**
         * The id of this transaction on the leader of the shard, begun there now if it was not yet: over the shards
         * of the declared collections that server leads.
         */
        synchronized String on(ClusterServer leader, Shard shard) {
            parts.putIfAbsent(shard, leader.id());
            return onServers.computeIfAbsent(leader.id(), serverId -> beginOn(leader));
        }

        private String beginOn(ClusterServer leader) {
            ObjectNode body = Json.object();
            ObjectNode collections = body.putObject("collections");
            shardsLedBy(leader, write, collections.putArray("write"));
            shardsLedBy(leader, read, collections.putArray("read"));
            HttpResponse answer = leader.call(new HttpRequest("POST", "/_db/" + enc(database)
                    + "/_api/transaction/begin", Map.of("authorization", authorization, "content-type",
                    "application/json"), Json.bytes(body)));
            JsonNode result = Json.parse(CoordinatorRoutes.bytes(answer)).path("result");
            if (answer.status() != 201 || !result.path("id").isTextual()) {
                throw new ArangoException(answer.status() == 201 ? 500 : answer.status(), 1650,
                        "transaction " + id + " could not begin on DB-Server " + leader.id());
            }
            return result.path("id").asText();
        }

        private void shardsLedBy(ClusterServer leader, Set<ClusterCollection> collections, ArrayNode names) {
            collections.forEach(c -> c.shards().stream().filter(s -> leader.id().equals(s.leader()))
                    .forEach(s -> names.add(s.name())));
        }

        /** Records keys this transaction wrote to a shard, replicated to its followers at the commit. */
        synchronized void wrote(Shard shard, Set<String> keys) {
            written.computeIfAbsent(shard, s -> new LinkedHashSet<>()).addAll(keys);
        }

        /** As {@code GET /_api/transaction/<id>} shows it. */
        ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("id", id);
            node.put("status", status.name());
            return node;
        }
    }
}
