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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.Json;

/** The {@code state} and {@code server} objects shared by logger-state, batch, inventory and wal responses. */
final class ServerStateJson {

    private ServerStateJson() {
    }

    /** {@code {running, lastLogTick, lastUncommittedLogTick, totalEvents, time}} at the given tick. */
    static ObjectNode state(EmulatorContext context, long tick) {
        ObjectNode state = Json.object();
        state.put("running", true);
        state.put("lastLogTick", Long.toUnsignedString(tick));
        state.put("lastUncommittedLogTick", Long.toUnsignedString(tick));
        state.put("totalEvents", tick);
        state.put("time", context.clock().timestamp());
        return state;
    }

    /** {@code {version, serverId[, engine]}}. */
    static ObjectNode server(EmulatorContext context, boolean withEngine) {
        ObjectNode server = Json.object();
        server.put("version", context.personality().version());
        server.put("serverId", context.server().serverIdText());
        if (withEngine) {
            server.put("engine", "rocksdb");
        }
        return server;
    }

    /** The full logger-state body at the given tick. */
    static ObjectNode loggerState(EmulatorContext context, long tick) {
        ObjectNode body = Json.object();
        body.set("state", state(context, tick));
        body.set("server", server(context, true));
        body.set("clients", context.clients().toJson());
        return body;
    }
}
