package io.github.camelarango.replication.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node of a revision tree.
 *
 * @param count documents below the node
 * @param hash  hash as sent (number or string)
 */
public record RevisionTreeNode(Long count, JsonNode hash) {
}
