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
