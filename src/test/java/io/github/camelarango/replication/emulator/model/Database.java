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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A database: id, name and its collections (looked up by name or by id). */
public final class Database {

    private final long id;
    private final String name;
    private final Map<String, Collection> byName = new ConcurrentHashMap<>();
    private final Map<Long, Collection> byId = new ConcurrentHashMap<>();
    private volatile boolean dropped;

    Database(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public long id() {
        return id;
    }

    public String idText() {
        return Long.toUnsignedString(id);
    }

    public String name() {
        return name;
    }

    public boolean isSystem() {
        return name.equals("_system");
    }

    public boolean isDropped() {
        return dropped;
    }

    void markDropped() {
        dropped = true;
    }

    /** Collection by name, or by numeric id given as text; null if absent. */
    public Collection collection(String nameOrId) {
        if (nameOrId == null) {
            return null;
        }
        Collection c = byName.get(nameOrId);
        if (c == null && !nameOrId.isEmpty() && nameOrId.chars().allMatch(Character::isDigit) && nameOrId.length() < 20) {
            c = byId.get(Long.parseUnsignedLong(nameOrId));
        }
        return c;
    }

    /** Collection by globallyUniqueId, or null. */
    public Collection collectionByGloballyUniqueId(String cuid) {
        if (cuid == null) {
            return null;
        }
        for (Collection c : byId.values()) {
            if (c.globallyUniqueId().equals(cuid)) {
                return c;
            }
        }
        return null;
    }

    /** Live collections ordered by id (creation order). */
    public List<Collection> collections() {
        List<Collection> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparingLong(Collection::id));
        return list;
    }

    void add(Collection c) {
        byName.put(c.name(), c);
        byId.put(c.id(), c);
    }

    void remove(Collection c) {
        byName.remove(c.name());
        byId.remove(c.id());
    }

    void rename(Collection c, String newName) {
        byName.remove(c.name());
        c.name(newName);
        byName.put(newName, c);
    }

    /** An empty copy with the same id, name and dropped flag (server images: collections are copied one by one). */
    Database copy() {
        Database db = new Database(id, name);
        db.dropped = dropped;
        return db;
    }

    /** {@code {id,name,isSystem,path}} as database/current and inventory {@code properties} show it. */
    public ObjectNode info() {
        ObjectNode node = Json.object();
        node.put("id", idText());
        node.put("name", name);
        node.put("isSystem", isSystem());
        node.put("path", "none");
        return node;
    }
}
