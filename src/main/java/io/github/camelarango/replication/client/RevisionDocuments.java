package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code PUT /_api/replication/revisions/documents}: documents in request order, {@code {}} for a missing
 * revision; fewer than requested when truncated (request the rest again).
 *
 * @param documents the documents as sent
 */
public record RevisionDocuments(List<JsonNode> documents) {

    /** Copies the list. */
    public RevisionDocuments {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
