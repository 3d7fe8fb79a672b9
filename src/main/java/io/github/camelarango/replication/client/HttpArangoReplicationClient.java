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
package io.github.camelarango.replication.client;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.net.URIBuilder;

import static io.github.camelarango.replication.client.ReplicationOperation.*;

/**
 * {@link ArangoReplicationClient} over HTTP/1.1 with Apache HttpClient 5 (pooled connections, connect and response
 * timeouts, TLS from the configured {@link javax.net.ssl.SSLContext}, basic or JWT authentication).
 *
 * <pre>
 * try (ArangoReplicationClient client = new HttpArangoReplicationClient(
 *         ArangoClientConfiguration.builder("http://127.0.0.1:8529").password("secret").build())) {
 *     DumpBatch batch = client.createDumpBatch(CreateDumpBatchRequest.ofTtl(600));
 *     ...
 * }
 * </pre>
 */
public final class HttpArangoReplicationClient implements ArangoReplicationClient {

    /** What all database views of one client share. */
    private record Shared(ArangoClientConfiguration configuration, ArangoHttpTransport transport,
            ServerCapabilities capabilities) {
    }

    private final Shared shared;
    private final String database;
    private final boolean view;

    /** A client for the configured server; close it to release the connection pool. */
    public HttpArangoReplicationClient(ArangoClientConfiguration configuration) {
        this(configuration, Clock.systemUTC());
    }

    /** A client whose JWT expiry checks use the given clock (tests). */
    HttpArangoReplicationClient(ArangoClientConfiguration configuration, Clock clock) {
        ArangoHttpTransport transport = new ArangoHttpTransport(configuration, clock);
        ServerCapabilities capabilities = new ServerCapabilities(
                () -> ServerInfoReader.read(transport, configuration.database()));
        this.shared = new Shared(configuration, transport, capabilities);
        this.database = configuration.database();
        this.view = false;
    }

    private HttpArangoReplicationClient(Shared shared, String database) {
        this.shared = shared;
        this.database = database;
        this.view = true;
    }

