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
package io.github.camelarango.replication.emulator.replication;

import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.model.Database;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link ReplicationApplier} per database, plus the global one (only reachable from {@code _system}). */
public final class Appliers {

    private final Map<Database, ReplicationApplier> perDatabase = new ConcurrentHashMap<>();
    private volatile ReplicationApplier global;
    private EmulatorContext context;

    /** Binds the registry to its context (the context holds the registry, so this happens after construction). */
    public void bind(EmulatorContext emulatorContext) {
        this.context = emulatorContext;
    }

    public ReplicationApplier of(Database database) {
        return perDatabase.computeIfAbsent(database, db -> new ReplicationApplier(context, db));
    }

    public synchronized ReplicationApplier global(Database system) {
        if (global == null) {
            global = new ReplicationApplier(context, system);
        }
        return global;
    }

    /** Stops every applier thread. */
    public void shutdown() {
        perDatabase.values().forEach(ReplicationApplier::shutdown);
        if (global != null) {
            global.shutdown();
        }
    }
}
