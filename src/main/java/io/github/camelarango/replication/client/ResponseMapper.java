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

import java.io.IOException;

import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps server answers to result records with the shared mapper ({@link Json#mapper()}), injecting the whole answer as
 * their {@code raw} component so that fields the records do not name are kept.
 */
final class ResponseMapper {

    /** Injection id of the {@code raw} component of result records. */
    static final String RAW = "io.github.camelarango.replication.client.raw";

    private ResponseMapper() {
    }

    /** Maps a parsed answer to a result type, injecting it as {@code raw}. */
    static <T> T map(JsonNode tree, Class<T> type) throws IOException {
        return Json.mapper().readerFor(type).with(new InjectableValues.Std().addValue(RAW, tree)).readValue(tree);
    }
}
