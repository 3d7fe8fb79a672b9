package io.github.camelarango.replication.producer;

import java.util.EnumMap;
import java.util.Map;

import io.github.camelarango.replication.client.ReplicationOperation;

/**
 * The handler of every server call a producer makes, gathered from the operation families: snapshot, log, applier
 * and revision operations.
 */
public final class OperationHandlers {

    private final Map<ReplicationOperation, OperationHandler> handlers = new EnumMap<>(ReplicationOperation.class);

    /** @param applierConfigs reads the applier configuration of setApplierConfig, synchronize and makeFollower */
    public OperationHandlers(ApplierConfigReader applierConfigs) {
        SnapshotOperations.register(handlers);
        LogOperations.register(handlers);
        ApplierOperations.register(handlers, applierConfigs);
        RevisionOperations.register(handlers);
    }

    /**
     * @return                          the handler of the server call
     * @throws IllegalArgumentException when no handler makes that call (the server version, the collection count)
     */
    public OperationHandler of(ReplicationOperation operation) {
        OperationHandler handler = handlers.get(operation);
        if (handler == null) {
            throw new IllegalArgumentException("No producer operation calls " + operation);
        }
        return handler;
    }
}
