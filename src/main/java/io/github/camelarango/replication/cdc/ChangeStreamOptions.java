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
package io.github.camelarango.replication.cdc;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import io.github.camelarango.replication.client.Require;

/**
 * How a {@link ChangeStream} runs. Immutable; build with {@link #builder()}. Every setter checks its value and refuses
 * a bad one with the one error shape of {@link Require}, naming the option, the value and what is allowed.
 */
public final class ChangeStreamOptions {

    /** Server cap of dump and tail chunk sizes (128 MiB). */
    public static final int MAX_CHUNK_SIZE = 128 * 1024 * 1024;
    /** The most collections a snapshot dumps at once. */
    public static final int MAX_SNAPSHOT_PARALLELISM = 16;

    private final String streamKey;
    private final SnapshotMode snapshotMode;
    private final PositionLostPolicy positionLostPolicy;
    private final UnknownMarkerPolicy unknownMarkerPolicy;
    private final CollectionRenamePolicy collectionRenamePolicy;
    private final BadLinePolicy badLinePolicy;
    private final ChangeFilter filter;
    private final Duration batchTtl;
    private final int initialDumpChunkSize;
    private final int maxDumpChunkSize;
    private final int snapshotParallelism;
    private final int tailChunkSize;
    private final boolean tailPrefetch;
    private final Duration idleMinWait;
    private final Duration idleMaxWait;
    private final int maxTransactionEvents;
    private final long transactionBufferSize;
    private final Duration progressLogInterval;
    private final Duration registrationInterval;
    private final boolean unregisterOnStop;
    private final ChangeStreamListener listener;
    private final Duration heartbeatInterval;
    private final Duration idleSaveInterval;
    private final Duration topologyRefreshInterval;

    private ChangeStreamOptions(Builder b) {
        this(b, b.streamKey, new ChangeFilter(b.includeCollections, b.excludeCollections, b.includeSystem,
                b.changeTypes));
    }

    private ChangeStreamOptions(Builder b, String streamKey, ChangeFilter filter) {
        this.streamKey = streamKey;
        this.snapshotMode = b.snapshotMode;
        this.positionLostPolicy = b.positionLostPolicy;
        this.unknownMarkerPolicy = b.unknownMarkerPolicy;
        this.collectionRenamePolicy = b.collectionRenamePolicy;
        this.badLinePolicy = b.badLinePolicy;
        this.filter = filter;
        this.batchTtl = b.batchTtl;
        this.initialDumpChunkSize = b.initialDumpChunkSize;
        this.maxDumpChunkSize = b.maxDumpChunkSize;
        this.snapshotParallelism = b.snapshotParallelism;
        this.tailChunkSize = b.tailChunkSize;
        this.tailPrefetch = b.tailPrefetch;
        this.idleMinWait = b.idleMinWait;
        this.idleMaxWait = b.idleMaxWait;
        this.maxTransactionEvents = b.maxTransactionEvents;
        this.transactionBufferSize = b.transactionBufferSize;
        this.progressLogInterval = b.progressLogInterval;
        this.registrationInterval = b.registrationInterval;
        this.unregisterOnStop = b.unregisterOnStop;
        this.listener = b.listener;
        this.heartbeatInterval = b.heartbeatInterval;
        this.idleSaveInterval = b.idleSaveInterval;
        this.topologyRefreshInterval = b.topologyRefreshInterval;
    }

    /**
     * These options for a stream under {@code key} that captures exactly the collections {@code names}, the other
     * options unchanged: a cluster's stream of one DB-Server, whose collections are the shards it leads.
     */
    public ChangeStreamOptions forCollections(String key, Set<String> names) {
        return new ChangeStreamOptions(toBuilder(), Require.notBlank("streamKey", key), filter.restrictedTo(names));
    }

    /**
     * These options for a stream under {@code key} that continues the shards {@code names} on their new leader after
     * a fail-over, from a stored position: a snapshot mode of {@code ALWAYS} is {@code INITIAL} there (the position,
     * not a new snapshot, is where it goes on).
     */
    public ChangeStreamOptions forTakenOverShards(String key, Set<String> names) {
        Builder b = toBuilder();
        if (b.snapshotMode == SnapshotMode.ALWAYS) {
            b.snapshotMode = SnapshotMode.INITIAL;
        }
        return new ChangeStreamOptions(b, Require.notBlank("streamKey", key), filter.restrictedTo(names));
    }

