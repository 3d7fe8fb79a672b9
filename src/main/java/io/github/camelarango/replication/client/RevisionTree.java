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
 * Answer of {@code GET /_api/replication/revisions/tree}. Fields vary between versions; all are kept in raw.
 *
 * @param version         tree format version
 * @param branchingFactor branching factor (8), when sent
 * @param maxDepth        tree depth
 * @param rangeMin        lowest revision covered
 * @param rangeMax        highest revision covered
 * @param initialRangeMin initial lowest revision, when sent
 * @param count           documents in the tree
 * @param hash            root hash as sent
 * @param nodes           nodes in level order (or populated leaves only)
 * @param raw             the complete answer
 */
public record RevisionTree(Integer version, Integer branchingFactor, Integer maxDepth, String rangeMin, String rangeMax,
        String initialRangeMin, Long count, JsonNode hash, List<RevisionTreeNode> nodes,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {

    /** Normalizes absent nodes to an empty list. */
    public RevisionTree {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
