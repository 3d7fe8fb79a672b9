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
package io.github.camelarango.replication;

import org.apache.camel.spi.Metadata;

/**
 * The Camel message headers of the {@code arango-replication} component. Request headers override the endpoint option
 * of the same name for one message; result headers carry the server's {@code x-arango-replication-*} response
 * headers.
 */
public final class ArangoReplicationConstants {

    @Metadata(label = "producer", description = "The operation to call for this message; overrides the operation in the endpoint URI. "
                                                  + ArangoReplicationOperation.DESCRIBED,
              javaType = "io.github.camelarango.replication.ArangoReplicationOperation")
    public static final String OPERATION = "CamelArangoReplicationOperation";

    // --- results: the x-arango-replication-* response headers of dump and walTail

    @Metadata(description = "Whether the server has more data for a following call (x-arango-replication-checkmore).",
              javaType = "java.lang.Boolean")
    public static final String CHECK_MORE = "CamelArangoReplicationCheckMore";
    @Metadata(description = "The tick of the last marker in the answer, or the dump chunk counter; 0 when the answer is empty, never use 0 as the next from (x-arango-replication-lastincluded).",
              javaType = "java.lang.String")
    public static final String LAST_INCLUDED = "CamelArangoReplicationLastIncluded";
    @Metadata(description = "The write-ahead log position the server read up to (x-arango-replication-lastscanned); as a request header it overrides the lastScanned option, so a walTail loop can send it back as is.",
              javaType = "java.lang.String")
    public static final String LAST_SCANNED = "CamelArangoReplicationLastScanned";
    @Metadata(description = "The latest tick in the server's write-ahead log when it answered (x-arango-replication-lasttick).",
              javaType = "java.lang.String")
    public static final String LAST_TICK = "CamelArangoReplicationLastTick";
    @Metadata(description = "Whether the write-ahead log still contained the requested from tick; false with a from above 0 means changes may have been lost (x-arango-replication-frompresent).",
              javaType = "java.lang.Boolean")
    public static final String FROM_PRESENT = "CamelArangoReplicationFromPresent";
    @Metadata(description = "Whether the server's replication logger is active (x-arango-replication-active); absent when the server does not send it.",
              javaType = "java.lang.Boolean")
    public static final String ACTIVE = "CamelArangoReplicationActive";

    // --- request: one header per option that a message may override

    @Metadata(label = "producer", description = "The server id (unsigned 64-bit decimal) under which this client registers with the server (batch creation and WAL tailing), so the server keeps the write-ahead log it still needs. Overrides the serverId option for this message.", javaType = "java.lang.String")
    public static final String SERVER_ID = "CamelArangoReplicationServerId";

    @Metadata(label = "producer", description = "The syncer id (unsigned 64-bit decimal) under which this client registers with the server (batch creation and WAL tailing). Overrides the syncerId option for this message.", javaType = "java.lang.String")
    public static final String SYNCER_ID = "CamelArangoReplicationSyncerId";

    @Metadata(label = "producer", description = "A free text shown in the server's list of replication clients (logger state). Overrides the clientInfo option for this message.", javaType = "java.lang.String")
    public static final String CLIENT_INFO = "CamelArangoReplicationClientInfo";

    @Metadata(label = "producer", description = "The id of the dump batch (snapshot) used by inventory, dump, extendDumpBatch, deleteDumpBatch and the revision operations. Overrides the batchId option for this message.", javaType = "java.lang.String")
    public static final String BATCH_ID = "CamelArangoReplicationBatchId";

    @Metadata(label = "producer", description = "The time to live of a dump batch in seconds, for createDumpBatch and extendDumpBatch; the server default (7200) when not set. Must not be negative. Overrides the ttl option for this message.", javaType = "java.lang.Integer")
    public static final String TTL = "CamelArangoReplicationTtl";

    @Metadata(description = "The collection name for dump, inventory, walTail and the revision operations. Overrides the collection option for this message. Consumers set it to the collection of the change or document (absent for changes that concern no collection).", javaType = "java.lang.String")
    public static final String COLLECTION = "CamelArangoReplicationCollection";

    @Metadata(label = "producer", description = "The approximate maximum response size in bytes for dump and walTail (and the applier's chunk size for setApplierConfig, synchronize and makeSlave). Must not be negative. Overrides the chunkSize option for this message.", javaType = "java.lang.Long")
    public static final String CHUNK_SIZE = "CamelArangoReplicationChunkSize";

    @Metadata(label = "producer", description = "Whether system collections are included (inventory, clusterInventory, walTail, synchronize, applier settings); the server default when not set. Overrides the includeSystem option for this message.", javaType = "java.lang.Boolean")
    public static final String INCLUDE_SYSTEM = "CamelArangoReplicationIncludeSystem";

