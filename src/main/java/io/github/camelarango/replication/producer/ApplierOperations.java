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
