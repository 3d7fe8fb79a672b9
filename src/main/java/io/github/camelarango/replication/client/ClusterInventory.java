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
