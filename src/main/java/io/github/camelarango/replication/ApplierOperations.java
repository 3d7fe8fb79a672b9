package io.github.camelarango.replication;

import java.util.Map;

/**
 * The leader/follower operations: applier configuration, state, start and stop, synchronize and makeSlave
 * (makeFollower). They exist up to ArangoDB 3.12.9; the client refuses them on newer servers.
 */
final class ApplierOperations {

    private ApplierOperations() {
    }

    static void register(Map<ArangoReplicationOperation, OperationHandler> handlers, LeaderSettings leader) {
        handlers.put(ArangoReplicationOperation.applierConfig, (client, p) -> p.result(client.applierConfig(p.global())));
        handlers.put(ArangoReplicationOperation.setApplierConfig,
                (client, p) -> p.result(client.setApplierConfig(leader.applierConfig(p.message()), p.global())));
        handlers.put(ArangoReplicationOperation.applierState, (client, p) -> p.result(client.applierState(p.global())));
        handlers.put(ArangoReplicationOperation.startApplier,
                (client, p) -> p.result(client.startApplier(p.from(), p.global())));
        handlers.put(ArangoReplicationOperation.stopApplier, (client, p) -> p.result(client.stopApplier(p.global())));
        OperationHandler makeFollower = (client, p) -> p.result(client.makeFollower(leader.applierConfig(p.message())));
        handlers.put(ArangoReplicationOperation.makeSlave, makeFollower);
        handlers.put(ArangoReplicationOperation.makeFollower, makeFollower);
        handlers.put(ArangoReplicationOperation.synchronize,
                (client, p) -> p.result(client.synchronize(leader.syncRequest(p.message()))));
    }
}
