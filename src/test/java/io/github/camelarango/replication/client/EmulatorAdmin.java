package io.github.camelarango.replication.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes test data through the server's document API (plain JDK HTTP, independent of the client under test):
 * collections, inserts, removes.
 */
final class EmulatorAdmin {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String authorization;

    EmulatorAdmin(String url, String user, String password) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void createDatabase(String name) {
        send("POST", "/_db/_system/_api/database", "{\"name\":\"" + name + "\"}");
    }

    void createCollection(String database, String name) {
        send("POST", "/_db/" + database + "/_api/collection", "{\"name\":\"" + name + "\"}");
    }

    /** Inserts a document, returns its _key. */
    String insert(String database, String collection, String json) {
        return send("POST", "/_db/" + database + "/_api/document/" + collection, json).path("_key").asText();
    }

    void remove(String database, String collection, String key) {
        send("DELETE", "/_db/" + database + "/_api/document/" + collection + "/" + key, null);
    }

    void update(String database, String collection, String key, String json) {
        send("PATCH", "/_db/" + database + "/_api/document/" + collection + "/" + key, json);
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
