package io.github.camelarango.replication;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.SnapshotMode;

/**
 * Turns the consumer options of an endpoint into the change-capture engine's {@link ChangeStreamOptions}, checking
 * them with messages that name the option, the value and what is allowed.
 */
final class ChangeStreamSettings {

    static final String NATIVE = "native";
    static final String DEBEZIUM = "debezium";
    /** The smallest snapshotMaxChunkSize (the largest is the engine's {@link ChangeStreamOptions#MAX_CHUNK_SIZE}). */
    private static final int MIN_MAX_DUMP_CHUNK = 16 * 1024;

    private ChangeStreamSettings() {
    }

    /** Checks the consumer options (the engine's own checks included) before a consumer is created. */
    static void validate(ArangoReplicationConfiguration connection, ArangoReplicationConsumerConfiguration consumer) {
        envelope(consumer.getEnvelope());
        if (consumer.getMaxEventsPerPoll() < 1) {
            throw invalid("maxEventsPerPoll", consumer.getMaxEventsPerPoll(), "a number >= 1");
        }
        if (consumer.getOffsetKey() != null && consumer.getOffsetKey().isBlank()) {
            throw invalid("offsetKey", consumer.getOffsetKey(), "a non-blank text (or leave it unset for the default)");
        }
        int maxChunk = consumer.getSnapshotMaxChunkSize();
        if (maxChunk < MIN_MAX_DUMP_CHUNK || maxChunk > ChangeStreamOptions.MAX_CHUNK_SIZE) {
            throw invalid("snapshotMaxChunkSize", maxChunk,
                    MIN_MAX_DUMP_CHUNK + " to " + ChangeStreamOptions.MAX_CHUNK_SIZE + " bytes");
        }
        options(connection, consumer, "validation", consumer.getSnapshotMode());
    }

    /**
     * The engine options of a changes (or dump) consumer.
     *
     * @param streamKey    the position key (also the source of the derived server id)
     * @param snapshotMode the mode to run in (the dump consumer runs INITIAL_ONLY)
     */
    static ChangeStreamOptions options(ArangoReplicationConfiguration connection,
                                       ArangoReplicationConsumerConfiguration consumer, String streamKey,
                                       SnapshotMode snapshotMode) {
        int chunk = consumer.getSnapshotChunkSize();
        return ChangeStreamOptions.builder()
                .streamKey(streamKey)
                .snapshotMode(snapshotMode)
                .positionLostPolicy(consumer.getPositionLostPolicy())
                .includeCollections(names(consumer.getCollections()))
                .excludeCollections(names(consumer.getExcludeCollections()))
                .includeSystem(Boolean.TRUE.equals(connection.getIncludeSystem()))
                .changeTypes(changeTypes(consumer.getOperationTypes()))
                .batchTtl(Duration.ofMillis(consumer.getBatchTtl()))
                .initialDumpChunkSize(chunk)
                .maxDumpChunkSize(Math.max(chunk, consumer.getSnapshotMaxChunkSize()))
                .tailChunkSize(consumer.getTailChunkSize())
                .idleMinWait(Duration.ofMillis(consumer.getIdleMinWait()))
                .idleMaxWait(Duration.ofMillis(consumer.getIdleMaxWait()))
                .maxTransactionEvents(consumer.getMaxTransactionEvents())
                .build();
    }

    /**
     * The default position key: {@code changes:<database>:<collections sorted, or *>} plus {@code !<excluded>}
     * when collections are excluded; stable across restarts and route changes.
     */
    static String defaultOffsetKey(ArangoReplicationConfiguration connection,
                                   ArangoReplicationConsumerConfiguration consumer) {
        Set<String> included = new TreeSet<>(names(consumer.getCollections()));
        Set<String> excluded = new TreeSet<>(names(consumer.getExcludeCollections()));
        String key = "changes:" + connection.getDatabase() + ":" + (included.isEmpty() ? "*" : String.join(",", included));
        return excluded.isEmpty() ? key : key + "!" + String.join(",", excluded);
    }

    /** Whether the envelope option asks for Debezium JSON. */
    static boolean isDebezium(ArangoReplicationConsumerConfiguration consumer) {
        return DEBEZIUM.equals(envelope(consumer.getEnvelope()));
    }

    private static String envelope(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!NATIVE.equals(normalized) && !DEBEZIUM.equals(normalized)) {
            throw invalid("envelope", value, "native or debezium");
        }
        return normalized;
    }

    static Set<String> names(String commaSeparated) {
        Set<String> names = new LinkedHashSet<>();
        if (commaSeparated != null) {
            for (String name : commaSeparated.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    private static Set<ChangeType> changeTypes(String commaSeparated) {
        Set<String> names = names(commaSeparated);
        if (names.isEmpty()) {
            return ChangeType.all();
        }
        Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
        for (String name : names) {
            try {
                types.add(ChangeType.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid("operationTypes", name, "comma separated names out of "
                        + Arrays.toString(ChangeType.values()));
            }
        }
        return types;
    }

    private static IllegalArgumentException invalid(String option, Object value, String allowed) {
        return new IllegalArgumentException(
                "Invalid value for option " + option + ": '" + value + "'; allowed is " + allowed);
    }
}
