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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document (or the data of a WAL marker) as the server wrote it, with its {@code _key} and {@code _rev} read on
 * the way: what a dump line holds, and what a WAL marker carries in {@code data}.
 *
 * @param key  the {@code _key} at the top level of the value, null when absent
 * @param rev  the {@code _rev} at the top level of the value, null when absent
 * @param json the value's JSON text
 */
public record RawDocument(String key, String rev, RawJson json) {

    /** The document of a tree: its {@code _key}, {@code _rev} and JSON text. */
    public static RawDocument of(JsonNode document) {
        return new RawDocument(text(document.get("_key")), text(document.get("_rev")), RawJson.of(document));
    }

    /**
     * Reads one dump line: a bare document, or an envelope {@code {"type":2300,"data":{…}}} (exactly these two
     * fields), which is unwrapped (docs/protocol.md §5.5). Every token is checked; the document is kept as its bytes.
     */
    static RawDocument readDumpLine(JsonLines lines) throws IOException, BadLine {
        JsonParser p = lines.parser();
        try {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BadLine("a dump line must be a JSON object, was " + p.currentToken(), null, null);
            }
            String key = null;
            String rev = null;
            int fields = 0;
            boolean intType = false;
            Part data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                fields++;
                if (JsonLines.named(name, "_key")) {
                    key = scalarText(p);
                } else if (JsonLines.named(name, "_rev")) {
                    rev = scalarText(p);
                } else if (JsonLines.named(name, "type")) {
                    intType = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
                    p.skipChildren();
                } else if (JsonLines.named(name, "data")) {
                    data = value == JsonToken.START_OBJECT ? Part.read(lines) : skip(p);
                } else {
                    p.skipChildren();
                }
            }
            byte[] line = lines.valueBytes();
            boolean envelope = fields == 2 && intType && data != null;
            return envelope ? data.in(line, lines.valueStart()) : new RawDocument(key, rev, new RawJson(line, 0, line.length));
        } catch (JsonProcessingException e) {
            throw BadLine.notJson(e, null);
        }
    }

    /** A value inside the current line: its offsets in the body and its {@code _key} and {@code _rev}. */
    record Part(String key, String rev, long start, long end) {

        /** Reads the value at the parser's current token, noting {@code _key} and {@code _rev} at its top level. */
        static Part read(JsonLines lines) throws IOException {
            JsonParser p = lines.parser();
            long start = lines.tokenOffset();
            String key = null;
            String rev = null;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (JsonLines.named(name, "_key")) {
                        key = scalarText(p);
                    } else if (JsonLines.named(name, "_rev")) {
                        rev = scalarText(p);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
                p.finishToken();
            }
            return new Part(key, rev, start, lines.offset());
        }

        /** The document over the line's bytes, the line starting at {@code lineStart} in the body. */
        RawDocument in(byte[] line, long lineStart) {
            return new RawDocument(key, rev, new RawJson(line, (int) (start - lineStart), (int) (end - start)));
        }
    }

    /** The text of a scalar value at the current token (null for JSON null); structures are skipped, giving null. */
    static String scalarText(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return token == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static Part skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
