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
package io.github.camelarango.replication.consumer;

import java.util.Locale;
import java.util.function.Function;

import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.client.Require;

/**
 * The Java type of a change's body (the {@code bodyType} option): the JSON text as the server wrote it
 * ({@code String}, {@code bytes}), or parsed ({@code Map}, {@code JsonNode}) with every number as written.
 */
enum BodyType {
    /** The JSON text: what camel-kafka's default StringSerializer, files and queues take as it is. */
    STRING("String", RawJson::toString),
    /** The UTF-8 bytes of the JSON text. */
    BYTES("bytes", RawJson::toByteArray),
    /** A Map (in document order) of Lists, Strings, numbers, Booleans and nulls. */
    MAP("Map", RawJson::readValue),
    /** A Jackson tree of the route's own. */
    JSON_NODE("JsonNode", RawJson::readTree);

    /** The option's values, for messages and the catalog. */
    static final String ALLOWED = "String, bytes, Map or JsonNode";

    private final String optionValue;
    private final Function<RawJson, Object> body;

    BodyType(String optionValue, Function<RawJson, Object> body) {
        this.optionValue = optionValue;
        this.body = body;
    }

    /**
     * The body type an option value names (case-insensitive).
     *
     * @throws IllegalArgumentException naming the option when the value is none of them
     */
    static BodyType of(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (BodyType type : values()) {
            if (type.optionValue.toLowerCase(Locale.ROOT).equals(wanted)) {
                return type;
            }
        }
        throw Require.invalid("bodyType", value, ALLOWED);
    }

    /** The body of this type for the JSON text. */
    Object body(RawJson json) {
        return body.apply(json);
    }
}
