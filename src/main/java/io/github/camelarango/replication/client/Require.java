package io.github.camelarango.replication.client;

import java.util.List;

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

    /** A number {@code >= 0}; null passes (an option not set). */
    public static <N extends Number> N nonNegative(String option, N value) {
        if (value != null && value.doubleValue() < 0) {
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

    /** An unsigned 64-bit decimal tick or id; null passes (an option not set). */
    public static String tick(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            Ticks.parse(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid(option, value, "an unsigned 64-bit decimal number (0 to " + Ticks.format(Ticks.MAX) + ")");
        }
    }

    /** One of the given texts (exact match); null passes (an option not set). */
    public static String oneOf(String option, String value, String... allowed) {
        if (value != null && !java.util.Arrays.asList(allowed).contains(value)) {
            throw invalid(option, value, "one of " + String.join(", ", allowed));
        }
        return value;
    }

    static String notBlank(String owner, String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(owner + "." + parameter + " is required and must not be blank, was "
                                               + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static Long nonNegative(String owner, String parameter, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(owner + "." + parameter + " must be >= 0, was " + value);
        }
        return value;
    }

    static Double nonNegative(String owner, String parameter, Double value) {
        if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException(owner + "." + parameter + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    /** {@code whyNotZero} is appended to the message when the value is 0. */
    static Long positive(String owner, String parameter, Long value, String whyNotZero) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(owner + "." + parameter + " must be > 0, was " + value + (value == 0 ? whyNotZero : ""));
        }
        return value;
    }

    static String restrictType(String owner, String value) {
        if (value != null && !value.isEmpty() && !value.equals("include") && !value.equals("exclude")) {
            throw new IllegalArgumentException(owner + ".restrictType must be one of \"\", \"include\", \"exclude\", was '"
                                               + value + "'");
        }
        return value;
    }

    static <T> List<T> copyOrNull(List<T> values) {
        return values == null ? null : List.copyOf(values);
    }

    static String unsignedOrNull(String owner, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Ticks.format(Ticks.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    owner + "." + parameter + " must be an unsigned 64-bit decimal number, was '" + value + "'", e);
        }
    }
}
