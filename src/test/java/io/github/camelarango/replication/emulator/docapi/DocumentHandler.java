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
import io.github.camelarango.replication.emulator.model.DocumentVersion;
import io.github.camelarango.replication.emulator.model.Server;
import io.github.camelarango.replication.emulator.model.WriteSet;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /_api/document}: single and multi-document reads and writes (§11.2), inside a stream transaction when
 * the request carries {@code x-arango-trx-id}. Writes answer 201 with waitForSync, else 202 (removes: 200/202);
 * multi-document calls report failures inline and count them in {@code x-arango-error-codes}.
 */
public final class DocumentHandler implements RouteHandler {

    /** One single-document write, staged into a write set. */
    @FunctionalInterface
    private interface Write {
        ObjectNode apply(WriteSet writes, JsonNode element);
    }

    private final Server server;
    private final StreamTransactions transactions;
    private final DocumentOperations operations;

    public DocumentHandler(EmulatorContext context) {
        this.server = context.server();
        this.transactions = context.transactions();
        this.operations = new DocumentOperations(context.server());
    }

    @Override
    public HttpResponse handle(HttpRequest request, Database database) {
        int depth = request.segments().size();
        if (depth < 3 || depth > 4) {
            throw ArangoException.unknownPath(request.path());
        }
        Collection c = database.collection(request.segment(2));
        if (c == null) {
            throw ArangoException.collectionNotFound(request.segment(2));
        }
        String key = request.segment(3);
        StreamTransaction tx = transactions.ofRequest(request, database);
        String method = request.method();
        if (method.equals("GET") || method.equals("HEAD")) {
            if (key == null) {
                throw ArangoException.methodNotAllowed();
            }
            return read(request, c, key, tx);
        }
        if (method.equals("PUT") && key == null && request.boolParam("onlyget", false)) {
            return readMany(request, c, tx);
        }
        if (tx != null) {
            tx.checkWritable(c);
        }
        DocumentOptions o = DocumentOptions.of(request);
        String ifMatch = unquote(request.header("if-match"));
        boolean removal = method.equals("DELETE");
        Write write;
        switch (method) {
            case "POST":
                if (key != null) {
                    throw ArangoException.methodNotAllowed();
                }
                write = (ws, element) -> operations.insert(ws, c, element, o);
                break;
            case "PUT":
                write = (ws, element) -> operations.replace(ws, c, key != null ? key : keyOf(element), element, key != null ? ifMatch : null, o);
                break;
            case "PATCH":
                write = (ws, element) -> operations.update(ws, c, key != null ? key : keyOf(element), element, key != null ? ifMatch : null, o);
                break;
            case "DELETE":
                write = (ws, element) -> operations.remove(ws, c, key != null ? key : keyOf(element), key != null ? ifMatch : null, element, o);
                break;
            default:
                throw ArangoException.methodNotAllowed();
        }
        JsonNode body = removal && key != null ? null : Json.parseDocuments(request.body());
        boolean sync = o.waitForSync() || c.waitForSync();
        int status = removal ? (sync ? 200 : 202) : (sync ? 201 : 202);
        if (key == null && body.isArray()) {
            return writeMany(database, tx, (ArrayNode) body, write, o, status);
        }
        if (key == null && !method.equals("POST")) {
            throw ArangoException.badParameter("expecting a JSON array in the body");
        }
        ObjectNode result = inWriteSet(database, tx, false, ws -> write.apply(ws, body));
        HttpResponse response = HttpResponse.json(status, o.silent() ? Json.object() : result);
        response.header("etag", "\"" + result.path("_rev").asText() + "\"");
        if (method.equals("POST")) {
            response.header("location", "/_db/" + database.name() + "/_api/document/" + result.path("_id").asText());
        }
        return response;
    }

