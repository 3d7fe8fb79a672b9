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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

/**
 * One line of a wal/tail answer (docs/protocol.md §5.2). The line is read with a streaming parser: the top-level
 * attributes become fields, the {@code data} object is kept as its bytes ({@link #rawData()}, with its {@code _key}
 * and {@code _rev}), and a tree of it or of the whole line is built only when {@link #data()} or {@link #raw()} is
 * called. Immutable; Jackson and the component's type converters write it as the line the server sent.
 */
public final class WalMarker implements JsonSerializable {

    /** Slots of {@link JsonLines#repeatedText}. */
    private static final int DB = 0;
    private static final int CUID = 1;
    private static final int TID = 2;
    /** Ticks of at most this many digits are read without making a String of them. */
    private static final int PLAIN_TICK_DIGITS = 18;

    private final long tick;
    private final int type;
    private final String db;
    private final String cuid;
    private final String tid;
    private final RawDocument data;
    private final RawJson line;

    private WalMarker(long tick, int type, String db, String cuid, String tid, RawDocument data, RawJson line) {
        this.tick = tick;
        this.type = type;
        this.db = db;
        this.cuid = cuid;
        this.tid = tid;
        this.data = data;
        this.line = line;
    }

    /**
     * Reads a marker from a parsed line.
     *
     * @throws IllegalArgumentException when the line is not an object or its tick is not an unsigned number
     */
    public static WalMarker of(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("WAL marker must be a JSON object, was " + line);
        }
        try {
            return parse(Json.mapper().writeValueAsBytes(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("WAL marker cannot be written as JSON: " + e.getOriginalMessage(), e);
        } catch (BadLine e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Reads a body of one marker line. */
    static WalMarker parse(byte[] line) throws BadLine {
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(line))) {
            if (!lines.next()) {
                throw new BadLine("WAL marker must be a JSON object, the line is empty", null, null);
            }
            WalMarker marker = read(lines);
            if (lines.next()) {
                throw new BadLine("more than one JSON value on the line", null, null);
            }
            return marker;
        } catch (IOException e) {
            throw new BadLine(e.toString(), null, e);
        }
    }

    /** Reads the marker at the current value of a wal/tail body; every token is checked, its attributes extracted. */
    static WalMarker read(JsonLines lines) throws IOException, BadLine {
        JsonParser p = lines.parser();
        long tick = -1;
        String tickText = null;
        int type = -1;
        String db = null;
        String cuid = null;
        String tid = null;
        RawDocument.Part data = null;
        try {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BadLine("WAL marker must be a JSON object, was " + p.currentToken(), null, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (JsonLines.named(name, "tick")) {
                    tick = plainTick(p);
                    tickText = tick < 0 ? RawDocument.scalarText(p) : null;
                } else if (JsonLines.named(name, "type")) {
                    type = typeCode(p, value);
                } else if (JsonLines.named(name, "db")) {
                    db = lines.repeatedText(DB);
                } else if (JsonLines.named(name, "tid")) {
                    tid = lines.repeatedText(TID);
                } else if (JsonLines.named(name, "cuid")) {
                    cuid = lines.repeatedText(CUID);
                } else if (JsonLines.named(name, "data")) {
                    data = value == JsonToken.VALUE_NULL ? null : RawDocument.Part.read(lines);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw BadLine.notJson(e, tick >= 0 ? Long.valueOf(tick) : tickOrNull(tickText));
        }
        if (tick < 0) {
            try {
                tick = Ticks.parse(tickText);
            } catch (IllegalArgumentException e) {
                throw new BadLine(e.getMessage(), null, e);
            }
        }
        byte[] line = lines.valueBytes();
        return new WalMarker(tick, type, db, cuid, tid, data == null ? null : data.in(line, lines.valueStart()),
                new RawJson(line, 0, line.length));
    }

    /**
     * The tick at the current token when it is a decimal of at most 18 digits (what servers send), read without
     * making a String; -1 otherwise, for {@link Ticks#parse} to read or refuse.
     */
    private static long plainTick(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
            return -1;
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (length == 0 || length > PLAIN_TICK_DIGITS) {
            return -1;
        }
        long tick = 0;
        for (int i = offset; i < offset + length; i++) {
            char digit = chars[i];
            if (digit < '0' || digit > '9') {
                return -1;
            }
            tick = tick * 10 + (digit - '0');
        }
        return tick;
    }

    /** A JSON integer's value; -1 ({@link MarkerType#UNKNOWN}) when not an integer (a text "2300" too). */
    private static int typeCode(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        p.skipChildren();
        return MarkerType.UNKNOWN.code();
    }

    private static Long tickOrNull(String text) {
        try {
            return Ticks.parseOrNull(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The marker tick (unsigned). */
    public long tick() {
        return tick;
    }

    /**
     * The numeric marker type, see {@link MarkerType}; -1 when the line has none or one that is not a JSON integer.
     */
    public int type() {
        return type;
    }

    /** The database name. */
    public String db() {
        return db;
    }

    /** The collection/view globallyUniqueId, null for database and transaction markers. */
    public String cuid() {
        return cuid;
    }

    /** The transaction id ({@code "0"} for standalone operations), null when absent. */
    public String tid() {
        return tid;
    }

    /**
     * The payload (document, collection definition…) as a tree, built on the first call; null when absent. Read it,
     * do not change it.
     */
    public JsonNode data() {
        return data == null ? null : data.json().tree();
    }

    /** The payload as the server wrote it, with the {@code _key} and {@code _rev} at its top level; null when absent. */
    public RawDocument rawData() {
        return data;
    }

    /** The whole line as a tree, built on the first call. Read it, do not change it. */
    public JsonNode raw() {
        return line.tree();
    }

    /** The whole line as the server sent it. */
    public RawJson rawLine() {
        return line;
    }

    /** The marker type. */
    public MarkerType markerType() {
        return MarkerType.fromCode(type);
    }

    /** Whether the marker belongs to a multi-document transaction (tid present and not "0"). */
    public boolean inTransaction() {
        return tid != null && !tid.isEmpty() && !"0".equals(tid);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        line.writeTo(generator);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer type)
            throws IOException {
        line.writeTo(generator);
    }

    /** Equal when the lines are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WalMarker that && line.equals(that.line);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line);
    }

    @Override
    public String toString() {
        return "WalMarker[tick=" + Ticks.format(tick) + ", type=" + type + ", db=" + db + ", cuid=" + cuid + ", tid="
               + tid + "]";
    }
}