    @Metadata(label = "producer", description = "Whether inventory, walTail and the applier operations cover all databases (python-arango: all_databases); only allowed when database is _system. Overrides the global option for this message.", javaType = "java.lang.Boolean")
    public static final String GLOBAL = "CamelArangoReplicationGlobal";

    @Metadata(label = "producer", description = "Whether dump and walTail parse the returned lines: true gives a list of documents (dump) or markers (walTail) as Maps, false gives the raw newline-delimited JSON as an InputStream. Overrides the deserialize option for this message.", javaType = "java.lang.Boolean")
    public static final String DESERIALIZE = "CamelArangoReplicationDeserialize";

    @Metadata(label = "producer", description = "The exclusive lower tick bound for walTail and walOpenTransactions, and the start tick for startApplier (unsigned 64-bit decimal). Overrides the from option for this message.", javaType = "java.lang.String")
    public static final String FROM = "CamelArangoReplicationFrom";

    @Metadata(label = "producer", description = "The inclusive upper tick bound for walTail and walOpenTransactions (unsigned 64-bit decimal); must not be less than from. Overrides the to option for this message.", javaType = "java.lang.String")
    public static final String TO = "CamelArangoReplicationTo";

    @Metadata(label = "producer", description = "Whether dump wraps every document as {type:2300,data:document}; the server default (true) when not set. Overrides the useEnvelope option for this message.", javaType = "java.lang.Boolean")
    public static final String USE_ENVELOPE = "CamelArangoReplicationUseEnvelope";

    @Metadata(description = "The DB-Server a coordinator forwards createDumpBatch, extendDumpBatch, deleteDumpBatch, inventory and dump to (the DBserver query parameter); only for coordinators. Overrides the dbServer option for this message. The changes consumer of a cluster sets it to the id of the DB-Server (PRMR-...) the change was read from, the leader of its shard; absent on a single server.", javaType = "java.lang.String")
    public static final String DB_SERVER = "CamelArangoReplicationDbServer";

    @Metadata(label = "producer", description = "The revision to resume revisionRanges from, as returned in the resume field of a truncated answer. Overrides the resume option for this message.", javaType = "java.lang.String")
    public static final String RESUME = "CamelArangoReplicationResume";

    @Metadata(label = "producer", description = "The leader endpoint the applier, synchronize or makeSlave pulls from, for example tcp://leader:8529. Overrides the leaderEndpoint option for this message.", javaType = "java.lang.String")
    public static final String LEADER_ENDPOINT = "CamelArangoReplicationLeaderEndpoint";

    @Metadata(label = "producer", description = "The database on the leader; the local database name when not set. Overrides the leaderDatabase option for this message.", javaType = "java.lang.String")
    public static final String LEADER_DATABASE = "CamelArangoReplicationLeaderDatabase";

    @Metadata(label = "producer", description = "The user the applier uses to connect to the leader. Overrides the leaderUser option for this message.", javaType = "java.lang.String")
    public static final String LEADER_USER = "CamelArangoReplicationLeaderUser";

    @Metadata(label = "producer", description = "The password the applier uses to connect to the leader. Masked in URIs and logs. Overrides the leaderPassword option for this message.", javaType = "java.lang.String")
    public static final String LEADER_PASSWORD = "CamelArangoReplicationLeaderPassword";

    @Metadata(label = "producer", description = "Whether restrictCollections lists the collections to include or to exclude. Overrides the restrictType option for this message.", javaType = "java.lang.String")
    public static final String RESTRICT_TYPE = "CamelArangoReplicationRestrictType";

    @Metadata(label = "producer", description = "The comma separated collection names restrictType applies to. Overrides the restrictCollections option for this message.", javaType = "java.lang.String")
    public static final String RESTRICT_COLLECTIONS = "CamelArangoReplicationRestrictCollections";

    @Metadata(label = "producer", description = "Whether synchronize and the applier's initial sync fetch only the differences to local data. Overrides the incremental option for this message.", javaType = "java.lang.Boolean")
    public static final String INCREMENTAL = "CamelArangoReplicationIncremental";

    @Metadata(label = "producer", description = "Whether the applier starts automatically when the server starts. Overrides the autoStart option for this message.", javaType = "java.lang.Boolean")
    public static final String AUTO_START = "CamelArangoReplicationAutoStart";

    @Metadata(label = "producer", description = "Whether the applier polls the leader less often when there are no changes; the server default (true) when not set. Overrides the adaptivePolling option for this message.", javaType = "java.lang.Boolean")
    public static final String ADAPTIVE_POLLING = "CamelArangoReplicationAdaptivePolling";

    @Metadata(label = "producer", description = "Whether the applier performs a full resynchronisation when the leader no longer has the ticks it needs. Overrides the autoResync option for this message.", javaType = "java.lang.Boolean")
    public static final String AUTO_RESYNC = "CamelArangoReplicationAutoResync";

