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

/**
 * ArangoDB ticks (WAL sequence numbers, batch snapshot ticks) are unsigned 64-bit integers, transported as decimal
 * text. This utility parses, formats and compares them as unsigned values; ticks must never be compared as text
 * ({@code "99" > "100"} lexicographically) nor with the signed {@code <} operator (values at or above 2^63 are
 * negative as a Java {@code long}).
 */
public final class Ticks {

    /** The largest tick, 2^64-1 (the server's default upper bound of a tail), as a Java {@code long}. */
    public static final long MAX = -1L;

    private Ticks() {
    }

    /**
     * Parses an unsigned decimal tick.
     *
     * @param  text                     decimal text, surrounding whitespace ignored
     * @return                          the tick as an unsigned {@code long}
     * @throws IllegalArgumentException if the text is null, blank, negative, not a number or above 2^64-1
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("tick must be an unsigned 64-bit decimal number, was " + quote(text));
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("+")) {
            throw new IllegalArgumentException("tick must be an unsigned 64-bit decimal number, was " + quote(text));
        }
        try {
            return Long.parseUnsignedLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "tick must be an unsigned 64-bit decimal number (0.." + format(MAX) + "), was " + quote(text), e);
        }
    }

    /**
     * Parses an optional tick.
     *
     * @param  text decimal text or null/blank
     * @return      the tick, or null when the text is null or blank
     */
    public static Long parseOrNull(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    /** Formats a tick as unsigned decimal text, as the server expects it in query parameters and bodies. */
    public static String format(long tick) {
        return Long.toUnsignedString(tick);
    }

    /**
     * Formats an optional tick.
     *
     * @param  tick the tick or null
     * @return      its unsigned decimal text, or null when the tick is null
     */
    public static String formatOrNull(Long tick) {
        return tick == null ? null : format(tick);
    }

    /** Whether tick {@code a} is strictly after tick {@code b} (unsigned). */
    public static boolean isAfter(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    private static String quote(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
