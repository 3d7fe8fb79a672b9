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
package io.github.camelarango.replication.consumer;

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
import io.github.camelarango.replication.client.Require;

/**
 * The consumer options as the change-capture engine's {@link ChangeStreamOptions}, and the dump consumer's stream
 * key (the changes consumer's is its {@link OffsetKey}). The engine checks the values it is given.
 */
public final class EngineOptions {

    private EngineOptions() {
    }

    /**
     * The engine options of a changes or dump consumer.
     *
     * @param  streamKey                the position key (also the source of the derived serverId and syncerId)
     * @param  snapshotMode             the mode to run in (the dump consumer runs INITIAL_ONLY)
     * @param  includeSystem            whether system collections are captured
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public static ChangeStreamOptions of(ArangoReplicationConsumerConfiguration consumer, String streamKey,
                                         SnapshotMode snapshotMode, boolean includeSystem) {
        return builder(consumer, streamKey, snapshotMode, includeSystem).build();
    }

    /** The builder of {@link #of}, for what the options do not say (the changes consumer's listener). */
    @SuppressWarnings("deprecation") // maxTransactionEvents is still honoured where set
    public static ChangeStreamOptions.Builder builder(ArangoReplicationConsumerConfiguration consumer, String streamKey,
                                                      SnapshotMode snapshotMode, boolean includeSystem) {
        int chunk = consumer.getSnapshotChunkSize();
        return ChangeStreamOptions.builder()
                .streamKey(streamKey)
                .snapshotMode(snapshotMode)
                .positionLostPolicy(consumer.getPositionLostPolicy())
                .unknownMarkerPolicy(consumer.getUnknownMarkerPolicy())
                .collectionRenamePolicy(consumer.getCollectionRenamePolicy())
                .badLinePolicy(consumer.getBadLinePolicy())
                .includeCollections(names(consumer.getCollections()))
                .excludeCollections(names(consumer.getExcludeCollections()))
                .includeSystem(includeSystem)
                .changeTypes(changeTypes(consumer.getOperationTypes()))
                .batchTtl(Duration.ofMillis(consumer.getBatchTtl()))
                .initialDumpChunkSize(chunk)
                .maxDumpChunkSize(Math.max(chunk, consumer.getSnapshotMaxChunkSize()))
                .snapshotParallelism(consumer.getSnapshotParallelism())
                .tailChunkSize(consumer.getTailChunkSize())
                .tailPrefetch(consumer.isTailPrefetch())
                .idleMinWait(Duration.ofMillis(consumer.getIdleMinWait()))
                .idleMaxWait(Duration.ofMillis(consumer.getIdleMaxWait()))
                .maxTransactionEvents(consumer.getMaxTransactionEvents())
                .transactionBufferSize(consumer.getTransactionBufferSize())
                .registrationInterval(Duration.ofMillis(consumer.getRegistrationInterval()))
                .unregisterOnStop(consumer.isUnregisterOnStop())
                .idleSaveInterval(Duration.ofMillis(consumer.getCommitInterval()))
                .topologyRefreshInterval(Duration.ofMillis(consumer.getTopologyRefreshInterval()))
                // a stream that tails nothing (the dump consumer, INITIAL_ONLY) has no idle tail to beat for
                .heartbeatInterval(snapshotMode == SnapshotMode.INITIAL_ONLY ? Duration.ZERO
                        : Duration.ofMillis(consumer.getHeartbeatInterval()));
    }

    /** The key of the dump consumer's snapshots, {@code dump:<database>:<collections>} (it keeps no position). */
    public static String dumpKey(ArangoReplicationConsumerConfiguration consumer, String database) {
        return "dump:" + database + ":" + collections(consumer);
    }

    /** The captured collections in a key: {@code <collections sorted, or *>}, plus {@code !<excluded sorted>}. */
    static String collections(ArangoReplicationConsumerConfiguration consumer) {
        Set<String> included = new TreeSet<>(names(consumer.getCollections()));
        Set<String> excluded = new TreeSet<>(names(consumer.getExcludeCollections()));
        String collections = included.isEmpty() ? "*" : String.join(",", included);
        return excluded.isEmpty() ? collections : collections + "!" + String.join(",", excluded);
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

    static Set<ChangeType> changeTypes(String commaSeparated) {
        Set<String> names = names(commaSeparated);
        if (names.isEmpty()) {
            return ChangeType.all();
        }
        Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
        for (String name : names) {
            try {
                types.add(ChangeType.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Require.invalid("operationTypes", name, "comma separated names out of "
                        + Arrays.toString(ChangeType.values()));
            }
        }
        return types;
    }
}
