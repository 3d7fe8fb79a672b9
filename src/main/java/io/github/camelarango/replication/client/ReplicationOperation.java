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
 * The operations of {@link ArangoReplicationClient}, one per endpoint it calls — the replication and WAL endpoints,
 * plus the server version and the collection count the client needs besides — with the HTTP method and path
 * (relative to {@code /_db/<database>}) they call.
 */
public enum ReplicationOperation {
    INVENTORY("inventory", "GET", "/_api/replication/inventory"),
    CREATE_DUMP_BATCH("createDumpBatch", "POST", "/_api/replication/batch"),
    EXTEND_DUMP_BATCH("extendDumpBatch", "PUT", "/_api/replication/batch/{id}"),
    DELETE_DUMP_BATCH("deleteDumpBatch", "DELETE", "/_api/replication/batch/{id}"),
    DUMP("dump", "GET", "/_api/replication/dump"),
    SYNCHRONIZE("synchronize", "PUT", "/_api/replication/sync"),
    CLUSTER_INVENTORY("clusterInventory", "GET", "/_api/replication/clusterInventory"),
    /** A Coordinator's view of every server of its cluster: id, short name, endpoint, role, status. */
    CLUSTER_HEALTH("clusterHealth", "GET", "/_admin/cluster/health"),
    /** A Coordinator's Plan and Current leader and followers of every shard of the database's collections. */
    SHARD_DISTRIBUTION("shardDistribution", "GET", "/_admin/cluster/shardDistribution"),
    LOGGER_STATE("loggerState", "GET", "/_api/replication/logger-state"),
    LOGGER_FIRST_TICK("loggerFirstTick", "GET", "/_api/replication/logger-first-tick"),
    LOGGER_TICK_RANGES("loggerTickRanges", "GET", "/_api/replication/logger-tick-ranges"),
    APPLIER_CONFIG("applierConfig", "GET", "/_api/replication/applier-config"),
    SET_APPLIER_CONFIG("setApplierConfig", "PUT", "/_api/replication/applier-config"),
    APPLIER_STATE("applierState", "GET", "/_api/replication/applier-state"),
    START_APPLIER("startApplier", "PUT", "/_api/replication/applier-start"),
    STOP_APPLIER("stopApplier", "PUT", "/_api/replication/applier-stop"),
    /** {@code /make-follower} since 3.8, {@code /make-slave} before (python-arango's make_slave). */
    MAKE_FOLLOWER("makeFollower", "PUT", "/_api/replication/make-follower"),
    SERVER_ID("serverId", "GET", "/_api/replication/server-id"),
    WAL_RANGE("walRange", "GET", "/_api/wal/range"),
    WAL_LAST_TICK("walLastTick", "GET", "/_api/wal/lastTick"),
    WAL_TAIL("walTail", "GET", "/_api/wal/tail"),
    /** Removes a replication client registration (newer servers; older ones answer 400). */
    WAL_UNREGISTER("walUnregister", "DELETE", "/_api/wal/tail"),
    WAL_OPEN_TRANSACTIONS("walOpenTransactions", "GET", "/_api/wal/open-transactions"),
    REVISION_TREE("revisionTree", "GET", "/_api/replication/revisions/tree"),
    REVISION_RANGES("revisionRanges", "PUT", "/_api/replication/revisions/ranges"),
    REVISION_DOCUMENTS("revisionDocuments", "PUT", "/_api/replication/revisions/documents"),
    SERVER_INFO("serverInfo", "GET", "/_api/version"),
    /** The document API's count, not a replication endpoint: the current number of documents of a collection. */
    COLLECTION_COUNT("collectionCount", "GET", "/_api/collection/{name}/count");

    private final String operationName;
    private final String method;
    private final String path;

    ReplicationOperation(String operationName, String method, String path) {
        this.operationName = operationName;
        this.method = method;
        this.path = path;
    }

    /** The camelCase operation name, e.g. {@code walTail}. */
    public String operationName() {
        return operationName;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path template below {@code /_db/<database>}. */
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return operationName;
    }
}
