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
import java.util.Locale;

import io.github.camelarango.replication.ArangoReplicationConfiguration.RoleConfiguration;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.BadLinePolicy;
import io.github.camelarango.replication.cdc.CollectionRenamePolicy;
import io.github.camelarango.replication.cdc.PositionLostPolicy;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.cdc.UnknownMarkerPolicy;
import io.github.camelarango.replication.cdc.envelope.UpsertOp;
import io.github.camelarango.replication.client.Require;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code arango-replication} consumers: {@code changes} (change data capture), {@code dump}
 * (scheduled snapshots) and {@code loggerState}. The connection, the replication client identity (serverId,
 * syncerId, clientInfo) and includeSystem are shared with the producer in the component's
 * {@code ArangoReplicationConfiguration}. The options the change-capture engine reads become its
 * {@link ChangeStreamOptions} through {@link EngineOptions}.
 */
@UriParams
@Configurer
public class ArangoReplicationConsumerConfiguration extends RoleConfiguration<ArangoReplicationConsumerConfiguration> {

    /** The default of {@link #getOffsetFile()}: a Camel property placeholder for the user's home directory. */
    public static final String DEFAULT_OFFSET_FILE = "{{sys:user.home}}/.camel-arango-replication/offsets.dat";

    private static final String NATIVE = "native";
    private static final String DEBEZIUM = "debezium";
    /** The smallest snapshotMaxChunkSize (the largest is the engine's {@link ChangeStreamOptions#MAX_CHUNK_SIZE}). */
    private static final int MIN_MAX_DUMP_CHUNK = 16 * 1024;
    /** The most shards the changes consumer delivers at once (parallelShards): the threads of its lane pool. */
    private static final int MAX_PARALLEL_SHARDS = 64;

    @UriParam(label = "consumer", defaultValue = "INITIAL")
    private SnapshotMode snapshotMode = SnapshotMode.INITIAL;

    @UriParam(label = "consumer")
    private String collections;

    @UriParam(label = "consumer")
    private String excludeCollections;

    @UriParam(label = "consumer")
    private String operationTypes;

    @UriParam(label = "consumer", defaultValue = "FAIL")
    private PositionLostPolicy positionLostPolicy = PositionLostPolicy.FAIL;

    @UriParam(label = "consumer", defaultValue = "FAIL")
    private UnknownMarkerPolicy unknownMarkerPolicy = UnknownMarkerPolicy.FAIL;

    @UriParam(label = "consumer", defaultValue = "FOLLOW")
    private CollectionRenamePolicy collectionRenamePolicy = CollectionRenamePolicy.FOLLOW;

    @UriParam(label = "consumer", defaultValue = "FAIL")
    private BadLinePolicy badLinePolicy = BadLinePolicy.FAIL;

    @UriParam(label = "consumer", defaultValue = "native", enums = "native,debezium")
    private String envelope = "native";

    @UriParam(label = "consumer", defaultValue = "UPDATE")
    private UpsertOp upsertOp = UpsertOp.UPDATE;

    @UriParam(label = "consumer", defaultValue = "String", enums = "String,bytes,Map,JsonNode")
    private String bodyType = "String";

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean tombstoneOnDelete;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean notifications;

    @UriParam(label = "consumer")
    private StateRepository<String, String> offsetRepository;

    @UriParam(label = "consumer")
    private String offsetKey;

    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration")
    private long offsetKeyWaitTimeout = 60_000L;

    @UriParam(label = "consumer", defaultValue = DEFAULT_OFFSET_FILE)
    private String offsetFile = DEFAULT_OFFSET_FILE;

    @UriParam(label = "consumer", defaultValue = "500")
    private int maxEventsPerPoll = 500;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean batching;

    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration")
    private long commitInterval;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean dumpChunks;

    @UriParam(label = "consumer,advanced", defaultValue = "100000")
    @Deprecated
    private int maxTransactionEvents = 100_000;

