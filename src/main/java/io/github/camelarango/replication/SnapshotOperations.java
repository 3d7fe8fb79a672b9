package io.github.camelarango.replication;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.CreateDumpBatchRequest;
import io.github.camelarango.replication.client.DeleteDumpBatchRequest;
import io.github.camelarango.replication.client.DumpRequest;
import io.github.camelarango.replication.client.DumpResponse;
import io.github.camelarango.replication.client.ExtendDumpBatchRequest;
import io.github.camelarango.replication.client.InventoryRequest;

/**
 * The snapshot operations: dump batches, inventory, dump and the coordinator's cluster inventory.
 */
final class SnapshotOperations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private SnapshotOperations() {
    }

    static void register(Map<ArangoReplicationOperation, OperationHandler> handlers) {
        handlers.put(ArangoReplicationOperation.inventory, SnapshotOperations::inventory);
        handlers.put(ArangoReplicationOperation.createDumpBatch, (client, p) -> p.result(client.createDumpBatch(
                new CreateDumpBatchRequest(toLong(p.ttl()), null, p.dbServer()))));
        handlers.put(ArangoReplicationOperation.extendDumpBatch, (client, p) -> {
            client.extendDumpBatch(new ExtendDumpBatchRequest(p.requiredBatchId(), toLong(p.ttl()), p.dbServer()));
            p.result(Boolean.TRUE);
        });
        handlers.put(ArangoReplicationOperation.deleteDumpBatch, (client, p) -> {
            client.deleteDumpBatch(new DeleteDumpBatchRequest(p.requiredBatchId(), p.dbServer()));
            p.result(Boolean.TRUE);
        });
        handlers.put(ArangoReplicationOperation.dump, SnapshotOperations::dump);
        handlers.put(ArangoReplicationOperation.clusterInventory,
                (client, p) -> p.result(client.clusterInventory(p.includeSystem())));
    }

    private static void inventory(ArangoReplicationClient client, MessageParameters p) {
        p.result(client.inventory(new InventoryRequest(
                p.requiredBatchId(), p.includeSystem(), p.globalOrNull(), p.collection(), null, p.dbServer())));
    }

    /**
     * One dump chunk: the documents as a list of maps (deserialize=true), or the newline-delimited JSON as an
     * InputStream that stays open until the exchange completes (deserialize=false).
     */
    private static void dump(ArangoReplicationClient client, MessageParameters p) {
        DumpRequest request = new DumpRequest(p.requiredCollection(), p.requiredBatchId(), p.chunkSize(),
                p.useEnvelope(), p.dbServer());
        boolean deserialize = p.deserialize();
        DumpResponse response = client.dump(request);
        p.replicationHeaders(response.headers());
        if (!deserialize) {
            p.streamResult(response, response.body());
            return;
        }
        try (response) {
            List<Map<String, Object>> documents = new ArrayList<>();
            Iterator<JsonNode> lines = response.documents();
            while (lines.hasNext()) {
                documents.add(MAPPER.convertValue(lines.next(), DOCUMENT));
            }
            p.result(documents);
        }
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
