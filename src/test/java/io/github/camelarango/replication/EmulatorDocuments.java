package io.github.camelarango.replication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes test data through the server's document API (plain HTTP, independent of the component under test).
 */
final class EmulatorDocuments {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String authorization;

    EmulatorDocuments(String url, String user, String password) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void createCollection(String name) {
        post("/_db/_system/_api/collection", Map.of("name", name));
    }

    /** @return the stored document's metadata (_key, _id, _rev) */
    @SuppressWarnings("unchecked")
    Map<String, Object> insert(String collection, Map<String, Object> document) {
        return MAPPER.convertValue(post("/_db/_system/_api/document/" + collection, document), Map.class);
    }

    private Object post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return MAPPER.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
