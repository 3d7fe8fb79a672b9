package io.github.camelarango.replication.cdc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelarango.replication.client.RawJson;

/**
 * Resolves the {@code cuid} (globally unique id) of WAL markers to collection and view names.
 * <p>
 * Seeded from the inventory and kept current from the markers themselves: a create (2000, 2110) or rename (2002)
 * maps the cuid to {@code data.name}, a view change (2112) too. Drops keep the mapping so that a drop marker and
 * late markers still resolve. Not thread-safe; owned by one stream.
 */
final class CollectionCatalog {

    private final Map<String, String> namesByCuid = new HashMap<>();

    void seed(List<ReplicationSource.CollectionInfo> inventory) {
        for (ReplicationSource.CollectionInfo c : inventory) {
            if (c.cuid() != null) {
                namesByCuid.put(c.cuid(), c.name());
            }
        }
    }

    /** Learns from a marker (creates and renames), before its event is built; reads only their data. */
    void learn(int markerType, String cuid, RawJson data) {
        if (cuid == null) {
            return;
        }
        boolean namesIt = markerType == ChangeType.COLLECTION_CREATE.markerType()
                || markerType == ChangeType.COLLECTION_RENAME.markerType()
                || markerType == ChangeType.VIEW_CREATE.markerType()
                || markerType == ChangeType.VIEW_CHANGE.markerType();
        String name = namesIt ? data.tree().path("name").asText("") : "";
        if (!name.isEmpty()) {
            namesByCuid.put(cuid, name);
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
}
