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
package io.github.camelarango.replication.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on 127.0.0.1 (random port) answering canned responses per "METHOD path", recording every request.
 * Answers {@code /_api/version} and {@code /_admin/server/role} from {@link #version(String, String)} unless a test
 * stubs them itself. Public for the tests of other packages that need an answer no real server gives (a missing
 * header, say).
 */
public final class CannedArangoServer implements AutoCloseable {

    /** A recorded request. */
    public record Recorded(String method, String path, String query, Headers headers, String body) {
    }

    /** A canned answer; {@code body} null means no body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    /** Writes an answer itself (e.g. to break the connection). */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, List<Handler>> handlers = new LinkedHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile String version = "3.11.4";
    private volatile String role = "SINGLE";

    public CannedArangoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The personality served by /_api/version and /_admin/server/role. */
    CannedArangoServer version(String version, String role) {
        this.version = version;
        this.role = role;
        return this;
    }

    /** Queues answers for "METHOD path"; the last one repeats. */
    public synchronized CannedArangoServer on(String method, String path, Answer... answers) {
        List<Handler> list = handlers.computeIfAbsent(method + " " + path, k -> new ArrayList<>());
        for (Answer answer : answers) {
            list.add(exchange -> write(exchange, answer));
        }
        return this;
    }

    /** Queues a custom handler for "METHOD path". */
    synchronized CannedArangoServer on(String method, String path, Handler handler) {
        handlers.computeIfAbsent(method + " " + path, k -> new ArrayList<>()).add(handler);
        return this;
    }

    /** Requests seen, excluding the version/role probes. */
    public List<Recorded> requests() {
        return requests.stream().filter(r -> !r.path().endsWith("/_api/version") && !r.path().endsWith("/_admin/server/role"))
                .toList();
    }

    /** Every request seen. */
    List<Recorded> allRequests() {
        return List.copyOf(requests);
    }

    Recorded last() {
        List<Recorded> seen = requests();
        return seen.get(seen.size() - 1);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
        Handler handler = next(method + " " + path);
        if (handler != null) {
            handler.handle(exchange);
        } else if (path.endsWith("/_api/version")) {
            write(exchange, Answer.json(200, "{\"server\":\"arango\",\"license\":\"community\",\"version\":\"" + version + "\"}"));
        } else if (path.endsWith("/_admin/server/role")) {
            write(exchange, Answer.json(200, "{\"error\":false,\"code\":200,\"role\":\"" + role + "\",\"mode\":\"default\"}"));
        } else {
            write(exchange, Answer.json(404,
                    "{\"error\":true,\"code\":404,\"errorNum\":404,\"errorMessage\":\"unknown path " + path + "\"}"));
        }
    }

    private synchronized Handler next(String key) {
        List<Handler> list = handlers.get(key);
        if (list == null || list.isEmpty()) {
            return null;
        }
        return list.size() == 1 ? list.get(0) : list.remove(0);
    }

    static void write(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        boolean noBody = answer.status() == 204 || bytes.length == 0;
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
