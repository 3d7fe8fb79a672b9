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

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one home of option and argument checks, used by every layer (request records, the engine's options, the
 * component's configuration). Every refusal has one shape: {@code Invalid value for option <name>: '<value>';
 * allowed is <what>}. The checks return the value they accept, so they can be used in assignments.
 */
public final class Require {

    private Require() {
    }

    /** The one error shape: names the option, the value and what is allowed. */
    public static IllegalArgumentException invalid(String option, Object value, String allowed) {
        return new IllegalArgumentException(
                "Invalid value for option " + option + ": '" + value + "'; allowed is " + allowed);
    }

    /** A non-blank text. */
    public static String notBlank(String option, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(option, value, "a non-blank text");
        }
        return value;
    }

    /** A number {@code >= 0} (not NaN, not infinite); null passes (an option not set). */
    public static <N extends Number> N nonNegative(String option, N value) {
        if (value != null && (!(value.doubleValue() >= 0) || Double.isInfinite(value.doubleValue()))) {
            throw invalid(option, value, "a number >= 0");
        }
        return value;
    }

    /** A number {@code > 0}. */
    public static long positive(String option, long value) {
        if (value <= 0) {
            throw invalid(option, value, "a number > 0");
        }
        return value;
    }

    /** A number from {@code min} to {@code max}, both included; {@code unit} (e.g. "bytes") may be empty. */
    public static long between(String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw invalid(option, value, min + " to " + max + (unit.isEmpty() ? "" : " " + unit));
        }
        return value;
    }

    /**
     * An unsigned 64-bit decimal tick or id; null passes (an option not set).
     *
     * @return the value in its canonical decimal form (as the server expects it), or null
     */
    public static String tick(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Ticks.format(Ticks.parse(value));
        } catch (IllegalArgumentException e) {
            throw invalid(option, value, "an unsigned 64-bit decimal number (0 to " + Ticks.format(Ticks.MAX) + ")");
        }
    }

    /** One of the given texts (exact match; an empty text is shown as {@code ""}); null passes (an option not set). */
    public static String oneOf(String option, String value, String... allowed) {
        if (value != null && !Arrays.asList(allowed).contains(value)) {
            throw invalid(option, value, "one of " + Arrays.stream(allowed)
                    .map(text -> text.isEmpty() ? "\"\"" : text).collect(Collectors.joining(", ")));
        }
        return value;
    }
}
