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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The initial synchronization of §0.1/§6.2 against a leader: batch, inventory, a dump loop per collection
 * ({@code useEnvelope=false}, stops on {@code checkmore: false}), then the batch is deleted. Local collections of
 * the same names are dropped and recreated (the sync purges local data, as ArangoDB's does).
 */
final class InitialSync {

    /** What the sync did: the collections and the leader tick to tail from. */
    record Result(ArrayNode collections, long lastLogTick) {
    }

    private final LeaderClient leader;
    private final LocalApplier local;
    private final String serverId;
    private final long chunkSize;

    InitialSync(LeaderClient leader, LocalApplier local, String serverId, long chunkSize) {
        this.leader = leader;
        this.local = local;
        this.serverId = serverId;
        this.chunkSize = chunkSize > 0 ? chunkSize : 128 * 1024;
    }

    Result run(boolean includeSystem) throws IOException {
        LeaderClient.Reply created = leader.send("POST", "/_api/replication/batch?serverId=" + serverId, "{\"ttl\":600}");
        expect(created, 200, "create batch");
        String batchId = created.json().path("id").asText();
        long lastTick = Long.parseUnsignedLong(created.json().path("lastTick").asText());
        try {
            LeaderClient.Reply inventory = leader.get("/_api/replication/inventory?batchId=" + batchId + "&includeSystem=" + includeSystem);
            expect(inventory, 200, "inventory");
            ArrayNode synced = Json.array();
            for (JsonNode entry : inventory.json().path("collections")) {
                JsonNode parameters = entry.path("parameters");
                String name = parameters.path("name").asText();
                if (parameters.path("deleted").asBoolean(false) || !local.accepts(name)) {
                    continue;
                }
                Collection c = local.recreate(parameters, entry.path("indexes"));
                dump(batchId, name, c);
                ObjectNode item = synced.addObject();
                item.put("id", parameters.path("id").asText());
                item.put("name", name);
            }
            return new Result(synced, lastTick);
        } finally {
            leader.send("DELETE", "/_api/replication/batch/" + batchId, null);
        }
    }

    private void dump(String batchId, String name, Collection c) throws IOException {
        String path = "/_api/replication/dump?collection=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&batchId=" + batchId + "&chunkSize=" + chunkSize + "&useEnvelope=false&serverId=" + serverId;
        while (true) {
            LeaderClient.Reply reply = leader.get(path);
            if (reply.status() != 200 && reply.status() != 204) {
                expect(reply, 200, "dump of " + name);
            }
            String checkMore = reply.header("x-arango-replication-checkmore");
            if (checkMore == null) {
                throw new ArangoException(500, 1401, "invalid response: dump without x-arango-replication-checkmore header");
            }
            List<ObjectNode> documents = new ArrayList<>();
            for (String line : new String(reply.body(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode doc = Json.parse(line.getBytes(StandardCharsets.UTF_8));
                    documents.add((ObjectNode) (doc.has("type") && doc.has("data") ? doc.get("data") : doc));
                }
            }
            if (!documents.isEmpty()) {
                local.storeDocuments(c, documents);
            }
            if (!checkMore.equals("true")) {
                return;
            }
        }
    }

    private static void expect(LeaderClient.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new ArangoException(500, 1402, "leader error during " + what + ": HTTP " + reply.status()
                    + ", errorNum " + reply.errorNum());
        }
    }
}
