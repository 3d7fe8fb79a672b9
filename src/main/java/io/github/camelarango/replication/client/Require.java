package io.github.camelarango.replication.client;

import java.util.List;

/** Argument checks for request records; messages name the parameter, the value and what is allowed. */
final class Require {

    private Require() {
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
