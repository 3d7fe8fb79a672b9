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
package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One collection of an inventory: its properties ({@code parameters}, kept whole) and its indexes (without primary
 * and edge indexes). Cluster inventories add planVersion, isReady and allInSync.
 *
 * @param parameters  the collection properties as sent
 * @param indexes     index definitions as sent
 * @param planVersion cluster plan version, null outside clusterInventory
 * @param isReady     cluster readiness, null outside clusterInventory
 * @param allInSync   cluster sync state, null outside clusterInventory
 */
public record InventoryCollection(JsonNode parameters, List<JsonNode> indexes, Long planVersion,
        @JsonProperty("isReady") Boolean isReady, @JsonProperty("allInSync") Boolean allInSync) {

    /** The collection name ({@code parameters.name}). */
    public String name() {
        return text("name");
    }

    /** The collection id ({@code parameters.id}, or {@code cid}). */
    public String id() {
        String id = text("id");
        return id != null ? id : text("cid");
    }

    /** The globally unique id that WAL markers carry as {@code cuid}. */
    public String globallyUniqueId() {
        return text("globallyUniqueId");
    }

    /** 2 for document, 3 for edge collections, 0 when absent. */
    public int type() {
        return parameters == null ? 0 : parameters.path("type").asInt(0);
    }

    /** Whether the collection is marked deleted (such collections are skipped by dumps). */
    public boolean deleted() {
        return parameters != null && parameters.path("deleted").asBoolean(false);
    }

    /** Whether it is a system collection. */
    public boolean system() {
        return parameters != null && parameters.path("isSystem").asBoolean(false);
    }

    private String text(String field) {
        JsonNode value = parameters == null ? null : parameters.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