    private HttpResponse writeMany(Database database, StreamTransaction tx, ArrayNode elements, Write write, DocumentOptions o, int status) {
        Map<String, Integer> errorCounts = new TreeMap<>();
        ArrayNode results = inWriteSet(database, tx, true, ws -> {
            ArrayNode out = Json.array();
            for (JsonNode element : elements) {
                try {
                    ObjectNode result = write.apply(ws, element);
                    if (!o.silent()) {
                        out.add(result);
                    }
                } catch (ArangoException e) {
                    errorCounts.merge(Integer.toString(e.errorNum()), 1, Integer::sum);
                    out.add(inlineError(e));
                }
            }
            return out;
        });
        HttpResponse response = HttpResponse.json(status, results);
        if (!errorCounts.isEmpty()) {
            ObjectNode counts = Json.object();
            errorCounts.forEach(counts::put);
            response.header("x-arango-error-codes", Json.text(counts));
        }
        return response;
    }

    /** Runs staging in the transaction's write set, or in a fresh one committed at once under the write lock. */
    private <T> T inWriteSet(Database database, StreamTransaction tx, boolean multi, java.util.function.Function<WriteSet, T> work) {
        if (tx != null) {
            synchronized (tx) {
                return work.apply(tx.writes());
            }
        }
        server.writeLock().lock();
        try {
            WriteSet writes = new WriteSet();
            T result = work.apply(writes);
            server.commit(database, writes, multi);
            return result;
        } finally {
            server.writeLock().unlock();
        }
    }

    private HttpResponse read(HttpRequest request, Collection c, String key, StreamTransaction tx) {
        DocumentVersion version = lookup(c, key, tx);
        if (version == null) {
            throw ArangoException.documentNotFound();
        }
        String etag = "\"" + version.revText() + "\"";
        String ifNoneMatch = unquote(request.header("if-none-match"));
        if (ifNoneMatch != null && ifNoneMatch.equals(version.revText())) {
            return HttpResponse.empty(304).header("etag", etag);
        }
        String ifMatch = unquote(request.header("if-match"));
        if (ifMatch != null && !ifMatch.equals(version.revText())) {
            throw DocumentOperations.conflict(c, version);
        }
        HttpResponse response = new HttpResponse(200).header("content-type", HttpResponse.JSON).header("etag", etag);
        return response.body(io.github.camelarango.replication.emulator.http.Body.of(version.render(c.name())));
    }

    private HttpResponse readMany(HttpRequest request, Collection c, StreamTransaction tx) {
        JsonNode body = Json.parseBody(request.body());
        if (!body.isArray()) {
            throw ArangoException.badParameter("expecting a JSON array in the body");
        }
        ArrayNode out = Json.array();
        Map<String, Integer> errorCounts = new TreeMap<>();
        for (JsonNode element : body) {
            String key = element.isTextual() ? element.asText() : keyOf(element);
            DocumentVersion version = key == null ? null : lookup(c, key, tx);
            if (version == null) {
                errorCounts.merge("1202", 1, Integer::sum);
                out.add(inlineError(ArangoException.documentNotFound()));
            } else {
                out.add(DocumentOperations.document(c, version));
            }
        }
        HttpResponse response = HttpResponse.json(200, out);
        if (!errorCounts.isEmpty()) {
            ObjectNode counts = Json.object();
            errorCounts.forEach(counts::put);
            response.header("x-arango-error-codes", Json.text(counts));
        }
        return response;
    }

    private static DocumentVersion lookup(Collection c, String key, StreamTransaction tx) {
        if (tx == null) {
            return c.store().current(key);
        }
        synchronized (tx) {
            return tx.writes().lookup(c, key);
        }
    }

    private static String keyOf(JsonNode element) {
        if (element != null && element.isTextual()) {
            return element.asText();
        }
        JsonNode key = element == null ? null : element.get("_key");
        return key != null && key.isTextual() ? key.asText() : null;
    }

    private static ObjectNode inlineError(ArangoException e) {
        ObjectNode node = Json.object();
        node.put("error", true);
        node.put("errorNum", e.errorNum());
        node.put("errorMessage", e.getMessage());
        return node;
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String t = etag.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
