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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.Json;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A document (type 2) or edge (type 3) collection: identity, properties, key generator, secondary index
 * definitions and its {@link DocumentStore}. The JSON views follow the shapes of docs/protocol.md §3.9 and §11.
 */
public final class Collection {

    public static final int DOCUMENT = 2;
    public static final int EDGE = 3;

    private final long id;
    private final Database database;
    private final int type;
    private final String globallyUniqueId;
    private final boolean system;
    private final DocumentStore store;
    private final List<ObjectNode> indexes = new CopyOnWriteArrayList<>();
    private volatile String name;
    private volatile boolean dropped;
    private volatile boolean waitForSync;
    private volatile boolean cacheEnabled;
    private volatile JsonNode schema = NullNode.getInstance();
    private volatile JsonNode computedValues = NullNode.getInstance();
    private final KeyGenerator keys;

    Collection(long id, Database database, String name, int type, String globallyUniqueId, boolean system, KeyGenerator keys) {
        this(id, database, name, type, globallyUniqueId, system, keys, new DocumentStore());
    }

    private Collection(long id, Database database, String name, int type, String globallyUniqueId, boolean system,
                       KeyGenerator keys, DocumentStore store) {
        this.store = store;
        this.id = id;
        this.database = database;
        this.name = name;
        this.type = type;
        this.globallyUniqueId = globallyUniqueId;
        this.system = system;
        this.keys = keys;
    }

    public long id() {
        return id;
    }

    public String idText() {
        return Long.toUnsignedString(id);
    }

    public Database database() {
        return database;
    }

    public String name() {
        return name;
    }

    void name(String newName) {
        this.name = newName;
    }

    public int type() {
        return type;
    }

    public boolean isEdge() {
        return type == EDGE;
    }

    public String globallyUniqueId() {
        return globallyUniqueId;
    }

    public boolean isSystem() {
        return system;
    }

    public boolean isDropped() {
        return dropped;
    }

    void markDropped() {
        this.dropped = true;
    }

    public boolean waitForSync() {
        return waitForSync;
    }

    public DocumentStore store() {
        return store;
    }

    public KeyGenerator keys() {
        return keys;
    }

    public List<ObjectNode> indexes() {
        return indexes;
    }

    /**
     * A copy for a server image ({@link ServerImage}): the same identity, name, dropped flag, properties, indexes and
     * key generator state, with the current documents only (no older versions: no snapshot outlives an image).
     *
     * @param owner the database copy it belongs to
     * @param ids   the id counter of the server that will own the copy (traditional keys)
     */
    Collection copy(Database owner, LongSupplier ids) {
        Collection c = new Collection(id, owner, name, type, globallyUniqueId, system, keys.copy(ids), store.copy());
        c.dropped = dropped;
        c.waitForSync = waitForSync;
        c.cacheEnabled = cacheEnabled;
        c.schema = schema;
        c.computedValues = computedValues;
        indexes.forEach(index -> c.indexes.add(index.deepCopy()));
        return c;
    }

    /** Applies the changeable properties of a PUT /properties body (or creation options). */
    void applyProperties(JsonNode props) {
        if (props.has("waitForSync")) {
            waitForSync = props.get("waitForSync").asBoolean();
        }
        if (props.has("cacheEnabled")) {
            cacheEnabled = props.get("cacheEnabled").asBoolean();
        }
        if (props.has("schema")) {
            schema = props.get("schema").isObject() && props.get("schema").size() > 0 ? props.get("schema") : NullNode.getInstance();
        }
        if (props.has("computedValues")) {
            JsonNode cv = props.get("computedValues");
            computedValues = cv.isArray() && cv.size() > 0 ? cv : NullNode.getInstance();
        }
    }

    /** Entry of {@code GET /_api/collection}. */
    public ObjectNode listEntry() {
        ObjectNode node = Json.object();
        node.put("id", idText());
        node.put("name", name);
        node.put("status", 3);
        node.put("type", type);
        node.put("isSystem", system);
        node.put("globallyUniqueId", globallyUniqueId);
        return node;
    }

    /** Properties as the collection API returns them ([REAL 3.11.4] create response, §11.2). */
    public ObjectNode properties() {
        ObjectNode node = Json.object();
        node.put("writeConcern", 1);
        node.put("waitForSync", waitForSync);
        node.put("usesRevisionsAsDocumentIds", true);
        node.put("syncByRevision", true);
        node.put("statusString", "loaded");
        node.put("id", idText());
        node.put("isSmartChild", false);
        node.set("schema", schema);
        node.put("name", name);
        node.put("type", type);
        node.put("status", 3);
        node.put("cacheEnabled", cacheEnabled);
        node.put("isSystem", system);
        node.put("internalValidatorType", 0);
        node.put("globallyUniqueId", globallyUniqueId);
        node.set("keyOptions", keys.toJson());
        node.set("computedValues", computedValues);
        node.put("objectId", Long.toUnsignedString(id - 1));
        return node;
    }

    /** {@code parameters} of an inventory entry (§3.9): no objectId, path, statusString, indexes. */
    public ObjectNode inventoryParameters() {
        ObjectNode node = Json.object();
        node.put("allowUserKeys", keys.allowUserKeys());
        node.put("cacheEnabled", cacheEnabled);
        node.put("cid", idText());
        node.set("computedValues", computedValues);
        node.put("deleted", dropped);
        node.put("globallyUniqueId", globallyUniqueId);
        node.put("id", idText());
        node.put("internalValidatorType", 0);
        node.put("isSmartChild", false);
        node.put("isSystem", system);
        node.set("keyOptions", keys.toJson());
        node.put("name", name);
        node.set("schema", schema);
        node.put("status", 3);
        node.put("syncByRevision", true);
        node.put("type", type);
        node.put("usesRevisionsAsDocumentIds", true);
        node.put("version", 8);
        node.put("waitForSync", waitForSync);
        node.put("writeConcern", 1);
        return node;
    }

    /** The definition logged in 2000/2003 markers (§5.3): the inventory parameters plus {@code indexes: []}. */
    public ObjectNode walDefinition() {
        ObjectNode node = inventoryParameters();
        node.set("indexes", Json.array());
        return node;
    }

    /** Secondary indexes as inventory lists them (no primary/edge). */
    public ArrayNode inventoryIndexes() {
        ArrayNode array = Json.array();
        indexes.forEach(array::add);
        return array;
    }
}