    /**
     * These options for a reader under {@code key} of the shards {@code names} that a DB-Server follows, whose events
     * are never delivered: it only tails (no snapshot), tells no listener, sends no heartbeats, saves the position it
     * reached at every poll and stops on a lost position (a shadow must never skip).
     */
    public ChangeStreamOptions forFollowedShards(String key, Set<String> names) {
        Builder b = toBuilder();
        b.snapshotMode = SnapshotMode.NEVER;
        b.positionLostPolicy = PositionLostPolicy.FAIL;
        b.listener = ChangeStreamListener.NONE;
        b.heartbeatInterval = Duration.ZERO;
        b.idleSaveInterval = Duration.ZERO;
        return new ChangeStreamOptions(b, Require.notBlank("streamKey", key), filter.restrictedTo(names));
    }

    /** A builder with these options' values, but for the collection filter, which it keeps apart. */
    private Builder toBuilder() {
        Builder b = new Builder();
        b.snapshotMode = snapshotMode;
        b.positionLostPolicy = positionLostPolicy;
        b.unknownMarkerPolicy = unknownMarkerPolicy;
        b.collectionRenamePolicy = collectionRenamePolicy;
        b.badLinePolicy = badLinePolicy;
        b.batchTtl = batchTtl;
        b.initialDumpChunkSize = initialDumpChunkSize;
        b.maxDumpChunkSize = maxDumpChunkSize;
        b.snapshotParallelism = snapshotParallelism;
        b.tailChunkSize = tailChunkSize;
        b.tailPrefetch = tailPrefetch;
        b.idleMinWait = idleMinWait;
        b.idleMaxWait = idleMaxWait;
        b.maxTransactionEvents = maxTransactionEvents;
        b.transactionBufferSize = transactionBufferSize;
        b.progressLogInterval = progressLogInterval;
        b.registrationInterval = registrationInterval;
        b.unregisterOnStop = unregisterOnStop;
        b.listener = listener;
        b.heartbeatInterval = heartbeatInterval;
        b.idleSaveInterval = idleSaveInterval;
        b.topologyRefreshInterval = topologyRefreshInterval;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key under which the position is stored. */
    public String streamKey() {
        return streamKey;
    }

    public SnapshotMode snapshotMode() {
        return snapshotMode;
    }

    public PositionLostPolicy positionLostPolicy() {
        return positionLostPolicy;
    }

    public UnknownMarkerPolicy unknownMarkerPolicy() {
        return unknownMarkerPolicy;
    }

    public CollectionRenamePolicy collectionRenamePolicy() {
        return collectionRenamePolicy;
    }

    public BadLinePolicy badLinePolicy() {
        return badLinePolicy;
    }

    public ChangeFilter filter() {
        return filter;
    }

    public Duration batchTtl() {
        return batchTtl;
    }

    public int initialDumpChunkSize() {
        return initialDumpChunkSize;
    }

    public int maxDumpChunkSize() {
        return maxDumpChunkSize;
    }

    public int snapshotParallelism() {
        return snapshotParallelism;
    }

    public int tailChunkSize() {
        return tailChunkSize;
    }

    /** Whether the tail makes its next call while the caller delivers (with an executor to make it on). */
    public boolean tailPrefetch() {
        return tailPrefetch;
    }

    public Duration idleMinWait() {
        return idleMinWait;
    }

    public Duration idleMaxWait() {
        return idleMaxWait;
    }

    public int maxTransactionEvents() {
        return maxTransactionEvents;
    }

    public long transactionBufferSize() {
        return transactionBufferSize;
    }

    public Duration progressLogInterval() {
        return progressLogInterval;
    }

    public Duration registrationInterval() {
        return registrationInterval;
    }

    public boolean unregisterOnStop() {
        return unregisterOnStop;
    }

    /** Who hears the stream's notifications. */
    public ChangeStreamListener listener() {
        return listener;
    }

    /** Time between two heartbeats of an idle stream; zero when the stream gives none. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** The least time between a save and the next save of a position reached without events. */
    public Duration idleSaveInterval() {
        return idleSaveInterval;
    }

    /** How often a cluster's stream reads the cluster's topology (the shards' leaders) again. */
    public Duration topologyRefreshInterval() {
        return topologyRefreshInterval;
    }

    /** Builder of {@link ChangeStreamOptions}; defaults are given per setter. */
    public static final class Builder {
        private String streamKey = "arango-replication-changes";
        private SnapshotMode snapshotMode = SnapshotMode.INITIAL;
        private PositionLostPolicy positionLostPolicy = PositionLostPolicy.FAIL;
        private UnknownMarkerPolicy unknownMarkerPolicy = UnknownMarkerPolicy.FAIL;
        private CollectionRenamePolicy collectionRenamePolicy = CollectionRenamePolicy.FOLLOW;
        private BadLinePolicy badLinePolicy = BadLinePolicy.FAIL;
        private Set<String> includeCollections = Set.of();
        private Set<String> excludeCollections = Set.of();
        private boolean includeSystem;
        private Set<ChangeType> changeTypes = EnumSet.allOf(ChangeType.class);
        private Duration batchTtl = Duration.ofSeconds(600);
        private int initialDumpChunkSize = 128 * 1024;
        private int maxDumpChunkSize = 2 * 1024 * 1024;
        private int snapshotParallelism = 1;
        private int tailChunkSize = 1024 * 1024;
        private boolean tailPrefetch = true;
        private Duration idleMinWait = Duration.ofMillis(50);
        private Duration idleMaxWait = Duration.ofMillis(90);
        private int maxTransactionEvents = 100_000;
        private long transactionBufferSize = 16L * 1024 * 1024;
        private Duration progressLogInterval = Duration.ofSeconds(5);
        private Duration registrationInterval = Duration.ofSeconds(10);
        private boolean unregisterOnStop;
        private ChangeStreamListener listener = ChangeStreamListener.NONE;
        private Duration heartbeatInterval = Duration.ZERO;
        private Duration idleSaveInterval = Duration.ZERO;
        private Duration topologyRefreshInterval = Duration.ofSeconds(2);

        private Builder() {
        }

        /** Key of the stored position (default {@code arango-replication-changes}). */
        public Builder streamKey(String value) {
            this.streamKey = Require.notBlank("streamKey", value);
            return this;
        }

        /** Default {@link SnapshotMode#INITIAL}. */
        public Builder snapshotMode(SnapshotMode value) {
            this.snapshotMode = notNull("snapshotMode", value, SnapshotMode.values());
            return this;
        }

        /** Default {@link PositionLostPolicy#FAIL}. */
        public Builder positionLostPolicy(PositionLostPolicy value) {
            this.positionLostPolicy = notNull("positionLostPolicy", value, PositionLostPolicy.values());
            return this;
        }

        /** Default {@link UnknownMarkerPolicy#FAIL}. */
        public Builder unknownMarkerPolicy(UnknownMarkerPolicy value) {
            this.unknownMarkerPolicy = notNull("unknownMarkerPolicy", value, UnknownMarkerPolicy.values());
            return this;
        }

        /** Default {@link BadLinePolicy#FAIL}. */
        public Builder badLinePolicy(BadLinePolicy value) {
            this.badLinePolicy = notNull("badLinePolicy", value, BadLinePolicy.values());
            return this;
        }

        /** Default {@link CollectionRenamePolicy#FOLLOW}. */
        public Builder collectionRenamePolicy(CollectionRenamePolicy value) {
            this.collectionRenamePolicy = notNull("collectionRenamePolicy", value, CollectionRenamePolicy.values());
            return this;
        }

        /**
         * Collections to capture (names); empty (the default) means all. A captured collection is followed by its
         * identity when it is renamed ({@link #collectionRenamePolicy}).
         */
        public Builder includeCollections(Set<String> names) {
            this.includeCollections = names(names, "includeCollections");
            return this;
        }

        /** Collections never to capture (names); default none. */
        public Builder excludeCollections(Set<String> names) {
            this.excludeCollections = names(names, "excludeCollections");
            return this;
        }

        /** Whether {@code _}-prefixed system collections are captured (default false). */
        public Builder includeSystem(boolean value) {
            this.includeSystem = value;
            return this;
        }

        /** Change types to deliver (default all); others are read but not delivered. */
        public Builder changeTypes(Set<ChangeType> types) {
            if (types == null || types.isEmpty()) {
                throw Require.invalid("changeTypes", types, "at least one of " + EnumSet.allOf(ChangeType.class));
            }
            this.changeTypes = EnumSet.copyOf(types);
            return this;
        }

        /** Lifetime of the dump batch after its last use (default 600 s, at least 3 s). */
        public Builder batchTtl(Duration value) {
            if (value == null || value.compareTo(Duration.ofSeconds(3)) < 0) {
                throw Require.invalid("batchTtl", value, "at least 3 seconds");
            }
            this.batchTtl = value;
            return this;
        }

        /** First dump chunk size in bytes (default 128 KiB); grows ×1.25 per chunk up to {@link #maxDumpChunkSize}. */
        public Builder initialDumpChunkSize(int bytes) {
            this.initialDumpChunkSize = chunk(bytes, "initialDumpChunkSize", 1);
            return this;
        }

        /**
         * Largest dump chunk size in bytes (default 2 MiB, as the consumer's snapshotMaxChunkSize; at most 128 MiB);
         * bounds the memory of one chunk, which is held as documents and events, the next one fetched meanwhile.
         */
        public Builder maxDumpChunkSize(int bytes) {
            this.maxDumpChunkSize = chunk(bytes, "maxDumpChunkSize", 1);
            return this;
        }

        /**
         * How many collections the snapshot dumps at once (default 1: one after the other; at most
         * {@value #MAX_SNAPSHOT_PARALLELISM}). Each collection's documents come in dump order, the collections' chunks
         * interleave; up to this many chunks (each at most {@link #maxDumpChunkSize}) are held on their way. It needs
         * a stream with a fetcher ({@link ChangeStream#ChangeStream(ReplicationSource, ChangeStreamOptions,
         * PositionStore, java.util.concurrent.ScheduledExecutorService, java.util.concurrent.Executor)}); without
         * one the collections are dumped one after the other.
         */
        public Builder snapshotParallelism(int value) {
            this.snapshotParallelism = (int) Require.between("snapshotParallelism", value, 1, MAX_SNAPSHOT_PARALLELISM,
                    "collections");
            return this;
        }

        /** Tail response size in bytes (default 1 MiB, 16 KiB to 128 MiB). */
        public Builder tailChunkSize(int bytes) {
            this.tailChunkSize = chunk(bytes, "tailChunkSize", 16 * 1024);
            return this;
        }

        /**
         * Whether the tail makes its next {@code wal/tail} call while the caller delivers the events of a response
         * after which the server has more (default true; it takes effect only for a stream given an executor to make
         * the call on). It holds at most one unread response, about {@code tailChunkSize} bytes.
         */
        public Builder tailPrefetch(boolean value) {
            this.tailPrefetch = value;
            return this;
        }

        /**
         * Shortest time between two tail calls, from the start of one to the start of the next, after a response with
         * changes when the server had no more (default 50 ms); it doubles per empty response up to
         * {@link #idleMaxWait}.
         */
        public Builder idleMinWait(Duration value) {
            this.idleMinWait = wait(value, "idleMinWait");
            return this;
        }

        /**
         * Longest time between two tail calls while nothing changes (default 90 ms: about 11 calls per second, and a
         * change written after a quiet period is read within about that time).
         */
        public Builder idleMaxWait(Duration value) {
            this.idleMaxWait = wait(value, "idleMaxWait");
            return this;
        }

        /**
         * Most events held for open WAL transactions (default 100 000); a transaction that would take more streams
         * through as {@link #transactionBufferSize} describes.
         *
         * @deprecated the buffer is bounded in bytes by {@link #transactionBufferSize}; this bound on events stays
         *             only for configurations that set it
         */
        @Deprecated
        public Builder maxTransactionEvents(int value) {
            this.maxTransactionEvents = (int) Require.positive("maxTransactionEvents", value);
            return this;
        }

        /**
         * Most bytes of WAL markers held for open transactions until their commit (default 16 MiB). A transaction
         * that would take more is delivered as its changes come, each with the position from before the
         * transaction, which moves to the commit tick at its commit marker: a restart replays it whole.
         */
        public Builder transactionBufferSize(long value) {
            this.transactionBufferSize = Require.positive("transactionBufferSize", value);
            return this;
        }

        /** Least time between two snapshot progress log lines (default 5 s). */
        public Builder progressLogInterval(Duration value) {
            this.progressLogInterval = wait(value, "progressLogInterval");
            return this;
        }

        /**
         * Least time between two registrations of the stream at the server when its committed position moved (default
         * 10 s); the registration keeps the server's WAL from the committed position on (docs/protocol.md §4.6).
         */
        public Builder registrationInterval(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw Require.invalid("registrationInterval", value, "a duration above zero");
            }
            this.registrationInterval = value;
            return this;
        }

        /**
         * Whether {@link ChangeStream#close()} removes the stream's registration at the server (default false: it
         * stays at the committed position until the server's client TTL, so that a restart within it finds the WAL
         * still there).
         */
        public Builder unregisterOnStop(boolean value) {
            this.unregisterOnStop = value;
            return this;
        }

        /**
         * Who hears the stream's {@link ChangeStreamNotification}s: the snapshot's start, each completed collection,
         * its end or abort, a lost position and the policy applied (default: nobody).
         */
        public Builder listener(ChangeStreamListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Time between two heartbeats of a stream that captures nothing (default zero: no heartbeats). Without
         * heartbeats the stream saves the position an idle tail reached (up to what the server reports as scanned,
         * docs/protocol.md §4.4) itself, at every poll that moved it; with them it saves it only when the caller
         * commits a {@link ChangeStream#heartbeat() heartbeat}, at most once per interval.
         */
        public Builder heartbeatInterval(Duration value) {
            if (value == null || value.isNegative()) {
                throw Require.invalid("heartbeatInterval", value, "a duration of zero (no heartbeats) or above");
            }
            this.heartbeatInterval = value;
            return this;
        }

        /**
         * The least time between a save of the position and the stream's own save of a position an idle tail reached
         * (default zero: at every poll that moved it). The Camel consumer passes its commitInterval, which promises at
         * most one position write per interval to a slow store. A starting point is saved at once whatever it says.
         */
        public Builder idleSaveInterval(Duration value) {
            if (value == null || value.isNegative()) {
                throw Require.invalid("idleSaveInterval", value, "a duration of zero (every idle poll) or above");
            }
            this.idleSaveInterval = value;
            return this;
        }

        /**
         * How often a cluster's stream reads the topology (who leads each shard) again through the Coordinator, to
         * notice a leader change (default 2 s; sooner while a DB-Server
         * fails). A single server's stream does not read it.
         */
        public Builder topologyRefreshInterval(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw Require.invalid("topologyRefreshInterval", value, "a duration above zero");
            }
            this.topologyRefreshInterval = value;
            return this;
        }

        public ChangeStreamOptions build() {
            if (initialDumpChunkSize > maxDumpChunkSize) {
                throw Require.invalid("initialDumpChunkSize", initialDumpChunkSize,
                        "at most maxDumpChunkSize (" + maxDumpChunkSize + ")");
            }
            if (idleMinWait.compareTo(idleMaxWait) > 0) {
                throw Require.invalid("idleMinWait", idleMinWait, "at most idleMaxWait (" + idleMaxWait + ")");
            }
            return new ChangeStreamOptions(this);
        }

        private static Set<String> names(Set<String> names, String option) {
            if (names == null || names.stream().anyMatch(name -> name == null || name.isBlank())) {
                throw Require.invalid(option, names, "a (possibly empty) set of non-blank collection names");
            }
            return new LinkedHashSet<>(names);
        }

        private static int chunk(int bytes, String option, int min) {
            return (int) Require.between(option, bytes, min, MAX_CHUNK_SIZE, "bytes");
        }

        private static Duration wait(Duration value, String option) {
            if (value == null || value.isNegative()) {
                throw Require.invalid(option, value, "a duration of zero or more");
            }
            return value;
        }

        private static <T> T notNull(String option, T value, T[] allowed) {
            if (value == null) {
                throw Require.invalid(option, null, "one of " + Arrays.toString(allowed));
            }
            return value;
        }
    }
}
