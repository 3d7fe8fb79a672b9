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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.CreateDumpBatchRequest;
import io.github.camelarango.replication.client.DeleteDumpBatchRequest;
import io.github.camelarango.replication.client.DumpRequest;
import io.github.camelarango.replication.client.DumpResponse;
import io.github.camelarango.replication.client.ExtendDumpBatchRequest;
import io.github.camelarango.replication.client.InventoryRequest;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.ReplicationOperation;

/**
 * The snapshot operations: dump batches, inventory, dump and the coordinator's cluster inventory.
 */
final class SnapshotOperations {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private SnapshotOperations() {
    }

    static void register(Map<ReplicationOperation, OperationHandler> handlers) {
        handlers.put(ReplicationOperation.INVENTORY, SnapshotOperations::inventory);
        handlers.put(ReplicationOperation.CREATE_DUMP_BATCH, (client, request, result) -> result.body(
                client.createDumpBatch(new CreateDumpBatchRequest(request.ttl(), null, request.dbServer()))));
        handlers.put(ReplicationOperation.EXTEND_DUMP_BATCH, (client, request, result) -> {
            client.extendDumpBatch(
                    new ExtendDumpBatchRequest(request.requiredBatchId(), request.ttl(), request.dbServer()));
            result.body(Boolean.TRUE);
        });
        handlers.put(ReplicationOperation.DELETE_DUMP_BATCH, (client, request, result) -> {
            client.deleteDumpBatch(new DeleteDumpBatchRequest(request.requiredBatchId(), request.dbServer()));
            result.body(Boolean.TRUE);
        });
        handlers.put(ReplicationOperation.DUMP, SnapshotOperations::dump);
        handlers.put(ReplicationOperation.CLUSTER_INVENTORY,
                (client, request, result) -> result.body(client.clusterInventory(request.includeSystem())));
    }

    private static void inventory(ArangoReplicationClient client, RequestParameters request, ResultWriter result) {
        result.body(client.inventory(new InventoryRequest(request.requiredBatchId(), request.includeSystem(),
                request.globalOrNull(), request.collection(), null, request.dbServer())));
    }

    /** One dump chunk: the documents as a list of maps, or the newline-delimited JSON as a stream. */
    private static void dump(ArangoReplicationClient client, RequestParameters request, ResultWriter result) {
        DumpRequest dump = new DumpRequest(request.requiredCollection(), request.requiredBatchId(), request.chunkSize(),
                request.useEnvelope(), request.dbServer());
        boolean deserialize = request.deserialize();
        result.lines(client.dump(dump), deserialize, DumpResponse::documents,
                (JsonNode document) -> Json.mapper().convertValue(document, DOCUMENT));
    }
}
