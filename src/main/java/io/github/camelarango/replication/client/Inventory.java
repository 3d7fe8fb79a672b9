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
