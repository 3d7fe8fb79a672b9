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
package io.github.camelarango.replication.emulator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds uncommitted {@link DocumentVersion}s: drops the system attributes ({@code _key}, {@code _id},
 * {@code _rev}; {@code _from}/{@code _to} go first for edges), serializes the rest once, and assigns a fresh
 * revision (or keeps the leader's for replicated documents).
 */
public final class DocumentVersions {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_\\-:.@()+,=;$!*'%]{1,254}");
    private static final Set<String> SYSTEM_ATTRIBUTES = Set.of("_key", "_id", "_rev", "_from", "_to");

    private final Revisions revisions = new Revisions();

    /** Validates a user-supplied key (400/1221). */
    public static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ArangoException(400, 1221, "illegal document key");
        }
    }

    /** A new version of {@code key} with a fresh revision; system attributes in {@code body} are ignored. */
    public DocumentVersion newVersion(Collection c, String key, ObjectNode body) {
        return version(c, key, body, revisions.next());
    }

    /** A version of a document replicated from a leader: its {@code _key} and {@code _rev} are kept. */
    public DocumentVersion replicatedVersion(Collection c, ObjectNode document) {
        String key = document.path("_key").asText();
        checkKey(key);
        long rev = Revisions.decode(document.path("_rev").asText(null));
        return version(c, key, document, rev > 0 ? rev : revisions.next());
    }

    /** Fast path for generated test data: a plain map serialized once. */
    public DocumentVersion newVersion(Collection c, String key, Map<String, Object> body) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (c.isEdge()) {
            attributes.put("_from", body.get("_from"));
            attributes.put("_to", body.get("_to"));
        }
        body.forEach((name, value) -> {
            if (!SYSTEM_ATTRIBUTES.contains(name)) {
                attributes.put(name, value);
            }
        });
        try {
            c.keys().track(key);
            return new DocumentVersion(key, revisions.next(), members(Json.MAPPER.writeValueAsBytes(attributes)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("document is not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static DocumentVersion version(Collection c, String key, ObjectNode body, long rev) {
        ObjectNode attributes = Json.object();
        if (c.isEdge()) {
            attributes.set("_from", body.get("_from"));
            attributes.set("_to", body.get("_to"));
        }
        body.fields().forEachRemaining(field -> {
            if (!SYSTEM_ATTRIBUTES.contains(field.getKey())) {
                attributes.set(field.getKey(), field.getValue());
            }
        });
        c.keys().track(key);
        return new DocumentVersion(key, rev, members(Json.bytes(attributes)));
    }

    /** The members of a serialized JSON object, without the braces. */
    private static byte[] members(byte[] json) {
        byte[] members = new byte[json.length - 2];
        System.arraycopy(json, 1, members, 0, members.length);
        return members;
    }
}
