package io.github.camelarango.replication.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes test data through the server's document API (plain JDK HTTP, independent of the client and component
 * under test): databases, collections, inserts, updates, removes. Shared by the client and component tests.
 */
public final class EmulatorAdmin {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String authorization;

    /** A writer for the server at {@code url} (e.g. {@code http://127.0.0.1:port}), authenticating with Basic auth. */
    public EmulatorAdmin(String url, String user, String password) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a database (from {@code _system}). */
    public void createDatabase(String name) {
        send("POST", "/_db/_system/_api/database", "{\"name\":\"" + name + "\"}");
    }

    /** Creates a document collection in {@code database}. */
    public void createCollection(String database, String name) {
        send("POST", "/_db/" + database + "/_api/collection", "{\"name\":\"" + name + "\"}");
    }

    /** Inserts a document given as JSON text, returns its _key. */
    public String insert(String database, String collection, String json) {
        return send("POST", "/_db/" + database + "/_api/document/" + collection, json).path("_key").asText();
    }

    /** Inserts a document given as a map (rendered as a JSON object), returns its _key. */
    public String insert(String database, String collection, Map<String, ?> document) {
        try {
            return insert(database, collection, MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("document is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** Removes the document with {@code key}. */
    public void remove(String database, String collection, String key) {
        send("DELETE", "/_db/" + database + "/_api/document/" + collection + "/" + key, null);
    }

    /** Patches the document with {@code key} with the given JSON object. */
    public void update(String database, String collection, String key, String json) {
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
