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
 * The ArangoDB replication HTTP API, one method per endpoint, named after the operation (see
 * {@link ReplicationOperation}). Free of Camel types.
 * <p>
 * Every call targets {@link #database()} (the configured database unless this is a {@link #withDatabase(String)}
 * view). Before a call the client checks, from {@link #serverInfo()}, that the server's version and role offer the
 * operation and refuses it otherwise with an {@link ArangoOperationUnavailableException} naming what to use instead.
 * Request records validate their arguments when constructed ({@link IllegalArgumentException} naming the parameter,
 * the value and what is allowed). Server errors and connection failures are {@link ArangoReplicationException}s.
 * <p>
 * Implementations are thread-safe. {@link #dump} and {@link #walTail} return streams that hold a connection until
 * closed or read to the end.
 */
public interface ArangoReplicationClient extends AutoCloseable {

    /** The configuration this client was built with. */
    ArangoClientConfiguration configuration();

    /** The database this client targets. */
    String database();

    /**
     * A view of this client targeting another database; it shares the connection pool, server info and
     * authentication. Closing the view does nothing; close the original client.
     *
     * @throws IllegalArgumentException when the name is blank
     */
    ArangoReplicationClient withDatabase(String database);

    /** Version ({@code GET /_api/version}) and role ({@code GET /_admin/server/role}), read once and cached. */
    ServerInfo serverInfo();

    /** {@code GET /_api/replication/inventory}: collections, indexes, views and the batch snapshot state. */
    Inventory inventory(InventoryRequest request);

    /** {@code POST /_api/replication/batch}: pins a consistent snapshot; registers the configured serverId/syncerId. */
    DumpBatch createDumpBatch(CreateDumpBatchRequest request);

    /** {@code PUT /_api/replication/batch/{id}}: keeps the batch alive (204). */
    void extendDumpBatch(ExtendDumpBatchRequest request);

    /** {@code DELETE /_api/replication/batch/{id}} (204). */
    void deleteDumpBatch(DeleteDumpBatchRequest request);

    /**
     * {@code GET /_api/replication/dump}: the next chunk of a collection under a batch, streamed. Close the result.
     * Each call consumes the chunk on the server: a chunk whose response is lost cannot be requested again.
     */
    DumpResponse dump(DumpRequest request);

    /** {@code PUT /_api/replication/sync}: one initial sync from a remote server (removed in 3.12.10). */
    SyncResult synchronize(SyncRequest request);

    /**
     * {@code GET /_api/replication/clusterInventory} (coordinator only).
     *
     * @param includeSystem include system collections, null for the server default (true)
     */
    ClusterInventory clusterInventory(Boolean includeSystem);

    /** {@code GET /_admin/cluster/health} (coordinator only): every server of the cluster and its status. */
    ClusterHealth clusterHealth();

    /**
     * {@code GET /_admin/cluster/shardDistribution} (coordinator only): leader and followers of every shard of the
     * database, in the Plan and in Current.
     */
    ShardDistribution shardDistribution();

    /** {@code GET /_api/replication/logger-state}: latest tick, server, registered clients. */
    LoggerState loggerState();

    /** {@code GET /_api/replication/logger-first-tick} (removed in 3.12.10: use {@link #walRange()}). */
    LoggerFirstTick loggerFirstTick();

    /** {@code GET /_api/replication/logger-tick-ranges} (removed in 3.12.10: use {@link #walRange()}). */
    LoggerTickRanges loggerTickRanges();

    /**
     * {@code GET /_api/replication/applier-config} (removed in 3.12.10).
     *
     * @param global the global applier (only from {@code _system})
     */
    ApplierConfig applierConfig(boolean global);

    /**
     * {@code PUT /_api/replication/applier-config} (removed in 3.12.10); returns the stored configuration.
     *
     * @param config the configuration; endpoint required
     * @param global the global applier (only from {@code _system})
     */
    ApplierConfig setApplierConfig(ApplierConfig config, boolean global);

    /**
     * {@code GET /_api/replication/applier-state} (removed in 3.12.10).
     *
     * @param global the global applier (only from {@code _system})
     */
    ApplierState applierState(boolean global);

    /**
     * {@code PUT /_api/replication/applier-start} (removed in 3.12.10).
     *
     * @param from   start tick, null for the saved state or the beginning
     * @param global the global applier (only from {@code _system})
     */
    ApplierState startApplier(Long from, boolean global);

    /**
     * {@code PUT /_api/replication/applier-stop} (removed in 3.12.10).
     *
     * @param global the global applier (only from {@code _system})
     */
    ApplierState stopApplier(boolean global);

    /**
     * {@code PUT /_api/replication/make-follower} (since 3.8; {@code /make-slave} before; python-arango's make_slave;
     * removed in 3.12.10): configure, fully sync and start the applier. Blocks until the initial sync is done.
     *
     * @param config the applier configuration; endpoint required
     */
    ApplierState makeFollower(ApplierConfig config);

    /** {@code GET /_api/replication/server-id} (removed in 3.12.10). */
    ReplicationServerId serverId();

    /** {@code GET /_api/wal/range}: oldest and latest tick of the retained WAL (not on a coordinator). */
    WalRange walRange();

    /** {@code GET /_api/wal/lastTick}: latest tick (not on a coordinator). */
    WalLastTick walLastTick();

    /**
     * {@code GET /_api/wal/tail}: markers after {@code from}, streamed (not on a coordinator). Close the result.
     * Registers the configured serverId/syncerId/clientInfo unless the request sets its own, or asks for no
     * registration ({@link WalTailRequest#register()} false).
     */
    WalTailResponse walTail(WalTailRequest request);

    /**
     * {@code DELETE /_api/wal/tail?serverId=..&syncerId=..}: removes the replication client registration of that
     * serverId/syncerId (not on a coordinator; servers without the call answer 400, docs/protocol.md §4.6).
     *
     * @throws IllegalArgumentException when neither id is given, or one is not an unsigned 64-bit decimal
     */
    void walUnregister(String serverId, String syncerId);

    /** {@code GET /_api/wal/open-transactions} (removed in 4.x; not on a coordinator). */
    OpenTransactions walOpenTransactions(WalOpenTransactionsRequest request);

    /** {@code GET /_api/replication/revisions/tree} (3.8+, not on a coordinator). */
    RevisionTree revisionTree(RevisionTreeRequest request);

    /** {@code PUT /_api/replication/revisions/ranges} (3.8+, not on a coordinator). */
    RevisionRanges revisionRanges(RevisionRangesRequest request);

    /** {@code PUT /_api/replication/revisions/documents} (3.8+, not on a coordinator). */
    RevisionDocuments revisionDocuments(RevisionDocumentsRequest request);

    /**
     * {@code GET /_api/collection/{name}/count} (the document API, on every version and role): the number of documents
     * the collection holds now — not under a dump batch, so a dump of it may see a different number.
     *
     * @throws IllegalArgumentException when the name is blank
     * @throws ArangoReplicationException 404 with errorNum 1203 for an unknown collection
     */
    long collectionCount(String collection);

    /** Closes the connection pool. Streams still open are aborted. */
    @Override
    void close();
}
