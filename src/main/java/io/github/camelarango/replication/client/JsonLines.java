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
import java.io.InputStream;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a newline-delimited JSON body (docs/protocol.md §1.2) value by value as it arrives, with one streaming parser
 * over a buffer of its own, so that the bytes of each value can be kept ({@link #valueBytes()}) without a second
 * pass. The buffer holds the current value and what the parser read ahead; it grows to the longest value.
 * <p>
 * A value the parser cannot read is a bad line: {@link #skipBadLine()} reports its line number and first bytes and
 * moves to the line after it, where {@link #next()} continues.
 */
final class JsonLines implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;
    /** Whether the parser's field names are interned Strings (Jackson's default, kept by {@link Json#mapper()}). */
    private static final boolean INTERNED_NAMES =
            Json.mapper().getFactory().isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            && Json.mapper().getFactory().isEnabled(JsonFactory.Feature.INTERN_FIELD_NAMES);

    private final Buffer buffer;
    private JsonParser parser;
    /** Absolute offset in the body where the current parser began, and the lines before it. */
    private long parserStart;
    private long linesBefore;
    /** Absolute offset and line of the current value; -1 when none is being read. */
    private long valueStart = -1;
    private long valueLine;
    /** A point whose line is known, from where newlines are counted after a bad line. */
    private long countedTo;
    private long lineAtCounted = 1;
    /** The Strings {@link #repeatedText} handed out last, per slot. */
    private final String[] recent = new String[3];

    JsonLines(InputStream body) throws IOException {
        this.buffer = new Buffer(body);
        this.parser = newParser();
    }

    /** What a bad line was: its number and first bytes. */
    record BadLineAt(long lineNumber, byte[] lineStart) {
    }

    /**
     * Moves to the next value: {@link #parser()} is at its first token. False at the end of the body.
     *
     * @throws BadLine when what follows is not JSON
     */
    boolean next() throws IOException, BadLine {
        valueStart = -1;
        JsonToken token;
        try {
            token = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw BadLine.notJson(e, null);
        }
        if (token == null) {
            return false;
        }
        JsonLocation at = parser.currentTokenLocation();
        valueStart = parserStart + at.getByteOffset();
        valueLine = linesBefore + at.getLineNr();
        countedTo = valueStart;
        lineAtCounted = valueLine;
        buffer.release(valueStart);
        return true;
    }

    /**
     * The text of the scalar at the parser's current token (null for JSON null; a structure is skipped, giving
     * null), as the same String as the previous call for {@code slot} when the text is the same: database names,
     * collection ids and transaction ids repeat from marker to marker.
     */
    String repeatedText(int slot) throws IOException {
        JsonToken token = parser.currentToken();
        if (token.isStructStart()) {
            parser.skipChildren();
            return null;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        String previous = recent[slot];
        if (previous != null && previous.length() == length) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = previous.charAt(i) == chars[offset + i];
            }
            if (same) {
                return previous;
            }
        }
        String text = new String(chars, offset, length);
        recent[slot] = text;
        return text;
    }

    /**
     * Whether a field name the parser gave is {@code literal}, a constant of the code. The parser interns its field
     * names, escaped ones too, so this is one reference comparison instead of a hash and an {@code equals} per field
     * of every line (BENCHMARKS.md, "Parser of the tail"); were interning off, the texts are compared.
     */
    @SuppressWarnings("StringEquality")
    static boolean named(String name, String literal) {
        return name == literal || !INTERNED_NAMES && literal.equals(name);
    }

    /** The parser, at the current value. */
    JsonParser parser() {
        return parser;
    }

    /** The absolute offset of the current value's first byte. */
    long valueStart() {
        return valueStart;
    }

    /** The absolute offset of the parser's current token. */
    long tokenOffset() {
        return parserStart + parser.currentTokenLocation().getByteOffset();
    }

    /** The absolute offset just after the last token the parser read. */
    long offset() {
        return parserStart + parser.currentLocation().getByteOffset();
    }

    /** A copy of the current value's bytes, up to the end of the last token read (its end once it was read). */
    byte[] valueBytes() {
        return buffer.copy(valueStart, offset());
    }

    /**
     * After a failure on the current value (or between values): the line it started on and its first bytes, and
     * the reading moves to the line after the one the parser failed on.
     */
    BadLineAt skipBadLine() throws IOException {
        long failedAt = Math.max(offset() - 1, countedTo);
        long badStart = valueStart >= 0 ? valueStart : Math.min(Math.max(tokenOffset(), countedTo), failedAt);
        long lineNumber = valueStart >= 0 ? valueLine : lineAtCounted + buffer.count((byte) '\n', countedTo, badStart);
        long newline = buffer.indexOf((byte) '\n', failedAt);
        long restart = newline < 0 ? buffer.endOffset() : newline + 1;
        byte[] lineStart = buffer.copy(badStart, Math.min(restart, badStart + MalformedLineException.LINE_START_BYTES));
        long linesToRestart = lineAtCounted + buffer.count((byte) '\n', countedTo, restart) - 1;
        parser.close();
        buffer.seek(restart);
        parserStart = restart;
        linesBefore = linesToRestart;
        countedTo = restart;
        lineAtCounted = linesToRestart + 1;
        valueStart = -1;
        parser = newParser();
        return new BadLineAt(lineNumber, trimLineEnd(lineStart));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private JsonParser newParser() throws IOException {
        return Json.mapper().getFactory().createParser(buffer);
    }

    private static byte[] trimLineEnd(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
    }

    /**
     * The body's bytes as the parser reads them, kept from the current value on: {@code bytes[0]} is the body's byte
     * at {@code base}; the parser has read up to {@code read}; {@code end} bytes are filled.
     */
    private static final class Buffer extends InputStream {

        private final InputStream body;
        private byte[] bytes = new byte[BUFFER];
        private long base;
        private int keep;
        private int read;
        private int end;
        private boolean eof;

        Buffer(InputStream body) {
            this.body = body;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (read == end && !fill()) {
                return -1;
            }
            int n = Math.min(length, end - read);
            System.arraycopy(bytes, read, into, offset, n);
            read += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            if (read == end && !fill()) {
                return -1;
            }
            return bytes[read++] & 0xFF;
        }

        /** The bytes before {@code offset} are no longer needed. */
        void release(long offset) {
            keep = Math.max(keep, (int) Math.min(offset - base, read));
        }

        /** The parser reads on from {@code offset} (kept). */
        void seek(long offset) {
            read = (int) (offset - base);
            keep = Math.min(keep, read);
        }

        long endOffset() {
            return base + end;
        }

        byte[] copy(long from, long to) {
            return Arrays.copyOfRange(bytes, (int) (from - base), (int) (to - base));
        }

        /** Occurrences of {@code b} in {@code [from, to)}. */
        long count(byte b, long from, long to) {
            long found = 0;
            for (int i = (int) (from - base); i < to - base; i++) {
                if (bytes[i] == b) {
                    found++;
                }
            }
            return found;
        }

        /** The offset of the first {@code b} at or after {@code from}, reading on as needed; -1 when none follows. */
        long indexOf(byte b, long from) throws IOException {
            long at = from;
            while (true) {
                for (int i = (int) (at - base); i < end; i++) {
                    if (bytes[i] == b) {
                        return base + i;
                    }
                }
                at = base + end;
                if (!fill()) {
                    return -1;
                }
            }
        }

        /** Reads more of the body: moves the kept bytes to the front, grows when they fill the buffer. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            if (end == bytes.length) {
                if (keep > 0) {
                    System.arraycopy(bytes, keep, bytes, 0, end - keep);
                    base += keep;
                    read -= keep;
                    end -= keep;
                    keep = 0;
                }
                if (end == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
            int n = body.read(bytes, end, bytes.length - end);
            if (n < 0) {
                eof = true;
                return false;
            }
            end += n;
            return true;
        }
    }
}
