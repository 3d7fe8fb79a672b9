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
