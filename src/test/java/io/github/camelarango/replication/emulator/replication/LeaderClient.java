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

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The applier's HTTP connection to its leader (another emulator or ArangoDB), speaking the protocol of §3–§4. */
final class LeaderClient {

    /** One leader answer. */
    record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return Json.parse(body);
        }

        int errorNum() {
            try {
                return json().path("errorNum").asInt(status);
            } catch (RuntimeException e) {
                return status;
            }
        }
    }

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    LeaderClient(String endpoint, String database, String username, String password, double requestTimeoutSeconds, double connectTimeoutSeconds) {
        String url = endpoint.replaceFirst("^tcp://", "http://").replaceFirst("^ssl://", "https://");
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.base = url + "/_db/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        this.authorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.timeout = Duration.ofMillis((long) (requestTimeoutSeconds * 1000));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis((long) Math.max(100, connectTimeoutSeconds * 1000)))
                .build();
    }

    Reply get(String pathAndQuery) throws IOException {
        return send(request(pathAndQuery).GET());
    }

    Reply send(String method, String pathAndQuery, String jsonBody) throws IOException {
        return send(request(pathAndQuery).method(method,
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("accept", "application/json");
        if (authorization != null) {
            builder.header("authorization", authorization);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "LeaderClient[" + base + "]";
    }
}
