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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

/**
 * One JSON value exactly as the server wrote it: its UTF-8 bytes, never parsed into a tree unless asked. Text,
 * bytes and streams of it cost a copy, no parse; {@link #tree()}, {@link #readTree()} and {@link #readValue()}
 * parse it keeping every number as written (integers as {@code Integer}/{@code Long}/{@code BigInteger} by size,
 * decimals as {@code Double} where a double holds the written value, else as {@code BigDecimal}). Jackson writes it
 * as it is ({@link #writeTo}), without re-serialising. Immutable and thread-safe.
 */
public final class RawJson implements JsonSerializable {

    /** The empty object {@code {}}. */
    public static final RawJson EMPTY_OBJECT = new RawJson("{}".getBytes(StandardCharsets.US_ASCII), 0, 2);

    private final byte[] bytes;
    private final int offset;
    private final int length;
    /** The tree of {@link #tree()}, built on the first call. */
    private volatile JsonNode tree;

    /** Wraps a part of an array the caller never changes (no copy). */
    RawJson(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /**
     * The JSON text of one value given as UTF-8 bytes (copied). The bytes are not checked: a value that is not JSON
     * fails when it is parsed.
     */
    public static RawJson of(byte[] utf8) {
        return new RawJson(utf8.clone(), 0, utf8.length);
    }

    /** The JSON text of a tree. */
    public static RawJson of(JsonNode value) {
        return write(generator -> Json.mapper().writeTree(generator, value));
    }

    /** The JSON text a writer produces with a Jackson generator (exactly one value). */
    public static RawJson write(Writer writer) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(256)) {
            try (JsonGenerator generator = Json.mapper().getFactory().createGenerator(out)) {
                writer.write(generator);
            }
            byte[] written = out.toByteArray();
            return new RawJson(written, 0, written.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one JSON value with a Jackson generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    /** The number of bytes. */
    public int length() {
        return length;
    }

    /** A copy of the UTF-8 bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** The UTF-8 bytes as a stream (no copy). */
    public InputStream toInputStream() {
        return new ByteArrayInputStream(bytes, offset, length);
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * The tree, built on the first call and shared by every later one: read it, do not change it (take
     * {@link #readTree()} or {@code deepCopy()} for a tree of your own).
     *
     * @throws IllegalArgumentException when the bytes are not one JSON value
     */
    public JsonNode tree() {
        JsonNode built = tree;
        if (built == null) {
            built = readTree();
            tree = built;
        }
        return built;
    }

    /**
     * A new tree of the value.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON value
     */
    public JsonNode readTree() {
        return read(ExactJson::tree);
    }

    /**
     * The value as new plain Java objects: a {@code Map} (in document order) for an object, a {@code List} for an
     * array, String, Boolean, a number or null.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON value
     */
    public Object readValue() {
        return read(ExactJson::value);
    }

    /** Writes the value as it is into a Jackson generator, where a value is expected. */
    public void writeTo(JsonGenerator generator) throws IOException {
        generator.writeRawValue(new Utf8Value());
    }

    /** A streaming parser over the value. */
    private JsonParser parser() throws IOException {
        return Json.mapper().getFactory().createParser(bytes, offset, length);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        writeTo(generator);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer type)
            throws IOException {
        writeTo(generator);
    }

    /** Equal when the bytes are (the same text; {@code {"a":1}} and {@code { "a": 1 }} differ). */
    @Override
    public boolean equals(Object other) {
        return other instanceof RawJson that
               && Arrays.equals(bytes, offset, offset + length, that.bytes, that.offset, that.offset + that.length);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    /** Reads the one value of the bytes with {@code reader}. */
    private <T> T read(Reader<T> reader) {
        try (JsonParser p = parser()) {
            p.nextToken();
            T value = reader.read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value: " + p.currentToken() + " after the first");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getMessage(), e);
        }
    }

    /** Reads the value at a parser's current token. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** The bytes for Jackson's raw writing: UTF-8 generators copy them as they are, others take the text. */
    private final class Utf8Value implements SerializableString {

        @Override
        public String getValue() {
            return RawJson.this.toString();
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            return new SerializedString(getValue()).asQuotedChars();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return toByteArray();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return new SerializedString(getValue()).asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int at) {
            return new SerializedString(getValue()).appendQuotedUTF8(buffer, at);
        }

        @Override
        public int appendQuoted(char[] buffer, int at) {
            return new SerializedString(getValue()).appendQuoted(buffer, at);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int at) {
            if (at + length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, offset, buffer, at, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int at) {
            return new SerializedString(getValue()).appendUnquoted(buffer, at);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return new SerializedString(getValue()).writeQuotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, offset, length);
            return length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return new SerializedString(getValue()).putQuotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) throws IOException {
            if (buffer.remaining() < length) {
                return -1;
            }
            buffer.put(bytes, offset, length);
            return length;
        }
    }
}
