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
package io.github.camelarango.replication.cdc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.github.camelarango.replication.client.RawJson;

/**
 * The collections (and views) of a stream's database by their globally unique id ({@code cuid}): the name of each,
 * and which of them the stream captures.
 * <p>
 * Names come from the inventory and from the markers themselves: a create (2000, 2110) or rename (2002, 2112) maps
 * the cuid to {@code data.name}. Drops keep the name, so that a drop marker and late markers still resolve.
 * <p>
 * Whether a collection is captured is decided by the {@link ChangeFilter}'s name rules when the catalog first meets
 * it (in the inventory, or at its create), and then follows its identity: a captured collection stays captured when
 * it is renamed (the stream decides what the rename means, {@link CollectionRenamePolicy}) until it is dropped, and a
 * collection renamed to a captured name becomes captured. Every position the stream hands out lists the captured
 * collections ({@link #stamp}), and a stream that resumes from a position starts from that list
 * ({@link #restore}), so the identity is followed across restarts and a collection dropped while the stream was
 * stopped still has its name. Not thread-safe; owned by one stream.
 */
final class CollectionCatalog {

    private final ChangeFilter filter;
    private final Map<String, String> namesByCuid = new HashMap<>();
    private final SortedMap<String, String> captured = new TreeMap<>();
    /** An unmodifiable copy of {@link #captured}, shared by the positions stamped until it changes. */
    private Map<String, String> capturedCopy = Map.of();
    /** The last position stamped, with what: the rows of a dump chunk share one position (and its JSON text). */
    private ChangePosition lastUnstamped;
    private Map<String, String> lastCollections;
    private ChangePosition lastStamped;

    CollectionCatalog(ChangeFilter filter) {
        this.filter = filter;
    }

    /**
     * Starts over from the collections a position captured ({@code cuid -> name} as of that position); the names of
     * other collections are kept for resolving.
     */
    void restore(Map<String, String> capturedAtPosition) {
        captured.clear();
        captured.putAll(capturedAtPosition);
        namesByCuid.putAll(capturedAtPosition);
        changed();
    }

    /** Adds the inventory's collections not known yet, captured when the filter's name rules accept them. */
    void seed(List<ReplicationSource.CollectionInfo> inventory) {
        boolean added = false;
        for (ReplicationSource.CollectionInfo c : inventory) {
            if (c.cuid() != null && !namesByCuid.containsKey(c.cuid())) {
                namesByCuid.put(c.cuid(), c.name());
                if (filter.acceptsCollection(c.name())) {
                    captured.put(c.cuid(), c.name());
                    added = true;
                }
            }
        }
        if (added) {
            changed();
        }
    }

    /**
     * Learns from a marker (creates and renames of collections and views), before its event is built; the data of
     * other markers is not read.
     */
    void learn(int markerType, String cuid, RawJson data) {
        if (cuid == null) {
            return;
        }
        boolean created = markerType == ChangeType.COLLECTION_CREATE.markerType()
                || markerType == ChangeType.VIEW_CREATE.markerType();
        boolean renamed = markerType == ChangeType.COLLECTION_RENAME.markerType()
                || markerType == ChangeType.VIEW_CHANGE.markerType();
        if (!(created || renamed)) {
            return;
        }
        String name = data.tree().path("name").asText("");
        if (name.isEmpty()) {
            return;
        }
        namesByCuid.put(cuid, name);
        if (captured.containsKey(cuid) || filter.acceptsCollection(name)) {
            captured.put(cuid, name);
            changed();
        }
    }

    /** The collection or view was dropped: it is no longer captured (its name stays known). */
    void dropped(String cuid) {
        if (cuid != null && captured.remove(cuid) != null) {
            changed();
        }
    }

    /** The name of the collection or view, or null when the cuid was never seen. */
    String resolve(String cuid) {
        if (cuid == null) {
            return null;
        }
        String name = namesByCuid.get(cuid);
        if (name == null && !cuid.contains("/")) {
            return cuid; // system collections use their name as globally unique id (docs/protocol.md §1.8)
        }
        return name;
    }

    /** Whether the stream captures the collection with this cuid. */
    boolean isCaptured(String cuid) {
        return cuid != null && captured.containsKey(cuid);
    }

    /**
     * Whether a change of this type of the collection {@code cuid} (named {@code name}; either may be null) is
     * wanted: by the collection's identity when the catalog knows it, else by the filter's name rules.
     */
    boolean wants(ChangeType type, String cuid, String name) {
        if (!filter.acceptsType(type)) {
            return false;
        }
        if (cuid != null && namesByCuid.containsKey(cuid)) {
            return captured.containsKey(cuid);
        }
        return filter.accepts(type, name);
    }

    /**
     * The one collection to name in the tail's {@code collection=} parameter: the filter's single included collection,
     * and only while the captured collections are none or that one under that name (a followed rename, or a second
     * collection given that name, would be hidden by the server's filter).
     */
    Optional<String> serverSideCollection() {
        Optional<String> only = filter.serverSideCollection();
        if (only.isPresent() && (captured.size() > 1 || captured.size() == 1 && !captured.containsValue(only.get()))) {
            return Optional.empty();
        }
        return only;
    }

    /**
     * The position listing the collections captured now; the same object for the same position while they do not
     * change (the rows of a dump chunk, the events of a WAL transaction share one).
     */
    ChangePosition stamp(ChangePosition position) {
        if (position != lastUnstamped || capturedCopy != lastCollections) {
            lastUnstamped = position;
            lastCollections = capturedCopy;
            lastStamped = position.withCollections(capturedCopy);
        }
        return lastStamped;
    }

    private void changed() {
        capturedCopy = Map.copyOf(captured);
    }
}
