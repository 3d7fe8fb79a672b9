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
package io.github.camelarango.replication.offsets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.camelarango.replication.client.Json;

/**
 * The content of an offset file: a JSON object of text values, {@code {"<key>": "<value>", …}}, so that any key
 * round-trips (a line break, {@code =}, any Unicode). The legacy format of earlier versions and of Camel's
 * {@code FileStateRepository}, one {@code key=value} line per key, is still read; the next write converts it.
 * Anything else is refused, never read as an empty store: a start from nothing would re-snapshot every stream, or
 * with snapshotMode NEVER skip every change since its position.
 */
final class OffsetFileFormat {

    private static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter();
    /** Refuses anything after the object: what follows it (a second object, appended lines) would be dropped. */
    private static final ObjectReader READER = Json.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private OffsetFileFormat() {
    }

    /** The file's content: a JSON object, one key a line, keys sorted. */
    static byte[] render(Map<String, String> states) throws IOException {
        byte[] json = WRITER.writeValueAsBytes(new TreeMap<>(states));
        byte[] content = new byte[json.length + 1];
        System.arraycopy(json, 0, content, 0, json.length);
        content[json.length] = '\n';
        return content;
    }

    /**
     * Reads a file's content, in either format.
     *
     * @throws IllegalStateException naming the file, what is wrong with it and the way out
     */
    static Map<String, String> parse(byte[] content, Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable(file, "it is not UTF-8 text");
        }
        if (text.isBlank()) {
            throw unreadable(file, "it is empty (a crash of an earlier version before the file reached the disk?)");
        }
        return text.stripLeading().startsWith("{") ? parseJson(text, file) : parseLines(text, file);
    }

    private static Map<String, String> parseJson(String text, Path file) {
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(file, "it is not a complete JSON object (" + e.getOriginalMessage() + ")");
        }
        if (!root.isObject()) {
            throw unreadable(file, "it is not a JSON object");
        }
        Map<String, String> states = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw unreadable(file, "the value of '" + field.getKey() + "' is not a JSON string");
            }
            states.put(field.getKey(), field.getValue().textValue());
        }
        return states;
    }

    private static Map<String, String> parseLines(String text, Path file) {
        Map<String, String> states = new TreeMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int separator = lines[i].indexOf('=');
            if (separator <= 0) {
                throw unreadable(file, "line " + (i + 1) + " is neither part of a JSON object nor a key=value line");
            }
            states.put(lines[i].substring(0, separator), lines[i].substring(separator + 1));
        }
        return states;
    }

    private static IllegalStateException unreadable(Path file, String reason) {
        return new IllegalStateException("The offset file " + file + " cannot be read: " + reason + ". It holds the "
                + "positions of the changes consumers using it, and none of them runs until it is repaired: restore "
                + "it from a backup, or delete it to start afresh (each stream then starts as its snapshotMode says; "
                + "by default with a new snapshot). " + file.getFileName() + ".next beside it, if present, holds a "
                + "write that did not finish: usable if it is a complete JSON object.");
    }
}