    @Override
    public ArangoClientConfiguration configuration() {
        return shared.configuration();
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public ArangoReplicationClient withDatabase(String database) {
        Require.notBlank("database", database);
        return new HttpArangoReplicationClient(shared, database);
    }

    @Override
    public ServerInfo serverInfo() {
        return shared.capabilities().serverInfo();
    }

    @Override
    public Inventory inventory(InventoryRequest request) {
        require(INVENTORY, request.dbServer());
        URIBuilder target = target(INVENTORY).addParameter("batchId", request.batchId())
                .addParameter("includeSystem", text(request.includeSystem()))
                .addParameter("includeFoxxQueues", text(request.includeFoxxQueues()))
                .addParameter("global", text(request.global())).addParameter("collection", request.collection())
                .addParameter("DBserver", request.dbServer());
        return map(INVENTORY, call(INVENTORY, target, null), Inventory.class);
    }

    @Override
    public DumpBatch createDumpBatch(CreateDumpBatchRequest request) {
        require(CREATE_DUMP_BATCH, request.dbServer());
        ArangoClientConfiguration configuration = shared.configuration();
        URIBuilder target = target(CREATE_DUMP_BATCH).addParameter("serverId", configuration.serverId())
                .addParameter("syncerId", configuration.syncerId()).addParameter("clientInfo", configuration.clientInfo())
                .addParameter("state", text(request.state())).addParameter("DBserver", request.dbServer());
        JsonNode tree = call(CREATE_DUMP_BATCH, target, ttlBody(request.ttl()));
        DumpBatch batch = map(CREATE_DUMP_BATCH, tree, DumpBatch.class);
        if (batch.id() == null || batch.id().isBlank()) {
            throw invalid(CREATE_DUMP_BATCH, "the batch answer has no id: " + tree);
        }
        JsonNode state = tree.get("state");
        return state == null || !state.isObject() ? batch
                : new DumpBatch(batch.id(), batch.lastTick(), map(CREATE_DUMP_BATCH, state, LoggerState.class), tree);
    }

    @Override
    public void extendDumpBatch(ExtendDumpBatchRequest request) {
        require(EXTEND_DUMP_BATCH, request.dbServer());
        call(EXTEND_DUMP_BATCH, target(EXTEND_DUMP_BATCH, request.batchId()).addParameter("DBserver", request.dbServer()),
                ttlBody(request.ttl()));
    }

    @Override
    public void deleteDumpBatch(DeleteDumpBatchRequest request) {
        require(DELETE_DUMP_BATCH, request.dbServer());
        call(DELETE_DUMP_BATCH, target(DELETE_DUMP_BATCH, request.batchId()).addParameter("DBserver", request.dbServer()),
                null);
    }

    @Override
    public DumpResponse dump(DumpRequest request) {
        require(DUMP, request.dbServer());
        URIBuilder target = target(DUMP).addParameter("collection", request.collection())
                .addParameter("batchId", request.batchId()).addParameter("chunkSize", text(request.chunkSize()))
                .addParameter("useEnvelope", text(request.useEnvelope())).addParameter("DBserver", request.dbServer());
        ArangoHttpTransport.Opened opened = open(DUMP, target);
        return new DumpResponse(opened, headers(opened), request.collection());
    }

    @Override
    public SyncResult synchronize(SyncRequest request) {
        return fetch(SYNCHRONIZE, target(SYNCHRONIZE), request, SyncResult.class);
    }

    @Override
    public ClusterInventory clusterInventory(Boolean includeSystem) {
        return fetch(CLUSTER_INVENTORY, target(CLUSTER_INVENTORY).addParameter("includeSystem", text(includeSystem)),
                null, ClusterInventory.class);
    }

    @Override
    public ClusterHealth clusterHealth() {
        try {
            return ClusterHealth.of(call(CLUSTER_HEALTH, target(CLUSTER_HEALTH), null));
        } catch (IllegalArgumentException e) {
            throw invalid(CLUSTER_HEALTH, e.getMessage());
        }
    }

    @Override
    public ShardDistribution shardDistribution() {
        try {
            return ShardDistribution.of(call(SHARD_DISTRIBUTION, target(SHARD_DISTRIBUTION), null));
        } catch (IllegalArgumentException e) {
            throw invalid(SHARD_DISTRIBUTION, e.getMessage());
        }
    }

    @Override
    public LoggerState loggerState() {
        return fetch(LOGGER_STATE, target(LOGGER_STATE), null, LoggerState.class);
    }

    @Override
    public LoggerFirstTick loggerFirstTick() {
        return fetch(LOGGER_FIRST_TICK, target(LOGGER_FIRST_TICK), null, LoggerFirstTick.class);
    }

    @Override
    public LoggerTickRanges loggerTickRanges() {
        require(LOGGER_TICK_RANGES, null);
        JsonNode tree = call(LOGGER_TICK_RANGES, target(LOGGER_TICK_RANGES), null);
        try {
            List<WalFileTickRange> files = Json.mapper().readerForListOf(WalFileTickRange.class).readValue(tree);
            return new LoggerTickRanges(files, tree);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(LOGGER_TICK_RANGES, "not an array of WAL file ranges: " + e.getMessage());
        }
    }

    @Override
    public ApplierConfig applierConfig(boolean global) {
        return fetch(APPLIER_CONFIG, global(APPLIER_CONFIG, global), null, ApplierConfig.class);
    }

    @Override
    public ApplierConfig setApplierConfig(ApplierConfig config, boolean global) {
        requireEndpoint(config);
        return fetch(SET_APPLIER_CONFIG, global(SET_APPLIER_CONFIG, global), config, ApplierConfig.class);
    }

    @Override
    public ApplierState applierState(boolean global) {
        return fetch(APPLIER_STATE, global(APPLIER_STATE, global), null, ApplierState.class);
    }

    @Override
    public ApplierState startApplier(Long from, boolean global) {
        return fetch(START_APPLIER, global(START_APPLIER, global).addParameter("from", Ticks.formatOrNull(from)), null,
                ApplierState.class);
    }

    @Override
    public ApplierState stopApplier(boolean global) {
        return fetch(STOP_APPLIER, global(STOP_APPLIER, global), null, ApplierState.class);
    }

    @Override
    public ApplierState makeFollower(ApplierConfig config) {
        requireEndpoint(config);
        require(MAKE_FOLLOWER, null);
        URIBuilder target = new URIBuilder().setPath(shared.capabilities().makeFollowerPath());
        return map(MAKE_FOLLOWER, call(MAKE_FOLLOWER, target, config), ApplierState.class);
    }

    @Override
    public ReplicationServerId serverId() {
        return fetch(SERVER_ID, target(SERVER_ID), null, ReplicationServerId.class);
    }

    @Override
    public WalRange walRange() {
        return fetch(WAL_RANGE, target(WAL_RANGE), null, WalRange.class);
    }

    @Override
    public WalLastTick walLastTick() {
        return fetch(WAL_LAST_TICK, target(WAL_LAST_TICK), null, WalLastTick.class);
    }

    @Override
    public WalTailResponse walTail(WalTailRequest request) {
        require(WAL_TAIL, null);
        ArangoClientConfiguration configuration = shared.configuration();
        URIBuilder target = target(WAL_TAIL).addParameter("from", Ticks.format(request.from()))
                .addParameter("to", Ticks.formatOrNull(request.to()))
                .addParameter("lastScanned", request.lastScanned() == 0 ? null : Ticks.format(request.lastScanned()))
                .addParameter("chunkSize", text(request.chunkSize())).addParameter("global", trueOrNull(request.global()))
                .addParameter("collection", request.collection())
                .addParameter("includeSystem", text(request.includeSystem()));
        if (request.register()) {
            target.addParameter("serverId", orDefault(request.serverId(), configuration.serverId()))
                    .addParameter("syncerId", orDefault(request.syncerId(), configuration.syncerId()))
                    .addParameter("clientInfo", orDefault(request.clientInfo(), configuration.clientInfo()));
        }
        ArangoHttpTransport.Opened opened = open(WAL_TAIL, target);
        return new WalTailResponse(opened, headers(opened));
    }

    @Override
    public void walUnregister(String serverId, String syncerId) {
        String server = Require.tick("serverId", serverId);
        String syncer = Require.tick("syncerId", syncerId);
        if (server == null && syncer == null) {
            throw Require.invalid("serverId", null, "a serverId or a syncerId (the registration to remove)");
        }
        require(WAL_UNREGISTER, null);
        call(WAL_UNREGISTER, target(WAL_UNREGISTER).addParameter("serverId", server).addParameter("syncerId", syncer),
                null);
    }

    @Override
    public OpenTransactions walOpenTransactions(WalOpenTransactionsRequest request) {
        require(WAL_OPEN_TRANSACTIONS, null);
        URIBuilder target = target(WAL_OPEN_TRANSACTIONS).addParameter("from", Ticks.formatOrNull(request.from()))
                .addParameter("to", Ticks.formatOrNull(request.to())).addParameter("global", trueOrNull(request.global()))
                .addParameter("collection", request.collection())
                .addParameter("includeSystem", text(request.includeSystem()));
        ArangoHttpTransport.Opened opened = open(WAL_OPEN_TRANSACTIONS, target);
        ReplicationHeaders headers = headers(opened);
        byte[] body;
        try (var in = opened.body()) {
            body = in.readAllBytes();
            opened.release().release(true);
        } catch (IOException e) {
            opened.release().release(false);
            throw opened.request().connectionFailure(e);
        }
        List<String> ids = new ArrayList<>();
        if (body.length > 0) {
            JsonNode array = parse(WAL_OPEN_TRANSACTIONS, body);
            if (!array.isArray()) {
                throw invalid(WAL_OPEN_TRANSACTIONS, "expected a JSON array of transaction ids, got " + array);
            }
            array.forEach(id -> ids.add(id.asText()));
        }
        return new OpenTransactions(opened.status(), headers, ids);
    }

    @Override
    public RevisionTree revisionTree(RevisionTreeRequest request) {
        URIBuilder target = target(REVISION_TREE).addParameter("collection", request.collection())
                .addParameter("batchId", request.batchId()).addParameter("onlyPopulated", text(request.onlyPopulated()));
        return fetch(REVISION_TREE, target, null, RevisionTree.class);
    }

    @Override
    public RevisionRanges revisionRanges(RevisionRangesRequest request) {
        URIBuilder target = target(REVISION_RANGES).addParameter("collection", request.collection())
                .addParameter("batchId", request.batchId()).addParameter("resume", request.resume());
        return fetch(REVISION_RANGES, target, request.ranges(), RevisionRanges.class);
    }

    @Override
    public RevisionDocuments revisionDocuments(RevisionDocumentsRequest request) {
        require(REVISION_DOCUMENTS, null);
        URIBuilder target = target(REVISION_DOCUMENTS).addParameter("collection", request.collection())
                .addParameter("batchId", request.batchId());
        JsonNode tree = call(REVISION_DOCUMENTS, target, request.revisions());
        if (tree == null || !tree.isArray()) {
            throw invalid(REVISION_DOCUMENTS, "expected a JSON array of documents, got " + tree);
        }
        List<JsonNode> documents = new ArrayList<>();
        tree.forEach(documents::add);
        return new RevisionDocuments(documents);
    }

    @Override
    public long collectionCount(String collection) {
        Require.notBlank("collection", collection);
        require(COLLECTION_COUNT, null);
        JsonNode tree = call(COLLECTION_COUNT, target(COLLECTION_COUNT, collection), null);
        JsonNode count = tree == null ? null : tree.get("count");
        if (count == null || !count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
            throw invalid(COLLECTION_COUNT, "expected a non-negative integer count, got " + count);
        }
        return count.asLong();
    }

    @Override
    public void close() {
        if (!view) {
            shared.transport().close();
        }
    }

    /** Connections currently leased from the pool (tests: 0 after every call and closed stream). */
    int leasedConnections() {
        return shared.transport().leasedConnections();
    }

    private void require(ReplicationOperation operation, String dbServer) {
        shared.capabilities().require(operation, dbServer != null && !dbServer.isBlank());
    }

    /** Refuses an operation the server lacks, else calls it and maps its answer (a JSON object) to {@code type}. */
    private <T> T fetch(ReplicationOperation operation, URIBuilder target, Object body, Class<T> type) {
        require(operation, null);
        return map(operation, call(operation, target, body), type);
    }

    private JsonNode call(ReplicationOperation operation, URIBuilder target, Object body) {
        return shared.transport().call(new ArangoHttpTransport.Call(operation.operationName(), operation.method(),
                database, target, body == null ? null : write(operation, body)));
    }

    private ArangoHttpTransport.Opened open(ReplicationOperation operation, URIBuilder target) {
        return shared.transport().open(new ArangoHttpTransport.Call(operation.operationName(), operation.method(),
                database, target, null));
    }

    /** A request to the operation's path. */
    private static URIBuilder target(ReplicationOperation operation) {
        return new URIBuilder().setPath(operation.path());
    }

    /** A request to the operation's path whose {@code {placeholder}} segment is {@code value} (percent-encoded). */
    private static URIBuilder target(ReplicationOperation operation, String value) {
        List<String> segments = target(operation).getPathSegments();
        segments.replaceAll(segment -> segment.startsWith("{") ? value : segment);
        return new URIBuilder().setPathSegments(segments);
    }

    /** A request to the operation's path with {@code global=true} when asked for (not sent otherwise). */
    private static URIBuilder global(ReplicationOperation operation, boolean global) {
        return target(operation).addParameter("global", trueOrNull(global));
    }

    /** The value as a query parameter: its text, or null (not sent) when it is null. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A flag sent only when set: {@code true}, or null (not sent). */
    private static String trueOrNull(boolean flag) {
        return flag ? "true" : null;
    }

    private ReplicationHeaders headers(ArangoHttpTransport.Opened opened) {
        try {
            return ReplicationHeaders.parse(opened.header());
        } catch (IllegalArgumentException e) {
            opened.release().release(false);
            throw opened.request().invalidResponse(opened.status(), e.getMessage(), e);
        }
    }

    private JsonNode parse(ReplicationOperation operation, byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw invalid(operation, "body is not JSON: " + e.getMessage());
        }
    }

    private <T> T map(ReplicationOperation operation, JsonNode tree, Class<T> type) {
        if (tree == null || !tree.isObject()) {
            throw invalid(operation, "expected a JSON object, got " + (tree == null ? "no body" : tree.getNodeType()));
        }
        try {
            return ResponseMapper.map(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(operation, "cannot read " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private byte[] write(ReplicationOperation operation, Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(operation + " request body cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private ArangoReplicationException invalid(ReplicationOperation operation, String detail) {
        return shared.transport().context(operation.operationName(), operation.method(), database, operation.path())
                .invalidResponse(200, detail, null);
    }

    private static Map<String, Object> ttlBody(Long ttl) {
        return ttl == null ? Map.of() : Map.of("ttl", ttl);
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** The applier needs the leader's endpoint; the configuration itself cannot require it (it is also a result). */
    private static void requireEndpoint(ApplierConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.endpoint() == null || config.endpoint().isBlank()) {
            throw Require.invalid("endpoint", config.endpoint(), "the leader's endpoint, e.g. tcp://host:8529");
        }
    }
}
