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
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.DocumentVersion;
import io.github.camelarango.replication.emulator.model.Server;
import io.github.camelarango.replication.emulator.model.WriteSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applies what the applier read from its leader to the local database: dumped documents and WAL markers
 * (§5.3). Transactions (2200…2201) are buffered by tid and applied at commit. Local copies keep the leader's
 * globallyUniqueId (cuid), which is how markers (removes carry no name) find them, also after a restart of the
 * applier. System collections are not replicated (counted as excluded).
 */
final class LocalApplier {

    /** Counters of one apply round. */
    static final class Counts {
        long documents;
        long removals;
        long events;
        long excluded;
    }

    private final Server server;
    private final Database database;
    private final boolean skipCreateDrop;
    private final Predicate<String> collectionFilter;
    private final Map<String, List<JsonNode>> openTransactions = new HashMap<>();

    LocalApplier(Server server, Database database, boolean skipCreateDrop, Predicate<String> collectionFilter) {
        this.server = server;
        this.database = database;
        this.skipCreateDrop = skipCreateDrop;
        this.collectionFilter = collectionFilter;
    }

    boolean accepts(String collectionName) {
        return collectionName != null && !collectionName.startsWith("_") && collectionFilter.test(collectionName);
    }

    /** Initial sync: (re)creates a collection from its inventory parameters and indexes, dropping local data. */
    Collection recreate(JsonNode parameters, JsonNode indexes) {
        String name = parameters.path("name").asText();
        Collection existing = database.collection(name);
        if (existing != null) {
            server.dropCollection(existing);
        }
        Collection created = server.createCollection(database, creationOptions(parameters));
        for (JsonNode index : indexes) {
            ObjectNode definition = ((ObjectNode) index).deepCopy();
            definition.remove("id");
            server.createIndex(created, definition);
        }
        return created;
    }

    /** Initial sync: stores a chunk of dumped documents as one local transaction. */
    void storeDocuments(Collection c, List<ObjectNode> documents) {
        WriteSet writes = new WriteSet();
        server.writeLock().lock();
        try {
            for (ObjectNode doc : documents) {
                DocumentVersion previous = writes.lookup(c, doc.path("_key").asText());
                writes.put(c, server.versions().replicatedVersion(c, doc), previous);
            }
            server.commit(database, writes, true);
        } finally {
            server.writeLock().unlock();
        }
    }

    /** Applies one tailed marker. */
    void apply(JsonNode marker, Counts counts) {
        counts.events++;
        int type = marker.path("type").asInt();
        String tid = marker.path("tid").asText("0");
        if (type == 2200) {
            openTransactions.put(tid, new ArrayList<>());
            return;
        }
        if (type == 2201) {
            List<JsonNode> ops = openTransactions.remove(tid);
            if (ops != null) {
                applyDocuments(ops, counts);
            }
            return;
        }
        if ((type == 2300 || type == 2302) && !"0".equals(tid) && openTransactions.containsKey(tid)) {
            openTransactions.get(tid).add(marker);
            return;
        }
        if (type == 2300 || type == 2302) {
            applyDocuments(List.of(marker), counts);
            return;
        }
        applyStructural(type, marker, counts);
    }

    private void applyStructural(int type, JsonNode marker, Counts counts) {
        String cuid = marker.path("cuid").asText(null);
        JsonNode data = marker.path("data");
        switch (type) {
            case 2000:
                if (!accepts(data.path("name").asText(null)) || skipCreateDrop) {
                    counts.excluded++;
                    return;
                }
                if (database.collection(data.path("name").asText()) == null) {
                    server.createCollection(database, creationOptions(data));
                }
                return;
            case 2001:
                Collection dropped = local(cuid);
                if (dropped != null && !skipCreateDrop) {
                    server.dropCollection(dropped);
                } else {
                    counts.excluded++;
                }
                return;
            case 2002:
                Collection renamed = local(cuid);
                if (renamed != null) {
                    server.renameCollection(renamed, data.path("name").asText());
                }
                return;
            case 2003:
                Collection changed = local(cuid);
                if (changed != null) {
                    server.changeCollection(changed, data);
                }
                return;
            case 2004:
                Collection truncated = local(cuid);
                if (truncated != null) {
                    server.truncate(truncated);
                }
                return;
            case 2100:
                Collection indexed = local(cuid);
                if (indexed != null) {
                    ObjectNode definition = ((ObjectNode) data).deepCopy();
                    definition.remove("id");
                    server.createIndex(indexed, definition);
                }
                return;
            default:
                counts.excluded++;
        }
    }

    private void applyDocuments(List<JsonNode> markers, Counts counts) {
        WriteSet writes = new WriteSet();
        server.writeLock().lock();
        try {
            for (JsonNode marker : markers) {
                Collection c = local(marker.path("cuid").asText(null));
                if (c == null) {
                    c = byDocumentId(marker.path("data").path("_id").asText(null));
                }
                if (c == null || !accepts(c.name())) {
                    counts.excluded++;
                    continue;
                }
                ObjectNode data = (ObjectNode) marker.path("data");
                String key = data.path("_key").asText();
                DocumentVersion previous = writes.lookup(c, key);
                if (marker.path("type").asInt() == 2302) {
                    if (previous != null) {
                        writes.remove(c, previous);
                        counts.removals++;
                    }
                } else {
                    writes.put(c, server.versions().replicatedVersion(c, data), previous);
                    counts.documents++;
                }
            }
            server.commit(database, writes, markers.size() > 1);
        } finally {
            server.writeLock().unlock();
        }
    }

    private Collection local(String cuid) {
        return database.collectionByGloballyUniqueId(cuid);
    }

    private Collection byDocumentId(String id) {
        int slash = id == null ? -1 : id.indexOf('/');
        return slash < 0 ? null : database.collection(id.substring(0, slash));
    }

    private static ObjectNode creationOptions(JsonNode parameters) {
        ObjectNode options = Json.object();
        for (String field : new String[] {"name", "type", "waitForSync", "keyOptions", "schema", "computedValues", "cacheEnabled",
                "isSystem", "globallyUniqueId"}) {
            if (parameters.has(field)) {
                options.set(field, parameters.get(field));
            }
        }
        return options;
    }
}
