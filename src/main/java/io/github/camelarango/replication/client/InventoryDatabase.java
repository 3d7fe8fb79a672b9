package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One database of a global inventory ({@code global=true}).
 *
 * @param id          database id
 * @param name        database name
 * @param collections its collections
 * @param views       its views as sent
 * @param properties  database properties as sent, may be null
 */
public record InventoryDatabase(String id, String name, List<InventoryCollection> collections, List<JsonNode> views,
        JsonNode properties) {
}
