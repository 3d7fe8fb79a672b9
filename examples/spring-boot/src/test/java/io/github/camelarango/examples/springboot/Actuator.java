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
package io.github.camelarango.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** HTTP calls to the application's actuator, as a monitoring system makes them. */
final class Actuator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    Actuator(int port) {
        this.port = port;
    }

    record Response(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** The value of a meter of /actuator/metrics, narrowed by one tag ({@code name:value}). */
    double measurement(String meter, String tag) throws IOException, InterruptedException {
        Response response = get("/actuator/metrics/" + meter + "?tag=" + tag);
        assertEquals(200, response.status(), meter + ": " + response.body());
        return response.json().path("measurements").get(0).path("value").asDouble();
    }

    /** The value once it matches, or the last one seen after 20 s. */
    static <T> T await(Callable<T> value, Predicate<T> expected) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        T last = value.call();
        while (!expected.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = value.call();
        }
        return last;
    }
}
