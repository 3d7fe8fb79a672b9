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
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.DocumentVersion;
import io.github.camelarango.replication.emulator.model.DocumentVersions;
import io.github.camelarango.replication.emulator.model.Server;
import io.github.camelarango.replication.emulator.model.WriteSet;

import java.util.Iterator;
import java.util.Map;

/**
 * The document write rules (insert with overwrite modes, replace, update with mergeObjects/keepNull, remove,
 * revision preconditions), staging into a {@link WriteSet}. Each method validates fully before staging, so a
 * failing operation stages nothing.
 */
final class DocumentOperations {

    private final Server server;

    DocumentOperations(Server server) {
        this.server = server;
    }

    ObjectNode insert(WriteSet writes, Collection c, JsonNode input, DocumentOptions o) {
        ObjectNode body = requireObject(input);
        String key;
        if (body.has("_key")) {
            if (!c.keys().allowUserKeys()) {
                throw new ArangoException(400, 1222, "unexpected document key");
            }
            key = body.path("_key").isTextual() ? body.path("_key").asText() : null;
            DocumentVersions.checkKey(key);
        } else {
            key = null;
        }
        DocumentVersion existing = key == null ? null : writes.lookup(c, key);
        if (existing != null) {
            switch (o.overwriteMode()) {
                case "ignore":
                    return meta(c, existing, null);
                case "replace":
                    return replace(writes, c, key, body, null, o);
                case "update":
                    return update(writes, c, key, body, null, o);
                default:
                    throw new ArangoException(409, 1210, "unique constraint violated - in index primary of type primary over '_key'; conflicting key: " + key);
            }
        }
        checkEdge(c, body);
        DocumentVersion version = server.versions().newVersion(c, key == null ? c.keys().next() : key, body);
        writes.put(c, version, null);
        ObjectNode result = meta(c, version, null);
        if (o.returnNew()) {
            result.set("new", document(c, version));
        }
        return result;
    }

    ObjectNode replace(WriteSet writes, Collection c, String key, JsonNode input, String ifMatch, DocumentOptions o) {
        ObjectNode body = requireObject(input);
        DocumentVersion existing = existing(writes, c, key, ifMatch, body, o);
        checkEdge(c, body);
        return stage(writes, c, existing, server.versions().newVersion(c, key, body), o);
    }

    ObjectNode update(WriteSet writes, Collection c, String key, JsonNode input, String ifMatch, DocumentOptions o) {
        ObjectNode patch = requireObject(input);
        DocumentVersion existing = existing(writes, c, key, ifMatch, patch, o);
        ObjectNode merged = (ObjectNode) document(c, existing);
        merge(merged, patch, o.mergeObjects(), o.keepNull());
        checkEdge(c, merged);
        return stage(writes, c, existing, server.versions().newVersion(c, key, merged), o);
    }

    ObjectNode remove(WriteSet writes, Collection c, String key, String ifMatch, JsonNode input, DocumentOptions o) {
        DocumentVersion existing = existing(writes, c, key, ifMatch, input, o);
        writes.remove(c, existing);
        ObjectNode result = meta(c, existing, null);
        if (o.returnOld()) {
            result.set("old", document(c, existing));
        }
        return result;
    }

    private ObjectNode stage(WriteSet writes, Collection c, DocumentVersion existing, DocumentVersion version, DocumentOptions o) {
        writes.put(c, version, existing);
        ObjectNode result = meta(c, version, existing);
        if (o.returnOld()) {
            result.set("old", document(c, existing));
        }
        if (o.returnNew()) {
            result.set("new", document(c, version));
        }
        return result;
    }

    /** The current version of {@code key}, after checking If-Match or (ignoreRevs=false) the body's {@code _rev}. */
    private static DocumentVersion existing(WriteSet writes, Collection c, String key, String ifMatch, JsonNode body, DocumentOptions o) {
        if (key == null || key.isEmpty()) {
            throw new ArangoException(400, 1226, "missing document key");
        }
        DocumentVersion existing = writes.lookup(c, key);
        if (existing == null) {
            throw ArangoException.documentNotFound();
        }
        String expected = ifMatch;
        if (expected == null && !o.ignoreRevs() && body != null && body.path("_rev").isTextual()) {
            expected = body.path("_rev").asText();
        }
        if (expected != null && !expected.equals(existing.revText())) {
            throw conflict(c, existing);
        }
        return existing;
    }

    static ArangoException conflict(Collection c, DocumentVersion existing) {
        ObjectNode extra = Json.object();
        extra.put("_id", c.name() + "/" + existing.key());
        extra.put("_key", existing.key());
        extra.put("_rev", existing.revText());
        return new ArangoException(412, 1200, "conflict, _rev values do not match", extra, "etag", "\"" + existing.revText() + "\"");
    }

    static ObjectNode meta(Collection c, DocumentVersion version, DocumentVersion old) {
        ObjectNode node = Json.object();
        node.put("_id", c.name() + "/" + version.key());
        node.put("_key", version.key());
        node.put("_rev", version.revText());
        if (old != null) {
            node.put("_oldRev", old.revText());
        }
        return node;
    }

    static JsonNode document(Collection c, DocumentVersion version) {
        return Json.parse(version.render(c.name()));
    }

    private static ObjectNode requireObject(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new ArangoException(400, 1227, "invalid document type");
        }
        return (ObjectNode) input;
    }

    private static void checkEdge(Collection c, JsonNode body) {
        if (c.isEdge() && !(validHandle(body.get("_from")) && validHandle(body.get("_to")))) {
            throw new ArangoException(400, 1233, "edge attribute missing or invalid");
        }
    }

    private static boolean validHandle(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return false;
        }
        String text = node.asText();
        int slash = text.indexOf('/');
        return slash > 0 && slash < text.length() - 1;
    }

    /** PATCH semantics: objects merge recursively if mergeObjects; nulls remove attributes unless keepNull. */
    private static void merge(ObjectNode target, ObjectNode patch, boolean mergeObjects, boolean keepNull) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equals("_key") || name.equals("_id") || name.equals("_rev")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull() && !keepNull) {
                target.remove(name);
            } else if (value.isObject() && mergeObjects && target.path(name).isObject()) {
                merge((ObjectNode) target.get(name), (ObjectNode) value, true, keepNull);
            } else if (value.isObject() && !keepNull) {
                ObjectNode copy = Json.object();
                merge(copy, (ObjectNode) value, mergeObjects, false);
                target.set(name, copy);
            } else {
                target.set(name, value);
            }
        }
    }
}
