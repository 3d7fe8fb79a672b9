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
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.Server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry of stream transactions. Commit writes 2200, the inner markers, 2201 as one contiguous batch with the
 * transaction id as {@code tid}; abort discards the staged writes, so nothing reaches the WAL (§5.1: RocksDB
 * never logs 2202).
 */
public final class StreamTransactions {

    public static final String HEADER = "x-arango-trx-id";

    private final Server server;
    private final Map<String, StreamTransaction> transactions = new ConcurrentHashMap<>();

    public StreamTransactions(Server server) {
        this.server = server;
    }

    public StreamTransaction begin(Database database, JsonNode body) {
        JsonNode collections = body.path("collections");
        Set<String> writable = new HashSet<>();
        for (String kind : new String[] {"write", "exclusive"}) {
            JsonNode names = collections.path(kind);
            if (names.isTextual()) {
                writable.add(names.asText());
            }
            names.forEach(n -> writable.add(n.asText()));
        }
        List<String> declared = new ArrayList<>(writable);
        JsonNode read = collections.path("read");
        if (read.isTextual()) {
            declared.add(read.asText());
        }
        read.forEach(n -> declared.add(n.asText()));
        for (String name : declared) {
            if (database.collection(name) == null) {
                throw ArangoException.collectionNotFound(name);
            }
        }
        String id = Long.toUnsignedString(server.nextId());
        StreamTransaction tx = new StreamTransaction(id, database, writable, body.path("allowImplicit").asBoolean(true));
        transactions.put(id, tx);
        return tx;
    }

    /** The transaction of a {@code /_api/transaction/<id>} call (404/1655 if unknown or of another database). */
    public StreamTransaction get(String id, Database database) {
        StreamTransaction tx = id == null ? null : transactions.get(id);
        if (tx == null || tx.database() != database) {
            throw new ArangoException(404, 1655, "transaction '" + id + "' not found");
        }
        return tx;
    }

    /** The running transaction named by the request's {@code x-arango-trx-id} header, or null without header. */
    public StreamTransaction ofRequest(HttpRequest request, Database database) {
        String id = request.header(HEADER);
        if (id == null || id.isBlank()) {
            return null;
        }
        StreamTransaction tx = get(id.trim(), database);
        if (tx.status() != StreamTransaction.Status.running) {
            throw new ArangoException(404, 1655, "transaction '" + id + "' not found");
        }
        return tx;
    }

    public StreamTransaction commit(String id, Database database) {
        StreamTransaction tx = get(id, database);
        synchronized (tx) {
            if (tx.status() == StreamTransaction.Status.aborted) {
                throw new ArangoException(409, 1653, "transaction was already aborted");
            }
            if (tx.status() == StreamTransaction.Status.running) {
                server.commit(database, tx.writes(), true, tx.id());
                tx.status(StreamTransaction.Status.committed);
            }
        }
        return tx;
    }

    public StreamTransaction abort(String id, Database database) {
        StreamTransaction tx = get(id, database);
        synchronized (tx) {
            if (tx.status() == StreamTransaction.Status.committed) {
                throw new ArangoException(409, 1653, "transaction was already committed");
            }
            tx.status(StreamTransaction.Status.aborted);
        }
        return tx;
    }

    /**
     * Aborts and forgets every transaction, as a server restart does: their staged writes are gone, and their ids are
     * unknown (404/1655) from now on.
     */
    public void abortAll() {
        for (StreamTransaction tx : transactions.values()) {
            synchronized (tx) {
                if (tx.status() == StreamTransaction.Status.running) {
                    tx.status(StreamTransaction.Status.aborted);
                }
            }
        }
        transactions.clear();
    }

    public long runningCount() {
        return transactions.values().stream().filter(tx -> tx.status() == StreamTransaction.Status.running).count();
    }

    public List<StreamTransaction> running(Database database) {
        List<StreamTransaction> list = new ArrayList<>();
        for (StreamTransaction tx : transactions.values()) {
            if (tx.database() == database && tx.status() == StreamTransaction.Status.running) {
                list.add(tx);
            }
        }
        return list;
    }
}
