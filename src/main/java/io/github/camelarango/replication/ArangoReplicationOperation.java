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

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelarango.replication.client.ReplicationOperation;

/**
 * What an {@code arango-replication:} endpoint does: for a producer the replication API operation to call, for a
 * consumer the mode it runs in. The camelCase names are the ones written in URIs and in the
 * {@link ArangoReplicationConstants#OPERATION} header. Each producer operation names the server call it makes, the
 * client's {@link ReplicationOperation}: that enum is the one list of server calls.
 */
public enum ArangoReplicationOperation {
    inventory(ReplicationOperation.INVENTORY),
    createDumpBatch(ReplicationOperation.CREATE_DUMP_BATCH),
    extendDumpBatch(ReplicationOperation.EXTEND_DUMP_BATCH),
    deleteDumpBatch(ReplicationOperation.DELETE_DUMP_BATCH),
    /** A producer operation (one dump chunk) and a consumer mode (scheduled snapshots). */
    dump(ReplicationOperation.DUMP, true),
    synchronize(ReplicationOperation.SYNCHRONIZE),
    clusterInventory(ReplicationOperation.CLUSTER_INVENTORY),
    /** A producer operation and a consumer mode (an exchange when the logger state changed). */
    loggerState(ReplicationOperation.LOGGER_STATE, true),
    loggerFirstTick(ReplicationOperation.LOGGER_FIRST_TICK),
    loggerTickRanges(ReplicationOperation.LOGGER_TICK_RANGES),
    applierConfig(ReplicationOperation.APPLIER_CONFIG),
    setApplierConfig(ReplicationOperation.SET_APPLIER_CONFIG),
    applierState(ReplicationOperation.APPLIER_STATE),
    startApplier(ReplicationOperation.START_APPLIER),
    stopApplier(ReplicationOperation.STOP_APPLIER),
    /** The name of {@link #makeFollower} before ArangoDB 3.8; the client calls the endpoint the server version has. */
    makeSlave(ReplicationOperation.MAKE_FOLLOWER),
    makeFollower(ReplicationOperation.MAKE_FOLLOWER),
    serverId(ReplicationOperation.SERVER_ID),
    walRange(ReplicationOperation.WAL_RANGE),
    walLastTick(ReplicationOperation.WAL_LAST_TICK),
    walTail(ReplicationOperation.WAL_TAIL),
    walOpenTransactions(ReplicationOperation.WAL_OPEN_TRANSACTIONS),
    revisionTree(ReplicationOperation.REVISION_TREE),
    revisionRanges(ReplicationOperation.REVISION_RANGES),
    revisionDocuments(ReplicationOperation.REVISION_DOCUMENTS),
    /** Change data capture; a consumer mode only. */
    changes(null, true);

    /** What each operation does, in one paragraph: the catalog's text of the operation option and header. */
    static final String DESCRIBED = "Each producer operation calls the replication API endpoint of its name:"
                                    + " createDumpBatch, extendDumpBatch and deleteDumpBatch manage a dump batch (a"
                                    + " snapshot the server holds); inventory lists the collections of the database"
                                    + " (clusterInventory those of a cluster, on a coordinator); dump reads one chunk of"
                                    + " a collection; loggerState, loggerFirstTick and loggerTickRanges read the"
                                    + " write-ahead log's logger, serverId the server's id; applierConfig,"
                                    + " setApplierConfig, applierState, startApplier and stopApplier read and drive the"
                                    + " replication applier, synchronize copies a leader's data once, makeFollower"
                                    + " (makeSlave before ArangoDB 3.8) makes the server follow a leader; walRange,"
                                    + " walLastTick, walTail and walOpenTransactions read the write-ahead log;"
                                    + " revisionTree, revisionRanges and revisionDocuments compare a collection by"
                                    + " revisions. The applier operations, synchronize, makeFollower, loggerFirstTick,"
                                    + " loggerTickRanges and serverId exist up to ArangoDB 3.12.9. The consumer modes:"
                                    + " changes captures every change (a snapshot, then the write-ahead log), dump takes"
                                    + " a new snapshot at every poll, loggerState sends the logger state whenever it"
                                    + " changed.";

    private final ReplicationOperation replicationOperation;
    private final boolean consumerMode;

    ArangoReplicationOperation(ReplicationOperation replicationOperation) {
        this(replicationOperation, false);
    }

    ArangoReplicationOperation(ReplicationOperation replicationOperation, boolean consumerMode) {
        this.replicationOperation = replicationOperation;
        this.consumerMode = consumerMode;
    }

    /** @return the server call a producer makes for this operation; null for a consumer mode only */
    public ReplicationOperation replicationOperation() {
        return replicationOperation;
    }

    /** @return whether a producer ({@code to(...)}) can run this operation */
    public boolean isProducerOperation() {
        return replicationOperation != null;
    }

    /** @return whether a consumer ({@code from(...)}) can run in this mode */
    public boolean isConsumerMode() {
        return consumerMode;
    }

    /**
     * Resolves an operation by its exact camelCase name.
     *
     * @param  name                     the name from a URI or a header
     * @return                          the operation
     * @throws IllegalArgumentException naming the value and listing the valid operations when the name is unknown
     */
    public static ArangoReplicationOperation fromName(String name) {
        if (name != null) {
            for (ArangoReplicationOperation operation : values()) {
                if (operation.name().equals(name.trim())) {
                    return operation;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown arango-replication operation '" + name + "'. Valid operations are: " + producerOperationNames()
                                           + "; consumer modes are: " + consumerModeNames());
    }

    /** @return the names of all producer operations, comma separated, in declaration order */
    public static String producerOperationNames() {
        return Arrays.stream(values()).filter(ArangoReplicationOperation::isProducerOperation)
                .map(Enum::name).collect(Collectors.joining(", "));
    }

    /** @return the names of all consumer modes, comma separated, in declaration order */
    public static String consumerModeNames() {
        return Arrays.stream(values()).filter(ArangoReplicationOperation::isConsumerMode)
                .map(Enum::name).collect(Collectors.joining(", "));
    }
}
