package io.github.camelarango.replication;

/**
 * Checks option and header values before any request is sent, failing with a message that names the option, the
 * value and what is allowed.
 */
final class OptionValidator {

    private OptionValidator() {
    }

    /**
     * Validates the options of an endpoint.
     *
     * @throws IllegalArgumentException on the first invalid value
     */
    static void validate(ArangoReplicationConfiguration configuration, ArangoReplicationApplierConfiguration applier) {
        if (configuration.getPort() < 1 || configuration.getPort() > 65535) {
            throw invalid("port", configuration.getPort(), "a TCP port between 1 and 65535");
        }
        authentication(configuration.getAuthentication());
        positive("maxConnections", configuration.getMaxConnections());
        positive("connectTimeout", configuration.getConnectTimeout());
        positive("responseTimeout", configuration.getResponseTimeout());
        nonNegative("ttl", configuration.getTtl());
        nonNegative("chunkSize", configuration.getChunkSize());
        tick("from", configuration.getFrom());
        tick("to", configuration.getTo());
        fromNotAfterTo(configuration.getFrom(), configuration.getTo());
        tick("lastScanned", configuration.getLastScanned());
        tick("serverId", configuration.getServerId());
        tick("syncerId", configuration.getSyncerId());
        restrictType(applier.getRestrictType());
        nonNegative("autoResyncRetries", applier.getAutoResyncRetries());
        nonNegative("maxConnectRetries", applier.getMaxConnectRetries());
    }

    static String authentication(String value) {
        if (!"basic".equals(value) && !"jwt".equals(value) && !"none".equals(value)) {
            throw invalid("authentication", value, "one of basic, jwt, none");
        }
        return value;
    }

    static String restrictType(String value) {
        if (value != null && !"include".equals(value) && !"exclude".equals(value)) {
            throw invalid("restrictType", value, "include or exclude");
        }
        return value;
    }

    static <N extends Number> N nonNegative(String option, N value) {
        if (value != null && value.doubleValue() < 0) {
            throw invalid(option, value, "a number >= 0");
        }
        return value;
    }

    static void positive(String option, long value) {
        if (value <= 0) {
            throw invalid(option, value, "a number > 0");
        }
    }

    /** Checks that a tick or id is an unsigned 64-bit decimal number. */
    static String tick(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            Long.parseUnsignedLong(value);
            return value;
        } catch (NumberFormatException e) {
            throw invalid(option, value, "an unsigned 64-bit decimal number (0 to 18446744073709551615)");
        }
    }

    /** Checks to > 0, and from <= to as unsigned 64-bit ticks when both are given. */
    static void fromNotAfterTo(String from, String to) {
        if ("0".equals(to)) {
            throw invalid("to", to, "a tick greater than 0");
        }
        if (from != null && to != null && Long.compareUnsigned(Long.parseUnsignedLong(from), Long.parseUnsignedLong(to)) > 0) {
            throw new IllegalArgumentException(
                    "Invalid tick range: from " + from + " is greater than to " + to + "; from must be less than or equal to to");
        }
    }

    private static IllegalArgumentException invalid(String option, Object value, String allowed) {
        return new IllegalArgumentException(
                "Invalid value for option " + option + ": '" + value + "'; allowed is " + allowed);
    }
}
