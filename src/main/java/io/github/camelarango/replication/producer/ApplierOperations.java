package io.github.camelarango.replication.producer;

import java.util.Map;

import io.github.camelarango.replication.client.ReplicationOperation;

/**
 * The leader/follower operations: applier configuration, state, start and stop, synchronize and makeFollower
 * (makeSlave). They exist up to ArangoDB 3.12.9; the client refuses them on newer servers.
 */
final class ApplierOperations {

    private ApplierOperations() {
    }

    static void register(Map<ReplicationOperation, OperationHandler> handlers, ApplierConfigReader applierConfigs) {
        handlers.put(ReplicationOperation.APPLIER_CONFIG,
                (client, request, result) -> result.body(client.applierConfig(request.global())));
        handlers.put(ReplicationOperation.SET_APPLIER_CONFIG, (client, request, result) -> result.body(
                client.setApplierConfig(applierConfigs.applierConfig(request.message()), request.global())));
        handlers.put(ReplicationOperation.APPLIER_STATE,
                (client, request, result) -> result.body(client.applierState(request.global())));
        handlers.put(ReplicationOperation.START_APPLIER,
                (client, request, result) -> result.body(client.startApplier(request.from(), request.global())));
        handlers.put(ReplicationOperation.STOP_APPLIER,
                (client, request, result) -> result.body(client.stopApplier(request.global())));
        handlers.put(ReplicationOperation.MAKE_FOLLOWER, (client, request, result) -> result.body(
                client.makeFollower(applierConfigs.applierConfig(request.message()))));
        handlers.put(ReplicationOperation.SYNCHRONIZE, (client, request, result) -> result.body(
                client.synchronize(applierConfigs.syncRequest(request.message()))));
    }
}