    @UriParam(label = "consumer,advanced", defaultValue = "16777216")
    private long transactionBufferSize = 16L * 1024 * 1024;

    @UriParam(label = "consumer,advanced", defaultValue = "600000", javaType = "java.time.Duration")
    private long batchTtl = 600_000L;

    @UriParam(label = "consumer,advanced", defaultValue = "131072")
    private int snapshotChunkSize = 128 * 1024;

    @UriParam(label = "consumer,advanced", defaultValue = "2097152")
    private int snapshotMaxChunkSize = 2 * 1024 * 1024;

    @UriParam(label = "consumer,advanced", defaultValue = "1")
    private int snapshotParallelism = 1;

    @UriParam(label = "consumer,advanced", defaultValue = "1")
    private int parallelShards = 1;

    @UriParam(label = "consumer,advanced", defaultValue = "1048576")
    private int tailChunkSize = 1024 * 1024;

    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean tailPrefetch = true;

    @UriParam(label = "consumer,advanced", defaultValue = "50", javaType = "java.time.Duration")
    private long idleMinWait = 50L;

    @UriParam(label = "consumer,advanced", defaultValue = "90", javaType = "java.time.Duration")
    private long idleMaxWait = 90L;

    @UriParam(label = "consumer,advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long registrationInterval = 10_000L;

    @UriParam(label = "consumer,advanced", defaultValue = "false")
    private boolean unregisterOnStop;

    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration")
    private long heartbeatInterval;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean heartbeatExchange;

    @UriParam(label = "consumer,security", secret = true)
    private String jwtSecret;

    @UriParam(label = "consumer,advanced", defaultValue = "15000", javaType = "java.time.Duration")
    private long dbServerUnreachableTimeout = 15_000L;

    @UriParam(label = "consumer,advanced", defaultValue = "2000", javaType = "java.time.Duration")
    private long topologyRefreshInterval = 2_000L;

    /** Checks every option; those the engine reads are checked by the engine, by building its options once. */
    @Override
    public void validate() {
        isDebezium();
        bodyType();
        Require.positive("maxEventsPerPoll", maxEventsPerPoll);
        Require.nonNegative("commitInterval", commitInterval);
        if (offsetKey != null) {
            Require.notBlank("offsetKey", offsetKey);
        }
        if (offsetKeyWaitTimeout < 0) {
            throw Require.invalid("offsetKeyWaitTimeout", Duration.ofMillis(offsetKeyWaitTimeout), "a duration of 0 or more (0: the "
                    + "start fails at once while another stream holds the offsetKey)");
        }
        if (offsetRepository == null && (offsetFile == null || offsetFile.isBlank())) {
            throw Require.invalid("offsetFile", offsetFile, "a file path (or set offsetRepository)");
        }
        Require.between("snapshotChunkSize", snapshotChunkSize, 1, ChangeStreamOptions.MAX_CHUNK_SIZE, "bytes");
        Require.between("snapshotMaxChunkSize", snapshotMaxChunkSize, MIN_MAX_DUMP_CHUNK, ChangeStreamOptions.MAX_CHUNK_SIZE,
                "bytes");
        EngineOptions.of(this, "validation", snapshotMode, false);
        Require.between("parallelShards", parallelShards, 1, MAX_PARALLEL_SHARDS, "shards delivered at once");
        Require.positive("dbServerUnreachableTimeout", dbServerUnreachableTimeout);
        if (jwtSecret != null && jwtSecret.isBlank()) {
            throw Require.invalid("jwtSecret", "", "the JWT secret of the cluster, a non-blank text (or leave it unset)");
        }
        if (heartbeatExchange && heartbeatInterval == 0) {
            throw Require.invalid("heartbeatExchange", true, "false unless heartbeatInterval is above 0 (the "
                    + "interval of the heartbeats it sends)");
        }
    }

    /**
     * Whether the envelope option asks for Debezium JSON rather than the native body.
     *
     * @throws IllegalArgumentException when the envelope is neither native nor debezium
     */
    public boolean isDebezium() {
        String normalized = envelope == null ? "" : envelope.trim().toLowerCase(Locale.ROOT);
        if (!NATIVE.equals(normalized) && !DEBEZIUM.equals(normalized)) {
            throw Require.invalid("envelope", envelope, "native or debezium");
        }
        return DEBEZIUM.equals(normalized);
    }

    /**
     * The Java type of the body the bodyType option names.
     *
     * @throws IllegalArgumentException when it names none
     */
    BodyType bodyType() {
        return BodyType.of(bodyType);
    }

    public SnapshotMode getSnapshotMode() {
        return snapshotMode;
    }

    /**
     * When the changes consumer dumps the collections before it tails the write-ahead log: INITIAL (when no position
     * is stored, then tail), NEVER (tail from the stored position or the server's current tick), INITIAL_ONLY (a
     * snapshot when no position is stored, then nothing more), WHEN_NEEDED (when no position is stored or the stored
     * one was lost) or ALWAYS (at every start).
     */
    public void setSnapshotMode(SnapshotMode snapshotMode) {
        this.snapshotMode = snapshotMode;
    }

    public String getCollections() {
        return collections;
    }

    /**
     * Comma separated names of the collections to capture (changes) or dump (dump); all collections of the database
     * when not set. A single collection is also pushed to the server as the tail's collection filter. The changes
     * consumer follows a captured collection by its identity when it is renamed (see collectionRenamePolicy).
     */
    public void setCollections(String collections) {
        this.collections = collections;
    }

    public String getExcludeCollections() {
        return excludeCollections;
    }

    /**
     * Comma separated names of collections never to capture or dump; wins over collections.
     */
    public void setExcludeCollections(String excludeCollections) {
        this.excludeCollections = excludeCollections;
    }

    public String getOperationTypes() {
        return operationTypes;
    }

    /**
     * Comma separated change types the changes consumer delivers, all when not set: SNAPSHOT_READ, UPSERT, DELETE,
     * COLLECTION_CREATE, COLLECTION_DROP, COLLECTION_RENAME, COLLECTION_CHANGE, COLLECTION_TRUNCATE, INDEX_CREATE,
     * INDEX_DROP, VIEW_CREATE, VIEW_DROP, VIEW_CHANGE, DATABASE_CREATE, DATABASE_DROP (GAP and SKIPPED events are always
     * delivered, UNKNOWN ones as unknownMarkerPolicy says). The write-ahead log writes inserts, updates and replaces
     * alike: all are UPSERT.
     */
    public void setOperationTypes(String operationTypes) {
        this.operationTypes = operationTypes;
    }

    public PositionLostPolicy getPositionLostPolicy() {
        return positionLostPolicy;
    }

    /**
     * What the changes consumer does when its position is gone (the server purged the write-ahead log past it, or the
     * dump batch of a running snapshot expired): FAIL (stop delivering, report the consumer DOWN with what happened
     * and how to recover), RESNAPSHOT (take a new snapshot; an expired batch resumes the snapshot) or SKIP (deliver
     * one GAP event and continue from the server's current tick).
     */
    public void setPositionLostPolicy(PositionLostPolicy positionLostPolicy) {
        this.positionLostPolicy = positionLostPolicy;
    }

    public UnknownMarkerPolicy getUnknownMarkerPolicy() {
        return unknownMarkerPolicy;
    }

    /**
     * What the changes consumer does with a write-ahead log marker it does not know (no type, a type that is not a
     * number, an unknown code, or a code without a change of its own such as the legacy edge marker 2301) of a
     * captured collection or of none: FAIL (stop after delivering the changes before it, report the consumer DOWN
     * naming its tick, type and database), DELIVER (deliver it as a change of type UNKNOWN whose body is the whole
     * marker) or SKIP (go on, with a WARN line per type and the UnknownMarkers count).
     */
    public void setUnknownMarkerPolicy(UnknownMarkerPolicy unknownMarkerPolicy) {
        this.unknownMarkerPolicy = unknownMarkerPolicy;
    }

    public CollectionRenamePolicy getCollectionRenamePolicy() {
        return collectionRenamePolicy;
    }

    /**
     * What the changes consumer does when a collection it captures is renamed to a name the collections and
     * excludeCollections options do not capture (the rename itself is always delivered, as a COLLECTION_RENAME
     * change naming the new and the old name): FOLLOW (keep capturing it under its new name, also after a restart)
     * or FAIL (stop after the rename, report the consumer DOWN naming both names; restart with collections naming the
     * new name and the same offsetKey to go on).
     */
    public void setCollectionRenamePolicy(CollectionRenamePolicy collectionRenamePolicy) {
        this.collectionRenamePolicy = collectionRenamePolicy;
    }

    public BadLinePolicy getBadLinePolicy() {
        return badLinePolicy;
    }

    /**
     * What the changes consumer does with a line of a snapshot (dump) or write-ahead log answer it cannot read (not
     * JSON, invalid UTF-8, nested deeper than the parser allows): FAIL (stop once after delivering the changes before
     * it, report the consumer DOWN naming the tick or the collection and the line, and the ways out; the line is not
     * read again until a restart) or SKIP (deliver a SKIPPED change in its place, whose body names the reason, the
     * tick or collection and the line's first 200 bytes, counted in eventsByType, and go on without the change it
     * held).
     */
    public void setBadLinePolicy(BadLinePolicy badLinePolicy) {
        this.badLinePolicy = badLinePolicy;
    }

    public String getEnvelope() {
        return envelope;
    }

    /**
     * The body of a change: native (the document for snapshot rows and upserts, {_key,_rev} for deletes, the marker
     * data for collection, index, view and database changes) or debezium (a Debezium-compatible value with before,
     * after, op, source, ts_ms and transaction); bodyType says as which Java type.
     */
    public void setEnvelope(String envelope) {
        this.envelope = envelope;
    }

    public String getBodyType() {
        return bodyType;
    }

    /**
     * The Java type of the body of a change (changes) or document (dump): String (default: the JSON text as the
     * server wrote it, no re-serialisation; what camel-kafka's default StringSerializer, files and queues take), bytes
     * (its UTF-8 bytes), Map or JsonNode (parsed, numbers kept exact: BigInteger and BigDecimal where a long or double
     * would round). The message converts between them: body(Map.class) works on every type.
     */
    public void setBodyType(String bodyType) {
        this.bodyType = bodyType;
    }

    public UpsertOp getUpsertOp() {
        return upsertOp;
    }

    /**
     * The Debezium op of an upsert: UPDATE (u) or CREATE (c). ArangoDB's write-ahead log does not tell an insert from
     * an update, so neither is a fact about the change; source.upsert is true either way.
     */
    public void setUpsertOp(UpsertOp upsertOp) {
        this.upsertOp = upsertOp;
    }

    public boolean isTombstoneOnDelete() {
        return tombstoneOnDelete;
    }

    /**
     * Whether a delete is followed by a tombstone exchange: a null body with the delete's headers (the document in
     * CamelArangoReplicationDocumentId, collection/_key: the record key for Kafka log compaction) and
     * CamelArangoReplicationTombstone true.
     */
    public void setTombstoneOnDelete(boolean tombstoneOnDelete) {
        this.tombstoneOnDelete = tombstoneOnDelete;
    }

    public boolean isNotifications() {
        return notifications;
    }

    /**
     * Whether the changes consumer also sends its notifications to the route, in line with the changes: the snapshot
     * STARTED, each COLLECTION_COMPLETED with its document count, COMPLETED or ABORTED, a LOST position and the
     * POLICY_APPLIED to it. Such an exchange carries the header CamelArangoReplicationNotification (the type) and a
     * body with Debezium's notification fields (id, aggregate_type, type, additional_data, timestamp) as the
     * bodyType; it moves no position, and when it fails it is sent again before any later change. The same
     * notifications are JMX notifications whatever this option says.
     */
    public void setNotifications(boolean notifications) {
        this.notifications = notifications;
    }

    public StateRepository<String, String> getOffsetRepository() {
        return offsetRepository;
    }

    /**
     * The store of the changes consumer's position (committed after each exchange completed without failure). When
     * not set, a file store at offsetFile is used.
     */
    public void setOffsetRepository(StateRepository<String, String> offsetRepository) {
        this.offsetRepository = offsetRepository;
    }

    public String getOffsetKey() {
        return offsetKey;
    }

    /**
     * The key of the position in the offset repository; by default changes:host:port/database/collections, a
     * question mark and a digest (collections sorted, an asterisk for all, !excluded ones appended; the digest covers
     * operationTypes and includeSystem), so streams that read other servers or select other changes keep their own
     * positions. Only one running changes consumer may use a key of a store: a second one waits for it
     * (offsetKeyWaitTimeout) or fails to start, naming the route (or, on the default file store, the process) that
     * owns it.
     */
    public void setOffsetKey(String offsetKey) {
        this.offsetKey = offsetKey;
    }

    public long getOffsetKeyWaitTimeout() {
        return offsetKeyWaitTimeout;
    }

    /**
     * How long a changes consumer whose offsetKey another stream holds waits for it (another deployment, or under
     * ClusteredRoutePolicy the old leader that has not released it yet: a killed one until its lease ran out, a
     * stopping one until its last poll committed). It starts without the key and tries to claim it at each poll, at
     * most once a second; until it holds it, it delivers nothing, creates no stream at the server and its health
     * check is DOWN naming the key and the holder. Once it holds the key it reads the position from the store and
     * continues from there. After the timeout it gives up: health DOWN and an ERROR naming the key and the holder,
     * until the route is restarted. 0 fails the start at once instead. The default, one minute, covers the default
     * lease of the shared stores (30 seconds) and the last poll of a stopping holder.
     */
    public void setOffsetKeyWaitTimeout(long offsetKeyWaitTimeout) {
        this.offsetKeyWaitTimeout = offsetKeyWaitTimeout;
    }

    public String getOffsetFile() {
        return offsetFile;
    }

    /**
     * The file of the default offset repository, used when no offsetRepository is given; Camel property
     * placeholders such as {{sys:user.home}} (a system property) or {{env:HOME}} are resolved. Any number of
     * routes, CamelContexts and processes may share the file: each commit is written under a file lock and forced to
     * the disk.
     */
    public void setOffsetFile(String offsetFile) {
        this.offsetFile = offsetFile;
    }

    public int getMaxEventsPerPoll() {
        return maxEventsPerPoll;
    }

    /**
     * The most changes taken from the engine at once (changes) or documents put into one chunk exchange (dump with
     * dumpChunks); bounds the memory held between fetches.
     */
    public void setMaxEventsPerPoll(int maxEventsPerPoll) {
        this.maxEventsPerPoll = maxEventsPerPoll;
    }

    public boolean isBatching() {
        return batching;
    }

    /**
     * Whether the changes consumer sends one exchange per poll instead of one per change (as camel-kafka's batching):
     * its body is a List of Exchanges, one per change (at most maxEventsPerPoll; a tombstone with tombstoneOnDelete
     * adds its own), each with the headers and body a single exchange has; the batch exchange has the headers
     * CamelArangoReplicationBatchSize, CamelArangoReplicationBatchFirstTick, CamelArangoReplicationBatchLastTick and
     * the position it commits. The position is committed once the whole batch completed; a failure delivers the
     * whole batch again. Heartbeats and notifications stay exchanges of their own. With parallelShards above 1, one
     * batch exchange per shard (lane) of the poll.
     */
    public void setBatching(boolean batching) {
        this.batching = batching;
    }

    public long getCommitInterval() {
        return commitInterval;
    }

    /**
     * How often the changes consumer writes its position to the offset repository: 0, the default, once per poll
     * (after the last change of the poll was delivered, so a crash delivers at most one poll's changes again); above
     * 0, at most once per interval, for stores whose writes are slow (a crash then delivers again what was delivered
     * since the last write). Either way the position written is the one of the last change whose exchange completed,
     * and it is written also when an exchange fails and when the consumer stops.
     */
    public void setCommitInterval(long commitInterval) {
        this.commitInterval = commitInterval;
    }

    public boolean isDumpChunks() {
        return dumpChunks;
    }

    /**
     * Whether the dump consumer sends one exchange per chunk (a List of documents of one collection, at most
     * maxEventsPerPoll) instead of one per document.
     */
    public void setDumpChunks(boolean dumpChunks) {
        this.dumpChunks = dumpChunks;
    }

    @Deprecated
    public int getMaxTransactionEvents() {
        return maxTransactionEvents;
    }

    /**
     * Deprecated: the memory of open transactions is bounded in bytes by transactionBufferSize. The most changes of
     * open write-ahead log transactions held in memory until their commit; a transaction that would take more is
     * delivered as its changes come, as for transactionBufferSize (it no longer fails the consumer).
     */
    @Deprecated
    public void setMaxTransactionEvents(int maxTransactionEvents) {
        this.maxTransactionEvents = maxTransactionEvents;
    }

    public long getTransactionBufferSize() {
        return transactionBufferSize;
    }

    /**
     * The most bytes of write-ahead log markers of open transactions held in memory until their commit (16 MiB by
     * default), so that a transaction is delivered once committed. A transaction that would take more is delivered
     * as its changes come; its changes carry the position from before the transaction until its commit, so a stop
     * or crash in it delivers it again whole from its start.
     */
    public void setTransactionBufferSize(long transactionBufferSize) {
        this.transactionBufferSize = transactionBufferSize;
    }

    public long getBatchTtl() {
        return batchTtl;
    }

    /**
     * How long the server keeps a dump batch (snapshot) after its last use; the consumers extend it while dumping
     * and always delete it. At least 3 seconds.
     */
    public void setBatchTtl(long batchTtl) {
        this.batchTtl = batchTtl;
    }

    public int getSnapshotChunkSize() {
        return snapshotChunkSize;
    }

    /**
     * The size in bytes of the first dump chunk of a collection; later chunks grow by a quarter up to
     * snapshotMaxChunkSize (or this size, when larger).
     */
    public void setSnapshotChunkSize(int snapshotChunkSize) {
        this.snapshotChunkSize = snapshotChunkSize;
    }

    public int getSnapshotMaxChunkSize() {
        return snapshotMaxChunkSize;
    }

    /**
     * The largest dump chunk in bytes (16 KiB to 128 MiB). A chunk is read whole and held in memory as parsed
     * documents (several times its size) until its changes are delivered, so this bounds the snapshot's heap; larger
     * chunks mean fewer requests, which helps small documents. If snapshotChunkSize is larger, it is the maximum.
     */
    public void setSnapshotMaxChunkSize(int snapshotMaxChunkSize) {
        this.snapshotMaxChunkSize = snapshotMaxChunkSize;
    }

    /**
     * Checks the changes consumer's snapshotParallelism against the client's pool of {@code maxConnections}: each
     * collection dumped at once holds a pooled connection, beside the poll's own call and the batch's keep-alive, so a
     * smaller pool would leave dump calls waiting for a connection until they time out.
     */
    public void validateConnections(int maxConnections) {
        if (snapshotParallelism > 1 && snapshotParallelism + 2 > maxConnections) {
            throw Require.invalid("snapshotParallelism", snapshotParallelism, "at most maxConnections - 2 = "
                    + (maxConnections - 2) + " (each collection dumped at once holds one of the maxConnections pooled "
                    + "connections, beside the poll's call and the batch's keep-alive); raise maxConnections or lower "
                    + "snapshotParallelism");
        }
    }

    public int getSnapshotParallelism() {
        return snapshotParallelism;
    }

    /**
     * How many collections the changes consumer's snapshot dumps at once (1 to 16; default 1, one after the other;
     * the dump consumer dumps one at a time). Each collection's documents arrive in dump order, but the collections'
     * chunks interleave: a route sees a run of one collection's documents, then a run of another's, in the order
     * their dump answers came. Each collection has its next chunk on its way while the route processes the one
     * before, so up to this many chunks of snapshotMaxChunkSize bytes are held besides the one being delivered. A
     * restart dumps again every collection not completed. Above 1, maxConnections must be at least this plus 2.
     */
    public void setSnapshotParallelism(int snapshotParallelism) {
        this.snapshotParallelism = snapshotParallelism;
    }

    public int getParallelShards() {
        return parallelShards;
    }

    /**
     * How many shards the changes consumer delivers at once (1 to 64; default 1, one stream in the engine's order).
     * Above 1, each poll's changes are split into lanes, one per shard of a cluster (per collection on a single
     * server; changes of neither, as a gap, share one lane), and up to this many lanes are delivered at the same time
     * on threads of the consumer (ArangoReplicationShardLanes), each lane in order: one exchange per change, or with
     * batching one batch exchange per lane. The order of each shard (and so of each document) holds, none across
     * shards. The poll waits for every lane, then commits the position of the changes before the first one, in the
     * engine's order, that was not delivered; a failed exchange stops its lane, the other lanes stop before their next
     * change, and every change after the first one not delivered comes again, also those other lanes delivered
     * (at-least-once). For sinks whose calls are slow, as Kafka producers or HTTP calls per change.
     */
    public void setParallelShards(int parallelShards) {
        this.parallelShards = parallelShards;
    }

    public int getTailChunkSize() {
        return tailChunkSize;
    }

    /**
     * The approximate size in bytes of one write-ahead log tail response (16 KiB to 128 MiB).
     */
    public void setTailChunkSize(int tailChunkSize) {
        this.tailChunkSize = tailChunkSize;
    }

    public boolean isTailPrefetch() {
        return tailPrefetch;
    }

    /**
     * Whether the consumer asks the write-ahead log for the next response while the route processes the changes of
     * the previous one, when the server said more is waiting. It holds at most one response ahead (about
     * tailChunkSize bytes) on a thread of its own; a failed exchange or a stop drops it. Turn it off to keep one
     * request at a time per consumer.
     */
    public void setTailPrefetch(boolean tailPrefetch) {
        this.tailPrefetch = tailPrefetch;
    }

    public long getIdleMinWait() {
        return idleMinWait;
    }

    /**
     * The shortest time between two write-ahead log requests (counted from the start of one to the start of the
     * next) after an answer with changes, when the server had no more; it doubles per empty answer up to idleMaxWait.
     * A change written under steady load waits about this long before it is read.
     */
    public void setIdleMinWait(long idleMinWait) {
        this.idleMinWait = idleMinWait;
    }

    public long getIdleMaxWait() {
        return idleMaxWait;
    }

    /**
     * The longest time between two write-ahead log requests (from the start of one to the start of the next) while
     * nothing changes: an idle consumer asks once per idleMaxWait (about 11 times a second with the default 90 ms),
     * and a change written after a quiet period waits at most about this long before it is read (the write-ahead log
     * API has no long poll). Raise it to make many idle consumers cheaper at the cost of that latency.
     */
    public void setIdleMaxWait(long idleMaxWait) {
        this.idleMaxWait = idleMaxWait;
    }

    public long getRegistrationInterval() {
        return registrationInterval;
    }

    /**
     * The least time between two registrations of the changes consumer at the server while its committed position
     * moves. The consumer is registered as a replication client at its committed position (during a snapshot: the
     * snapshot's tick), never ahead of it, so that the server keeps the write-ahead log it still needs; the server
     * keeps a registration for its client TTL (7200 s by default) after the last one, and the consumer renews it at
     * least every 10 minutes.
     */
    public void setRegistrationInterval(long registrationInterval) {
        this.registrationInterval = registrationInterval;
    }

    public boolean isUnregisterOnStop() {
        return unregisterOnStop;
    }

    /**
     * Whether the changes consumer removes its registration at the server when it stops (DELETE /_api/wal/tail, on
     * servers that offer it). By default the registration stays at the committed position, so that the server keeps
     * the write-ahead log from there for its client TTL (7200 s by default) and a restart within it misses nothing;
     * set it for a consumer that will not come back, so that the server may purge that log sooner.
     */
    public void setUnregisterOnStop(boolean unregisterOnStop) {
        this.unregisterOnStop = unregisterOnStop;
    }

    public long getHeartbeatInterval() {
        return heartbeatInterval;
    }

    /**
     * Time between two heartbeats of the changes consumer while it captures nothing (as Debezium's
     * heartbeat.interval.ms); 0, the default, gives none. A heartbeat commits the position the server reports as
     * scanned (it moves while other databases are written) and moves the consumer's registration at the server
     * there, so that the server may purge its write-ahead log and the lag stays visible; with heartbeatExchange it is
     * also sent to the route, and committed only once that exchange completed. Without heartbeats the consumer saves
     * that position at every poll that moved it.
     */
    public void setHeartbeatInterval(long heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public boolean isHeartbeatExchange() {
        return heartbeatExchange;
    }

    /**
     * Whether each heartbeat (see heartbeatInterval) is also sent to the route as an exchange, for sinks that track
     * the liveness of the stream: a null body, the header CamelArangoReplicationHeartbeat set to true, and the tick and
     * position headers of the position it commits once it completed.
     */
    public void setHeartbeatExchange(boolean heartbeatExchange) {
        this.heartbeatExchange = heartbeatExchange;
    }

    public String getJwtSecret() {
        return jwtSecret;
    }

    /**
     * The JWT secret of the ArangoDB cluster (the arangod option --server.jwt-secret), needed when a changes consumer
     * is pointed at a Coordinator: the consumer reads the write-ahead log of every DB-Server, which only a superuser
     * token signed with this secret may do. It grants superuser access to every DB-Server of the cluster: keep it in
     * a vault and refer to it as a Camel property ({{arango.jwtSecret}}). Masked in URIs, never logged. Ignored, with a
     * warning, when the server is a single server.
     */
    public void setJwtSecret(String jwtSecret) {
        this.jwtSecret = jwtSecret;
    }

    public long getDbServerUnreachableTimeout() {
        return dbServerUnreachableTimeout;
    }

    /**
     * How long a DB-Server of a cluster may stay unreachable, or a captured shard without a known leader, before the
     * changes consumer's health check turns DOWN naming the server or shard (the consumer keeps retrying and resumes
     * when it answers). The default, 15 seconds, is the time after which ArangoDB's agency declares a DB-Server FAILED
     * and moves its shards' leadership.
     */
    public void setDbServerUnreachableTimeout(long dbServerUnreachableTimeout) {
        this.dbServerUnreachableTimeout = dbServerUnreachableTimeout;
    }

    public long getTopologyRefreshInterval() {
        return topologyRefreshInterval;
    }

    /**
     * How often a changes consumer on a cluster reads the cluster's topology (who leads each shard) again through the
     * Coordinator, to notice a leader change (a fail-over, a moved shard), at which it stops loudly; sooner, every
     * 250 milliseconds, while a DB-Server does not answer. A shorter interval notices a change sooner at the cost of
     * three Coordinator requests per read. Ignored on a single server.
     */
    public void setTopologyRefreshInterval(long topologyRefreshInterval) {
        this.topologyRefreshInterval = topologyRefreshInterval;
    }
}
