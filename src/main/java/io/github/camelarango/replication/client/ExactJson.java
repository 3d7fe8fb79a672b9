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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds a {@link JsonNode} tree or plain Java values from a parser, keeping every number as the server wrote it:
 * integers become {@code Integer}, {@code Long} or {@code BigInteger} by size (as Jackson does), decimals a
 * {@code Double} when the double holds the written value (it prints back as written, or equals it exactly) and a
 * {@code BigDecimal} otherwise, so that a decimal of 40 digits keeps all of them.
 */
final class ExactJson {

    /** Keeps BigDecimals as they are (no trailing zeros stripped). */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Decimals with at most this many significant digits print back unchanged from a (normal) double. */
    private static final int DOUBLE_DIGITS = 15;

    private ExactJson() {
    }

    /** The tree of the current value of a body. */
    static JsonNode readTree(JsonLines lines) throws IOException, BadLine {
        try {
            return tree(lines.parser());
        } catch (JsonProcessingException e) {
            throw BadLine.notJson(e, null);
        }
    }

    /** The tree of the value at the parser's current token. */
    static JsonNode tree(JsonParser p) throws IOException {
        return (JsonNode) read(p, TREE);
    }

    /**
     * The Java value at the parser's current token: a {@code LinkedHashMap} for an object (in document order), an
     * {@code ArrayList} for an array, String, Boolean, null, and numbers as the class describes.
     */
    static Object value(JsonParser p) throws IOException {
        return read(p, VALUES);
    }

    /** The value at the parser's current token as {@code shape} builds it; the parser ends at its last token. */
    private static Object read(JsonParser p, Shape shape) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT:
                Object object = shape.object();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    shape.put(object, name, read(p, shape));
                }
                return object;
            case START_ARRAY:
                Object array = shape.array();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    shape.add(array, read(p, shape));
                }
                return array;
            case VALUE_STRING:
                return shape.scalar(p.getText());
            case VALUE_NUMBER_INT:
                return shape.scalar(p.getNumberValue());
            case VALUE_NUMBER_FLOAT:
                return shape.scalar(decimal(p));
            case VALUE_TRUE:
                return shape.scalar(Boolean.TRUE);
            case VALUE_FALSE:
                return shape.scalar(Boolean.FALSE);
            case VALUE_NULL:
                return shape.scalar(null);
            default:
                throw new IllegalStateException("not at the start of a JSON value: " + token);
        }
    }

    /** What JSON values become: Jackson nodes, or plain Java values. */
    private interface Shape {
        Object object();

        void put(Object object, String name, Object value);

        Object array();

        void add(Object array, Object value);

        /** A String, Integer, Long, BigInteger, Double, BigDecimal, Boolean or null. */
        Object scalar(Object value);
    }

    private static final Shape TREE = new Shape() {
        @Override
        public Object object() {
            return NODES.objectNode();
        }

        @Override
        public void put(Object object, String name, Object value) {
            ((ObjectNode) object).set(name, (JsonNode) value);
        }

        @Override
        public Object array() {
            return NODES.arrayNode();
        }

        @Override
        public void add(Object array, Object value) {
            ((ArrayNode) array).add((JsonNode) value);
        }

        @Override
        public Object scalar(Object value) {
            if (value instanceof String text) {
                return NODES.textNode(text);
            }
            if (value instanceof Boolean bool) {
                return NODES.booleanNode(bool);
            }
            if (value instanceof Integer integer) {
                return NODES.numberNode(integer);
            }
            if (value instanceof Long integer) {
                return NODES.numberNode(integer);
            }
            if (value instanceof BigInteger integer) {
                return NODES.numberNode(integer);
            }
            if (value instanceof BigDecimal decimal) {
                return NODES.numberNode(decimal);
            }
            return value == null ? NODES.nullNode() : NODES.numberNode(((Number) value).doubleValue());
        }
    };

    private static final Shape VALUES = new Shape() {
        @Override
        public Object object() {
            return new LinkedHashMap<String, Object>();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void put(Object object, String name, Object value) {
            ((Map<String, Object>) object).put(name, value);
        }

        @Override
        public Object array() {
            return new ArrayList<>();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(Object array, Object value) {
            ((List<Object>) array).add(value);
        }

        @Override
        public Object scalar(Object value) {
            return value;
        }
    };

    /** A decimal as a Double when that keeps the written value, else as a BigDecimal. */
    static Number decimal(JsonParser p) throws IOException {
        String text = p.getText();
        double value = Double.parseDouble(text);
        if (Double.isFinite(value) && Math.abs(value) >= Double.MIN_NORMAL
                && significantDigits(text) <= DOUBLE_DIGITS) {
            return value;
        }
        BigDecimal written = new BigDecimal(text);
        boolean kept = Double.isFinite(value) && (new BigDecimal(Double.toString(value)).compareTo(written) == 0
                || new BigDecimal(value).compareTo(written) == 0);
        return kept ? (Number) value : written;
    }

    /** Digits of the mantissa, leading zeros not counted (trailing ones are: an upper bound is enough here). */
    private static int significantDigits(String text) {
        int digits = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0' || !leading) {
                    leading = false;
                    digits++;
                }
            }
        }
        return digits;
    }
}
