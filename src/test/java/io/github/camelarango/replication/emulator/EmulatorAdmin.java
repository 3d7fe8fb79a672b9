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
package io.github.camelarango.replication.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.http.Json;

/**
 * Writes test data the way an application does: through ArangoDB's document API ({@code /_api/database},
 * {@code /_api/collection} including rename, truncate and drop, {@code /_api/document}) over plain JDK HTTP, independent of the component under test.
 * Works against the emulator and against a real ArangoDB alike, so a test that writes with it also runs with
 * {@code -Darango.url=...}:
 * <pre>{@code
 * EmulatorAdmin admin = ARANGO.admin();                 // or new EmulatorAdmin(url, user, password)
 * admin.createCollection("_system", "orders");
 * String key = admin.insert("_system", "orders", Map.of("amount", 10));
 * admin.update("_system", "orders", key, Map.of("amount", 11));
 * admin.remove("_system", "orders", key);
 * admin.renameCollection("_system", "orders", "orders_2024");
 * admin.truncateCollection("_system", "orders_2024");
 * admin.dropCollection("_system", "orders_2024");
 * }</pre>
 * Every write waits for the server's answer: once a method returned, the change is in the server's write-ahead log.
 * A refused request (HTTP status 300 or above) throws an {@link IllegalStateException} with the method, path, status
 * and the server's error body. Instances are thread-safe.
 */
public final class EmulatorAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String authorization;

    /**
     * A writer for the server at {@code url}.
     *
     * @param url      base URL of the server, e.g. {@code http://127.0.0.1:8529} (from {@link ArangoEmulator#url()} or
     *                 {@link ArangoEmulatorExtension#url()})
     * @param user     user for HTTP Basic authentication, or {@code null} to send no credentials
     * @param password password of {@code user} ({@code null} counts as empty)
     */
    public EmulatorAdmin(String url, String user, String password) {
        this.url = stripTrailingSlash(Objects.requireNonNull(url, "url"));
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates a database (a request to {@code _system}).
     *
     * @param name the new database's name
     */
    public void createDatabase(String name) {
        send("POST", "/_db/_system/_api/database", Json.text(Json.object().put("name", name)));
    }

    /**
     * Creates a document collection.
     *
     * @param database the database, e.g. {@code _system}
     * @param name     the new collection's name
     */
    public void createCollection(String database, String name) {
        send("POST", "/_db/" + database + "/_api/collection", Json.text(Json.object().put("name", name)));
    }

    /**
     * Renames a collection ({@code PUT /_api/collection/{name}/rename}); the WAL gets a 2002 marker.
     *
     * @param database the database
     * @param name     the collection's current name
     * @param newName  its new name
     */
    public void renameCollection(String database, String name, String newName) {
        send("PUT", "/_db/" + database + "/_api/collection/" + name + "/rename", Json.text(Json.object().put("name", newName)));
    }

    /**
     * Drops a collection ({@code DELETE /_api/collection/{name}}); the WAL gets a 2001 marker, and later tails no
     * longer show the collection's earlier markers.
     *
     * @param database the database
     * @param name     the collection
     */
    public void dropCollection(String database, String name) {
        send("DELETE", "/_db/" + database + "/_api/collection/" + name, null);
    }

    /**
     * Removes every document of a collection ({@code PUT /_api/collection/{name}/truncate}); on the emulator the WAL
     * gets one 2004 marker for 32768 documents or more, else a transaction of 2302 removes.
     *
     * @param database the database
     * @param name     the collection
     */
    public void truncateCollection(String database, String name) {
        send("PUT", "/_db/" + database + "/_api/collection/" + name + "/truncate", "{}");
    }

    /**
     * Inserts a document.
     *
     * @param database   the database
     * @param collection the collection
     * @param json       the document as a JSON object; without {@code _key} the server generates one
     * @return the document's {@code _key}
     */
    public String insert(String database, String collection, String json) {
        return send("POST", "/_db/" + database + "/_api/document/" + collection, json).path("_key").asText();
    }

    /**
     * Inserts a document given as a map, rendered as a JSON object.
     *
     * @param database   the database
     * @param collection the collection
     * @param document   the document's attributes; without {@code _key} the server generates one
     * @return the document's {@code _key}
     */
    public String insert(String database, String collection, Map<String, ?> document) {
        return insert(database, collection, render(document));
    }

    /**
     * Updates (patches) a document: the given attributes are set, the others kept.
     *
     * @param database   the database
     * @param collection the collection
     * @param key        the document's {@code _key}
     * @param json       the attributes to set, as a JSON object
     */
    public void update(String database, String collection, String key, String json) {
        send("PATCH", "/_db/" + database + "/_api/document/" + collection + "/" + key, json);
    }

    /**
     * Updates (patches) a document with attributes given as a map.
     *
     * @param database   the database
     * @param collection the collection
     * @param key        the document's {@code _key}
     * @param attributes the attributes to set
     */
    public void update(String database, String collection, String key, Map<String, ?> attributes) {
        update(database, collection, key, render(attributes));
    }

    /**
     * Removes a document.
     *
     * @param database   the database
     * @param collection the collection
     * @param key        the document's {@code _key}
     */
    public void remove(String database, String collection, String key) {
        send("DELETE", "/_db/" + database + "/_api/document/" + collection + "/" + key, null);
    }

    private static String render(Map<String, ?> document) {
        try {
            return Json.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("document is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
