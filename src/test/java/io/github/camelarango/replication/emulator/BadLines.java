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
package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.http.LineEdit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Rewrites of one body line for {@link Faults#rewriteLine}: the broken lines a proxy, a disk or a bug can put into a
 * dump or tail answer.
 * <pre>{@code
 * emulator.faults().rewriteLine("GET", "/_api/replication/dump", "", BadLines.truncated(), 1);
 * emulator.faults().rewriteLine("GET", "/_api/wal/tail", "\"_key\":\"k7\"", BadLines.invalidUtf8(), 1);
 * emulator.faults().rewriteLine("GET", "/_api/wal/tail", "\"_key\":\"k7\"", BadLines.longString(20_000_001), 1);
 * }</pre>
 * Attributes are added to the line's {@code data} object when it has one (a WAL marker), else to the line's object
 * itself (a dump line), as its first member. Part of the emulator test kit's public API.
 */
public final class BadLines {

    private static final byte[] DATA = "\"data\":{".getBytes(StandardCharsets.US_ASCII);
    /** A lone UTF-8 lead byte followed by an ASCII byte: never valid UTF-8. */
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28};

    private BadLines() {
    }

    /** @return a rewrite to the first half of the line: malformed JSON (an object that never closes) */
    public static UnaryOperator<byte[]> truncated() {
        return line -> Arrays.copyOf(line, Math.max(1, line.length / 2));
    }

    /** @return a rewrite adding {@code "bad":"<0xC3 0x28>"}: well-formed JSON structure, invalid UTF-8 */
    public static UnaryOperator<byte[]> invalidUtf8() {
        return withAttribute("bad", INVALID_UTF8);
    }

    /**
     * @param length the string's length in characters (Jackson refuses strings over 20,000,000 by default)
     * @return a rewrite adding {@code "huge":"xxx…"} with a string of that length
     */
    public static UnaryOperator<byte[]> longString(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, was " + length);
        }
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) 'x');
        return withAttribute("huge", value);
    }

    /**
     * @param text the replacement
     * @return a rewrite that replaces the whole line by {@code text} (UTF-8)
     */
    public static UnaryOperator<byte[]> replacedBy(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return line -> bytes.clone();
    }

    /** Adds {@code "<name>":"<raw string bytes>"} as the first member of the data object, or of the line's object. */
    private static UnaryOperator<byte[]> withAttribute(String name, byte[] rawString) {
        return line -> {
            int at = indexAfter(line, DATA);
            if (at < 0) {
                at = indexAfter(line, new byte[] {'{'});
            }
            if (at < 0) {
                throw new IllegalArgumentException("the line is not a JSON object: " + new String(line, StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + rawString.length + name.length() + 8);
            out.write(line, 0, at);
            out.writeBytes(("\"" + name + "\":\"").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(rawString);
            out.write('"');
            if (at < line.length && line[at] != '}') {
                out.write(',');
            }
            out.write(line, at, line.length - at);
            return out.toByteArray();
        };
    }

    private static int indexAfter(byte[] line, byte[] part) {
        int at = LineEdit.indexOf(line, part);
        return at < 0 ? -1 : at + part.length;
    }
}
