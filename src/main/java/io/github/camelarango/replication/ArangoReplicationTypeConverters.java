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
package io.github.camelarango.replication;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.client.WalMarker;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * The component's type converters:
 * <ul>
 * <li>between the bodies of the changes and dump consumers ({@code bodyType}): JSON text ({@code String},
 * {@code byte[]}) to {@code Map} and {@code JsonNode}, and between {@code Map} and {@code JsonNode}. Numbers keep
 * the digits they were written with (BigInteger and BigDecimal where a long or double would round). Text that is
 * not a JSON object converts to no {@code Map} (null), text that is not JSON to no {@code JsonNode};</li>
 * <li>from the client's and the engine's {@link RawJson} (JSON text as the server wrote it) to all of them and to
 * an {@code InputStream};</li>
 * <li>from the result records of the replication client (package {@code …replication.client}) and its
 * {@link WalMarker} to JSON text, a {@code Map} and an {@code InputStream} of JSON: a record that kept the server's
 * JSON answer (a {@code raw} component) and a marker convert to exactly that answer; other records are written by
 * Jackson with their wire names.</li>
 * </ul>
 */
@Converter(generateLoader = true)
public final class ArangoReplicationTypeConverters {

    private static final String CLIENT_PACKAGE = "io.github.camelarango.replication.client";

    private ArangoReplicationTypeConverters() {
    }

    /** The JSON text. */
    @Converter
    public static String toString(RawJson json) {
        return json.toString();
    }

    /** The UTF-8 bytes of the JSON text. */
    @Converter
    public static byte[] toBytes(RawJson json) {
        return json.toByteArray();
    }

    /** The UTF-8 bytes of the JSON text as a stream. */
    @Converter
    public static InputStream toInputStream(RawJson json) {
        return json.toInputStream();
    }

    /** A new tree of the JSON value. */
    @Converter
    public static JsonNode toJsonNode(RawJson json) {
        return json.readTree();
    }

    /** A new Map of a JSON object; null for other JSON values. */
    @Converter(allowNull = true)
    public static Map<?, ?> toMap(RawJson json) {
        return json.readValue() instanceof Map<?, ?> map ? map : null;
    }

    /** The Map of JSON text holding an object; null for any other text. */
    @Converter(allowNull = true)
    public static Map<?, ?> toMap(String text) {
        return startsAnObject(text) ? objectOf(text.getBytes(StandardCharsets.UTF_8)) : null;
    }

    /** The Map of UTF-8 JSON text holding an object; null for any other bytes. */
    @Converter(allowNull = true)
    public static Map<?, ?> toMap(byte[] utf8) {
        return startsAnObject(utf8) ? objectOf(utf8) : null;
    }

    /** The tree of JSON text; null when it is not JSON. */
    @Converter(allowNull = true)
    public static JsonNode toJsonNode(String text) {
        return toJsonNode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The tree of UTF-8 JSON text; null when it is not JSON. */
    @Converter(allowNull = true)
    public static JsonNode toJsonNode(byte[] utf8) {
        try {
            return RawJson.of(utf8).readTree();
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    /** The Map of a tree holding an object (numbers as they are in the tree); null for other trees. */
    @Converter(allowNull = true)
    public static Map<?, ?> toMap(JsonNode tree) {
        return tree.isObject() ? Json.mapper().convertValue(tree, Map.class) : null;
    }

    /** The tree of a Map. */
    @Converter
    public static JsonNode toJsonNode(Map<?, ?> map) {
        return Json.mapper().valueToTree(map);
    }

    /**
     * Camel fallback converter: handles only the client's records and markers and only the targets String, Map and
     * InputStream; returns null for everything else so other converters get their turn.
     */
    @Converter(fallback = true)
    public static <T> T convertTo(Class<T> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (value == null || (type != String.class && type != Map.class && type != InputStream.class)) {
            return null;
        }
        RawJson json;
        if (value instanceof WalMarker marker) {
            json = marker.rawLine();
        } else if (isClientRecord(value.getClass())) {
            json = RawJson.of(toJson(value));
        } else {
            return null;
        }
        if (type == String.class) {
            return type.cast(json.toString());
        }
        if (type == Map.class) {
            return type.cast(toMap(json));
        }
        return type.cast(json.toInputStream());
    }

    private static boolean startsAnObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static boolean startsAnObject(byte[] utf8) {
        for (byte b : utf8) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    /** The Map of JSON text starting an object; null when it is malformed after all. */
    private static Map<?, ?> objectOf(byte[] utf8) {
        try {
            return toMap(RawJson.of(utf8));
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static boolean isClientRecord(Class<?> type) {
        return type.isRecord() && CLIENT_PACKAGE.equals(type.getPackageName());
    }

    /** The server's own JSON when the record kept it, otherwise the record written by Jackson. */
    private static JsonNode toJson(Object record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if ("raw".equals(component.getName()) && JsonNode.class.isAssignableFrom(component.getType())) {
                JsonNode raw = (JsonNode) invoke(component, record);
                if (raw != null && !raw.isMissingNode() && !raw.isNull()) {
                    return raw;
                }
            }
        }
        try {
            return Json.mapper().readTree(Json.mapper().writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new TypeConversionException(record, JsonNode.class, e);
        }
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new TypeConversionException(record, JsonNode.class, e);
        }
    }
}
