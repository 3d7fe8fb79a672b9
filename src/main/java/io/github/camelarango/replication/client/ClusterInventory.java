package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/replication/clusterInventory} (coordinator only). {@code state} is the string
 * {@code "unused"} on real servers, hence kept as JSON.
 *
 * @param properties  database properties as sent
 * @param collections collections with plan data
 * @param views       views as sent
 * @param tick        server tick
 * @param state       as sent (usually {@code "unused"})
 * @param raw         the complete answer
 */
public record ClusterInventory(JsonNode properties, List<InventoryCollection> collections, List<JsonNode> views,
        @UnsignedTick Long tick, JsonNode state,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {

    /** Normalizes absent lists to empty ones. */
    public ClusterInventory {
        collections = collections == null ? List.of() : List.copyOf(collections);
        views = views == null ? List.of() : List.copyOf(views);
    }
}
