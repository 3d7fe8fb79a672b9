package io.github.camelarango.replication;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an {@code arango-replication:} endpoint does: for a producer the replication API operation to call, for a
 * consumer the mode it runs in. The camelCase names are the ones written in URIs and in the
 * {@link ArangoReplicationConstants#OPERATION} header.
 */
public enum ArangoReplicationOperation {
    inventory,
    createDumpBatch,
    extendDumpBatch,
    deleteDumpBatch,
    dump(true),
    synchronize,
    clusterInventory,
    loggerState(true),
    loggerFirstTick,
    loggerTickRanges,
    applierConfig,
    setApplierConfig,
    applierState,
    startApplier,
    stopApplier,
    makeSlave,
    /** The current name of {@link #makeSlave}; the client calls the endpoint name the server version has. */
    makeFollower,
    serverId,
    walRange,
    walLastTick,
    walTail,
    walOpenTransactions,
    revisionTree,
    revisionRanges,
    revisionDocuments,
    /** Change data capture; a consumer mode only. */
    changes(true, false);

    private final boolean consumerMode;
    private final boolean producerOperation;

    ArangoReplicationOperation() {
        this(false, true);
    }

    ArangoReplicationOperation(boolean consumerMode) {
        this(consumerMode, true);
    }

    ArangoReplicationOperation(boolean consumerMode, boolean producerOperation) {
        this.consumerMode = consumerMode;
        this.producerOperation = producerOperation;
    }

    /** @return whether a producer ({@code to(...)}) can run this operation */
    public boolean isProducerOperation() {
        return producerOperation;
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
