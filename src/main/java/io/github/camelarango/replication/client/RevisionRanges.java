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
 * Answer of {@code PUT /_api/replication/revisions/ranges}: for each requested range, the revisions present.
 *
 * @param ranges one list of revisions per requested range (empty lists kept)
 * @param resume present when the answer was truncated: send the same request again with this resume value
 * @param raw    the complete answer
 */
public record RevisionRanges(List<List<String>> ranges, String resume,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {

    /** Normalizes absent ranges to an empty list. */
    public RevisionRanges {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    /** Whether the server truncated the answer. */
    public boolean truncated() {
        return resume != null && !resume.isEmpty();
    }
}
