package io.github.camelarango.replication.client;

import java.io.IOException;
import java.math.BigDecimal;
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
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.set(name, tree(p));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(p));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                Number decimal = decimal(p);
                return decimal instanceof BigDecimal exact ? NODES.numberNode(exact)
                        : NODES.numberNode(decimal.doubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("not at the start of a JSON value: " + token);
        }
    }

    /**
     * The Java value at the parser's current token: a {@code LinkedHashMap} for an object (in document order), an
     * {@code ArrayList} for an array, String, Boolean, null, and numbers as the class describes.
     */
    static Object value(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return decimal(p);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("not at the start of a JSON value: " + token);
        }
    }

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
