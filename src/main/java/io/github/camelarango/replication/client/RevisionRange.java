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

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An inclusive range of document revisions ({@code _rev} encoded), sent as the two-element array
 * {@code ["<min>","<max>"]}.
 *
 * @param min lowest revision
 * @param max highest revision
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({ "min", "max" })
public record RevisionRange(String min, String max) {

    /** Validates: both bounds required. */
    public RevisionRange {
        Require.notBlank("min", min);
        Require.notBlank("max", max);
    }
}