    @Metadata(label = "producer", description = "How many automatic resynchronisations the applier attempts in a row. Overrides the autoResyncRetries option for this message.", javaType = "java.lang.Integer")
    public static final String AUTO_RESYNC_RETRIES = "CamelArangoReplicationAutoResyncRetries";

    @Metadata(label = "producer", description = "How many connection attempts in a row the applier makes before it stops itself. Overrides the maxConnectRetries option for this message.", javaType = "java.lang.Integer")
    public static final String MAX_CONNECT_RETRIES = "CamelArangoReplicationMaxConnectRetries";

    @Metadata(label = "producer", description = "The applier's connect timeout to the leader in seconds. Overrides the applierConnectTimeout option for this message.", javaType = "java.lang.Double")
    public static final String APPLIER_CONNECT_TIMEOUT = "CamelArangoReplicationApplierConnectTimeout";

    @Metadata(label = "producer", description = "The applier's request timeout to the leader in seconds. Overrides the applierRequestTimeout option for this message.", javaType = "java.lang.Double")
    public static final String APPLIER_REQUEST_TIMEOUT = "CamelArangoReplicationApplierRequestTimeout";

    @Metadata(label = "producer", description = "The maximum time in seconds the initial synchronisation waits for a response from the leader. Overrides the initialSyncMaxWaitTime option for this message.", javaType = "java.lang.Double")
    public static final String INITIAL_SYNC_MAX_WAIT_TIME = "CamelArangoReplicationInitialSyncMaxWaitTime";

    @Metadata(label = "producer", description = "The time in seconds the applier waits before retrying a failed connection. Overrides the connectionRetryWaitTime option for this message.", javaType = "java.lang.Double")
    public static final String CONNECTION_RETRY_WAIT_TIME = "CamelArangoReplicationConnectionRetryWaitTime";

    @Metadata(label = "producer", description = "The minimum time in seconds the applier waits before polling again when there were no changes. Overrides the idleMinWaitTime option for this message.", javaType = "java.lang.Double")
    public static final String IDLE_MIN_WAIT_TIME = "CamelArangoReplicationIdleMinWaitTime";

    @Metadata(label = "producer", description = "The maximum time in seconds the applier waits before polling again when there were no changes (adaptive polling). Overrides the idleMaxWaitTime option for this message.", javaType = "java.lang.Double")
    public static final String IDLE_MAX_WAIT_TIME = "CamelArangoReplicationIdleMaxWaitTime";

    @Metadata(label = "producer", description = "Whether the applier stops when the leader no longer has the start tick in its write-ahead log; the server default (true) when not set. Overrides the requireFromPresent option for this message.", javaType = "java.lang.Boolean")
    public static final String REQUIRE_FROM_PRESENT = "CamelArangoReplicationRequireFromPresent";

    @Metadata(label = "producer", description = "Whether the applier logs every operation it applies. Overrides the verbose option for this message.", javaType = "java.lang.Boolean")
    public static final String VERBOSE = "CamelArangoReplicationVerbose";

    // --- consumers: set on every exchange of the changes, dump and loggerState consumers

    @Metadata(label = "consumer", description = "The write-ahead log tick of the change (unsigned 64-bit decimal); for snapshot rows and dump documents the snapshot tick, for loggerState the server's lastLogTick.", javaType = "java.lang.String")
    public static final String TICK = "CamelArangoReplicationTick";

    @Metadata(label = "consumer", description = "What happened: SNAPSHOT_READ (a document read by the snapshot), UPSERT (an insert, update or replace alike: the write-ahead log does not tell them apart), DELETE, a change of a collection (COLLECTION_CREATE, COLLECTION_DROP, COLLECTION_RENAME, COLLECTION_CHANGE of its properties, COLLECTION_TRUNCATE), an index (INDEX_CREATE, INDEX_DROP), a view (VIEW_CREATE, VIEW_DROP, VIEW_CHANGE) or a database (DATABASE_CREATE, DATABASE_DROP), GAP (changes were lost and skipped under positionLostPolicy SKIP), SKIPPED (a line the consumer could not read, skipped under badLinePolicy SKIP), or UNKNOWN (a write-ahead log marker the component does not know, unknownMarkerPolicy DELIVER).", javaType = "io.github.camelarango.replication.cdc.ChangeType")
    public static final String CHANGE_TYPE = "CamelArangoReplicationChangeType";

    @Metadata(label = "consumer", description = "The write-ahead log marker type of the change (2300 document, 2302 remove, 2000 collection create, ...); 0 for snapshot rows and gaps, and for an UNKNOWN marker without a numeric type.", javaType = "java.lang.Integer")
    public static final String MARKER_TYPE = "CamelArangoReplicationMarkerType";

