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

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import static io.github.camelarango.replication.client.ReplicationOperation.*;

/**
 * Knows which operation exists on which server version and role (docs/protocol.md §2, §8) and refuses the
 * others before a request is sent. Reads the {@link ServerInfo} once, lazily, and caches it.
 */
final class ServerCapabilities {

    private static final String APPLIER_GONE = "removed in 3.12.10 with the replication applier (Leader/Follower mode);"
                                               + " capture changes with createDumpBatch, inventory and dump, then walTail";

    private static final Set<ReplicationOperation> NOT_ON_COORDINATOR = EnumSet.of(WAL_TAIL, WAL_RANGE, WAL_LAST_TICK,
            WAL_OPEN_TRANSACTIONS, LOGGER_FIRST_TICK, LOGGER_TICK_RANGES, REVISION_TREE, REVISION_RANGES,
            REVISION_DOCUMENTS, SYNCHRONIZE, MAKE_FOLLOWER, START_APPLIER, STOP_APPLIER);

    private static final Set<ReplicationOperation> FORWARDED_BY_COORDINATOR = EnumSet.of(INVENTORY, DUMP,
            CREATE_DUMP_BATCH, EXTEND_DUMP_BATCH, DELETE_DUMP_BATCH);

    private static final Set<ReplicationOperation> SINCE_3_8 = EnumSet.of(REVISION_TREE, REVISION_RANGES,
            REVISION_DOCUMENTS);

    private final Supplier<ServerInfo> loader;
    private volatile ServerInfo serverInfo;

    ServerCapabilities(Supplier<ServerInfo> loader) {
        this.loader = loader;
    }

    /** The server info, read on first use. */
    ServerInfo serverInfo() {
        ServerInfo info = serverInfo;
        if (info == null) {
            synchronized (this) {
                info = serverInfo;
                if (info == null) {
                    info = loader.get();
                    serverInfo = info;
                }
            }
        }
        return info;
    }

    /**
     * Refuses an operation the server lacks.
     *
     * @param  dbServerGiven                        whether the request names a DB-Server (coordinators need one to
     *                                              forward batch, inventory and dump)
     * @throws ArangoOperationUnavailableException naming the operation, version, role and replacement
     */
    void require(ReplicationOperation operation, boolean dbServerGiven) {
        ServerInfo info = serverInfo();
        String reason = reasonUnavailable(operation, info, dbServerGiven);
        if (reason != null) {
            throw new ArangoOperationUnavailableException(operation, info, reason);
        }
    }

    /** The make-follower path for the server: {@code /make-follower} since 3.8, {@code /make-slave} before. */
    String makeFollowerPath() {
        return serverInfo().version().isAtLeast(ArangoVersion.V3_8)
                ? MAKE_FOLLOWER.path() : "/_api/replication/make-slave";
    }

    static String reasonUnavailable(ReplicationOperation operation, ServerInfo info, boolean dbServerGiven) {
        String removed = removedIn(operation, info.version());
        if (removed != null) {
            return removed;
        }
        if (SINCE_3_8.contains(operation) && !info.version().isAtLeast(ArangoVersion.V3_8)) {
            return "revision-based sync exists since ArangoDB 3.8; use dump";
        }
        ServerRole role = info.role();
        if (role == ServerRole.COORDINATOR && NOT_ON_COORDINATOR.contains(operation)) {
            return "not served by a coordinator (501, errorNum 1470); call a DB-Server or a single server";
        }
        if (role == ServerRole.COORDINATOR && FORWARDED_BY_COORDINATOR.contains(operation) && !dbServerGiven) {
            return "a coordinator forwards it to a DB-Server: set dbServer on the request";
        }
        if (operation == CLUSTER_INVENTORY && role != ServerRole.COORDINATOR && role != ServerRole.UNKNOWN) {
            return "only served by a coordinator (403, errorNum 1471); use inventory on a single server or DB-Server";
        }
        return null;
    }

    private static String removedIn(ReplicationOperation operation, ArangoVersion version) {
        if (operation == WAL_OPEN_TRANSACTIONS && version.isAtLeast(ArangoVersion.V4_0)) {
            return "removed in 4.0; RocksDB never has open transactions in the WAL, nothing replaces it";
        }
        if (!version.isAtLeast(ArangoVersion.V3_12_10)) {
            return null;
        }
        switch (operation) {
            case LOGGER_FIRST_TICK:
                return "removed in 3.12.10; use walRange (tickMin is the first tick)";
            case LOGGER_TICK_RANGES:
                return "removed in 3.12.10; use walRange (tickMin, tickMax)";
            case SERVER_ID:
                return "removed in 3.12.10; use walRange, walLastTick or loggerState (server.serverId)";
            case SYNCHRONIZE:
                return "removed in 3.12.10; use createDumpBatch, inventory and dump";
            case APPLIER_CONFIG, SET_APPLIER_CONFIG, APPLIER_STATE, START_APPLIER, STOP_APPLIER, MAKE_FOLLOWER:
                return APPLIER_GONE;
            default:
                return null;
        }
    }
}
