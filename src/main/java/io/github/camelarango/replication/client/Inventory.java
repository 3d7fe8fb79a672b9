package io.github.camelarango.replication.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/replication/inventory}. The snapshot tick is {@code state.lastLogTick}, not
 * {@link #tick()}.
 *
 * @param collections current collections of the database (empty for a global inventory)
 * @param views       views as sent
 * @param properties  database properties as sent (null for a global inventory)
 * @param databases   per database, only for a global inventory (else empty)
 * @param state       state; lastLogTick is the batch snapshot tick
 * @param tick        the server tick at request time (not the tick to tail from)
 * @param raw         the complete answer
 */
public record Inventory(List<InventoryCollection> collections, List<JsonNode> views, JsonNode properties,
        Map<String, InventoryDatabase> databases, ReplicationState state, @UnsignedTick Long tick,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {

    /** Normalizes absent lists/maps to empty ones. */
    public Inventory {
        collections = collections == null ? List.of() : List.copyOf(collections);
        views = views == null ? List.of() : List.copyOf(views);
        databases = databases == null ? Map.of() : Map.copyOf(databases);
    }

    /** The snapshot tick ({@code state.lastLogTick}), null when the state is absent. */
    public Long snapshotTick() {
        return state == null ? null : state.lastLogTick();
    }
}