    @Metadata(label = "consumer", description = "On a COLLECTION_RENAME: the name the collection had before (the new one is in CamelArangoReplicationCollection); absent when the stream never knew it.", javaType = "java.lang.String")
    public static final String OLD_COLLECTION = "CamelArangoReplicationOldCollection";

    @Metadata(label = "consumer", description = "The database of the change or document.", javaType = "java.lang.String")
    public static final String DATABASE = "CamelArangoReplicationDatabase";

    @Metadata(label = "consumer", description = "On a change of a cluster (the changes consumer pointed at a Coordinator): the shard that holds the document (s10001, ...); the collection header still names the collection. Absent on a single server.", javaType = "java.lang.String")
    public static final String SHARD = "CamelArangoReplicationShard";

    @Metadata(label = "consumer", description = "On a change of a cluster: the short name of the DB-Server the change was read from (DBServer0001, ...), whose id is in CamelArangoReplicationDbServer. Absent on a single server.", javaType = "java.lang.String")
    public static final String DB_SERVER_NAME = "CamelArangoReplicationDbServerName";

    @Metadata(label = "consumer", description = "The _key of the document changed, as the document has it (without its collection: see CamelArangoReplicationDocumentId); absent for changes that concern no document.", javaType = "java.lang.String")
    public static final String KEY = "CamelArangoReplicationKey";

    @Metadata(label = "consumer", description = "The document's identity across collections: the collection name and the _key joined by a slash, the form of ArangoDB's _id (orders/1), on every document change and tombstone; absent for changes that concern no document. Use it as the record key of a topic or table that several collections share: the bare _key of orders/1 and customers/1 is the same.", javaType = "java.lang.String")
    public static final String DOCUMENT_ID = "CamelArangoReplicationDocumentId";

    @Metadata(label = "consumer", description = "The _rev of the document: the new revision of an upsert, the removed revision of a delete.", javaType = "java.lang.String")
    public static final String REV = "CamelArangoReplicationRev";

    @Metadata(label = "consumer", description = "The write-ahead log transaction id of a change made by a multi-document transaction; absent for standalone operations.", javaType = "java.lang.String")
    public static final String TRANSACTION_ID = "CamelArangoReplicationTransactionId";

    @Metadata(label = "consumer", description = "Whether the change is a row read by the snapshot (dump) rather than from the write-ahead log.", javaType = "java.lang.Boolean")
    public static final String SNAPSHOT = "CamelArangoReplicationSnapshot";

    @Metadata(label = "consumer", description = "True on the tombstone exchange (null body) that follows a delete when tombstoneOnDelete is set.", javaType = "java.lang.Boolean")
    public static final String TOMBSTONE = "CamelArangoReplicationTombstone";

    @Metadata(label = "consumer", description = "True on a heartbeat exchange of the changes consumer (heartbeatInterval with heartbeatExchange): a null body, no change, only the tick and position headers of the position committed once it completed.", javaType = "java.lang.Boolean")
    public static final String HEARTBEAT = "CamelArangoReplicationHeartbeat";

    @Metadata(label = "consumer", description = "The position the changes consumer commits once this exchange completed without failure (JSON, as kept in the offset repository); with a commitInterval it is written at the first commit after that. On a batch exchange (batching) the position of its last change.", javaType = "java.lang.String")
    public static final String POSITION = "CamelArangoReplicationPosition";

    @Metadata(label = "consumer", description = "On a batch exchange of the changes consumer (batching): how many exchanges its List body holds (one per change, and the tombstones with tombstoneOnDelete).", javaType = "java.lang.Integer")
    public static final String BATCH_SIZE = "CamelArangoReplicationBatchSize";

    @Metadata(label = "consumer", description = "On a batch exchange of the changes consumer (batching): the tick of its first change (unsigned 64-bit decimal).", javaType = "java.lang.String")
    public static final String BATCH_FIRST_TICK = "CamelArangoReplicationBatchFirstTick";

    @Metadata(label = "consumer", description = "On a batch exchange of the changes consumer (batching): the tick of its last change (unsigned 64-bit decimal).", javaType = "java.lang.String")
    public static final String BATCH_LAST_TICK = "CamelArangoReplicationBatchLastTick";

    @Metadata(label = "consumer", description = "Set on the notification exchanges of the changes consumer (option notifications) instead of the change headers: the notification's type, STARTED, COLLECTION_COMPLETED, COMPLETED or ABORTED (aggregate_type Snapshot), LOST or POLICY_APPLIED (aggregate_type Position). The body holds Debezium's notification fields id, aggregate_type, type, additional_data and timestamp.", javaType = "java.lang.String")
    public static final String NOTIFICATION = "CamelArangoReplicationNotification";

    private ArangoReplicationConstants() {
    }
}
