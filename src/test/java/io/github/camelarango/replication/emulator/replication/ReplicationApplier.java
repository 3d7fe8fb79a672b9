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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorContext;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.model.Database;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The replication applier of one database (or the global one): configuration (§3.18), start/stop/state
 * (§3.19–3.20), sync (§3.15) and make-follower (§3.16). It really replicates: {@link InitialSync} reads the
 * leader's batch/inventory/dump and {@link TailingWorker} follows its {@code wal/tail}, both over HTTP.
 * The global applier keeps its own configuration and state but replicates like the {@code _system} applier
 * (per-database tailing of the leader's {@code _system}); cross-database global replication is not emulated.
 */
final class ReplicationApplier {

    private final EmulatorContext context;
    private final Database database;
    private ApplierConfig config = new ApplierConfig();
    private ApplierState state;
    private TailingWorker worker;

    ReplicationApplier(EmulatorContext context, Database database) {
        this.context = context;
        this.database = database;
        this.state = new ApplierState(context.clock(), database.name());
    }

    public synchronized ObjectNode config() {
        return config.toJson();
    }

    /** PUT applier-config: 400/1411 while running, 400/1410 if invalid. */
    public synchronized ObjectNode configure(JsonNode body) {
        requireStopped();
        ApplierConfig candidate = new ApplierConfig();
        candidate.apply(body, database.name());
        config = candidate;
        return config.toJson();
    }

    /** PUT applier-start: tails from {@code from} (0: the last applied tick). */
    public synchronized ObjectNode start(long from) {
        if (!config.hasEndpoint()) {
            throw new ArangoException(400, 1410, "invalid replication applier configuration: no endpoint configured");
        }
        if (!state.running()) {
            long startTick = from != 0 ? from : state.resumeTick();
            state.starting(startTick);
            worker = new TailingWorker(leader(), localApplier(), state, config, context.server().serverIdText(), startTick);
            worker.start(database.name());
        }
        return stateJson();
    }

    public synchronized ObjectNode stop() {
        if (worker != null) {
            worker.stop();
            worker = null;
        }
        if (state.running()) {
            state.shutDown();
        }
        return stateJson();
    }

    /** DELETE applier-state: forgets progress and counters (400/1411 while running). */
    public synchronized ObjectNode forget() {
        requireStopped();
        state = new ApplierState(context.clock(), database.name());
        return stateJson();
    }

    public synchronized ObjectNode stateJson() {
        ObjectNode body = io.github.camelarango.replication.emulator.http.Json.object();
        body.set("state", state.toJson());
        body.set("server", ServerStateJson.server(context, false));
        if (config.hasEndpoint()) {
            body.put("endpoint", config.endpoint());
            body.put("database", config.database());
        }
        return body;
    }

    /** PUT sync: a full initial sync from the endpoint of the body; blocks until done. */
    public ObjectNode sync(JsonNode body) {
        ApplierConfig syncConfig = new ApplierConfig();
        syncConfig.apply(body, database.name());
        InitialSync.Result result = runInitialSync(syncConfig, body.path("includeSystem").asBoolean(true));
        ObjectNode answer = io.github.camelarango.replication.emulator.http.Json.object();
        answer.set("collections", result.collections());
        answer.put("lastLogTick", Long.toUnsignedString(result.lastLogTick()));
        return answer;
    }

    /** PUT make-follower: stop, forget, configure, initial sync, then tail from the sync's tick. */
    public synchronized ObjectNode makeFollower(JsonNode body) {
        stop();
        ApplierConfig candidate = new ApplierConfig();
        candidate.apply(body, database.name());
        config = candidate;
        state = new ApplierState(context.clock(), database.name());
        state.phase("initial", "performing initial sync");
        InitialSync.Result result = runInitialSync(config, config.value("includeSystem").asBoolean());
        return start(result.lastLogTick());
    }

    private InitialSync.Result runInitialSync(ApplierConfig syncConfig, boolean includeSystem) {
        LocalApplier local = new LocalApplier(context.server(), database, false, restriction(syncConfig));
        LeaderClient leader = new LeaderClient(syncConfig.endpoint(), syncConfig.database(), syncConfig.username(),
                syncConfig.password(), syncConfig.value("requestTimeout").asDouble(), syncConfig.value("connectTimeout").asDouble());
        try {
            return new InitialSync(leader, local, context.server().serverIdText(), syncConfig.value("chunkSize").asLong())
                    .run(includeSystem);
        } catch (IOException e) {
            throw new ArangoException(500, 1400, "no response from leader " + syncConfig.endpoint() + ": " + e.getMessage());
        }
    }

    private LeaderClient leader() {
        return new LeaderClient(config.endpoint(), config.database(), config.username(), config.password(),
                config.value("requestTimeout").asDouble(), config.value("connectTimeout").asDouble());
    }

    private LocalApplier localApplier() {
        return new LocalApplier(context.server(), database, config.value("skipCreateDrop").asBoolean(), restriction(config));
    }

    private static Predicate<String> restriction(ApplierConfig config) {
        String type = config.value("restrictType").asText();
        Set<String> names = new HashSet<>();
        config.restrictCollections().forEach(n -> names.add(n.asText()));
        if (type.equals("include")) {
            return names::contains;
        }
        if (type.equals("exclude")) {
            return name -> !names.contains(name);
        }
        return name -> true;
    }

    private void requireStopped() {
        if (state.running()) {
            throw new ArangoException(400, 1411, "cannot perform operation while applier is running");
        }
    }

    /** Stops the background thread (emulator shutdown). */
    synchronized void shutdown() {
        if (worker != null) {
            worker.stop();
            worker = null;
        }
    }
}
