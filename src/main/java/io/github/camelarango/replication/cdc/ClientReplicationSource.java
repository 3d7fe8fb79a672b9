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
package io.github.camelarango.replication.cdc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.CreateDumpBatchRequest;
import io.github.camelarango.replication.client.DeleteDumpBatchRequest;
import io.github.camelarango.replication.client.DumpRequest;
import io.github.camelarango.replication.client.DumpResponse;
import io.github.camelarango.replication.client.ExtendDumpBatchRequest;
import io.github.camelarango.replication.client.InventoryCollection;
import io.github.camelarango.replication.client.InventoryRequest;
import io.github.camelarango.replication.client.MalformedLineException;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.ReplicationHeaders;
import io.github.camelarango.replication.client.ServerIdentity;
import io.github.camelarango.replication.client.Ticks;
import io.github.camelarango.replication.client.WalMarker;
import io.github.camelarango.replication.client.WalTailRequest;
import io.github.camelarango.replication.client.WalTailResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReplicationSource} over the replication HTTP client, for the client's database.
 * <p>
 * Registration (docs/protocol.md §4.6): only {@link #register(long)} registers the stream, with a
 * {@code wal/tail?from=tick&to=tick} call; the reading tail calls carry no serverId or syncerId, so the registration
 * never runs ahead of the position the stream committed. Each stream has its own identity: the serverId and syncerId
 * of the client configuration where set, otherwise ones derived from the stream key (stable across restarts, so the
 * server keeps one client entry per stream), and the configuration's clientInfo or one naming the stream. Batch
 * creation registers the configuration's identity at the snapshot tick (the client API has no per-request identity
 * for batches). The server forgets a registration after its client TTL (7200 s by default).
 */
public final class ClientReplicationSource implements ReplicationSource {

    private static final Logger LOG = LoggerFactory.getLogger(ClientReplicationSource.class);
    private static final int BAD_REQUEST = 400;
    private static final int NOT_FOUND = 404;
    private static final int NOT_ALLOWED = 405;
    private static final int ERROR_CURSOR_NOT_FOUND = 1600;
    private static final int ERROR_BAD_PARAMETER = 400;
    private static final int ERROR_COLLECTION_NOT_FOUND = 1203;

    private final ArangoReplicationClient client;
    private final String serverId;
    private final String syncerId;
    private final String clientInfo;
    /** The tick last registered at, 0 when none. */
    private volatile long registered;

    /**
     * A source registering with the client configuration's serverId and syncerId, each derived from
     * {@code streamKey} where the configuration has none.
     */
    public ClientReplicationSource(ArangoReplicationClient client, String streamKey) {
        this.client = Objects.requireNonNull(client, "client");
        var config = client.configuration();
        this.serverId = config.serverId() != null ? config.serverId() : derivedServerId(streamKey);
        this.syncerId = config.syncerId() != null ? config.syncerId() : derivedSyncerId(streamKey);
        this.clientInfo = config.clientInfo() != null ? config.clientInfo()
                : "camel-arango-replication change stream " + streamKey;
    }

    /** A stable non-zero 48-bit id from the stream key (serverIds are 48-bit-ish numbers on real servers). */
    static String derivedServerId(String streamKey) {
        return nonZero48(uuid(streamKey).getMostSignificantBits());
    }

    /** A stable non-zero 48-bit syncerId from the stream key, other than its derived serverId. */
    static String derivedSyncerId(String streamKey) {
        return nonZero48(uuid(streamKey).getLeastSignificantBits());
    }

    private static UUID uuid(String streamKey) {
        return UUID.nameUUIDFromBytes(streamKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String nonZero48(long bits) {
        long id = bits & 0xFFFF_FFFF_FFFFL;
        return Long.toString(id == 0 ? 1 : id);
    }

    /** The serverId this source registers with. */
    public String registrationServerId() {
        return serverId;
    }

    /** The syncerId this source registers with. */
    public String registrationSyncerId() {
        return syncerId;
    }

    @Override
    public String database() {
        return client.database();
    }

    /**
     * Creates a batch. Its creation registers the configuration's identity at the batch's tick; with a configured
     * syncerId that is the stream's own registration (the server keys registrations by syncerId), so the stream
     * registers again at its tick. When that fails the batch is deleted and the failure thrown: nobody would delete
     * it otherwise until its ttl ran out.
     */
    @Override
    public BatchInfo createBatch(Duration ttl) {
        var batch = client.createDumpBatch(CreateDumpBatchRequest.ofTtl(ttl.toSeconds()));
        long tick = registered;
        if (tick != 0 && client.configuration().syncerId() != null) {
            try {
                register(tick);
            } catch (RuntimeException e) {
                try {
                    deleteBatch(batch.id());
                } catch (RuntimeException deleteFailure) {
                    e.addSuppressed(deleteFailure);
                }
                throw e;
            }
        }
        return new BatchInfo(batch.id(), batch.lastTick());
    }

    @Override
    public void extendBatch(String batchId, Duration ttl) {
        onBatch(batchId, () -> {
            client.extendDumpBatch(ExtendDumpBatchRequest.of(batchId, ttl.toSeconds()));
            return null;
        });
    }

    @Override
    public void deleteBatch(String batchId) {
        try {
            client.deleteDumpBatch(DeleteDumpBatchRequest.of(batchId));
        } catch (ArangoReplicationException e) {
            if (!isBatchGone(e)) {
                throw e;
            }
        }
    }

    @Override
    public List<ReplicationSource.CollectionInfo> inventory(String batchId, boolean includeSystem) {
        var inventory = onBatch(batchId, () -> client.inventory(
                new InventoryRequest(batchId, includeSystem, null, null, null, null)));
        List<InventoryCollection> collections = inventory.collections();
        List<ReplicationSource.CollectionInfo> mapped = new ArrayList<>(collections.size());
        for (InventoryCollection c : collections) {
            mapped.add(new ReplicationSource.CollectionInfo(c.name(), c.globallyUniqueId(), c.deleted()));
        }
        return mapped;
    }

    @Override
    public DumpChunk dump(String batchId, String collection, int chunkSize) {
        return onBatch(batchId, () -> {
            try (DumpResponse response = client.dump(new DumpRequest(collection, batchId, (long) chunkSize, false,
                    null))) {
                List<RawDocument> documents = new ArrayList<>();
                List<BadLine> badLines = readLines(response.rawDocuments(), documents);
                ReplicationHeaders headers = response.headers();
                String answer = "the dump answer of collection '" + collection + "'";
                if (headers.checkMore() == null) {
                    throw headerMissing(answer + " has no ", ReplicationHeaders.CHECK_MORE,
                            "without it the end of the collection cannot be known");
                }
                if (headers.hasMore() && headers.lastIncluded() == null) {
                    throw headerMissing(answer + " says checkmore: true but has no ", ReplicationHeaders.LAST_INCLUDED,
                            "without it the dump's progress cannot be followed");
                }
                long lastIncluded = headers.lastIncluded() == null ? 0 : headers.lastIncluded();
                return new DumpChunk(headers.hasMore(), lastIncluded, documents, badLines);
            }
        });
    }

    @Override
    public TailChunk tail(TailRequest request) {
        WalTailRequest call = new WalTailRequest(request.from(), request.to() == 0 ? null : request.to(),
                request.lastScanned(), (long) request.chunkSize(), false, request.collection(), request.includeSystem(),
                null, null, null, false);
        try (WalTailResponse response = walTail(call)) {
            List<WalMarker> markers = new ArrayList<>();
            List<BadLine> badLines = readLines(response.markers(), markers);
            ReplicationHeaders h = response.headers();
            String answer = "the wal/tail answer after tick " + Ticks.format(request.from()) + " of database '"
                    + database() + "' has no ";
            if (h.fromPresent() == null) {
                throw headerMissing(answer, ReplicationHeaders.FROM_PRESENT,
                        "without it a purged write-ahead log cannot be told from a present one");
            }
            if (h.lastIncluded() == null) {
                throw headerMissing(answer, ReplicationHeaders.LAST_INCLUDED,
                        "without it the tail cannot know where to continue");
            }
            return new TailChunk(h.fromPresent(), h.lastIncluded(),
                    h.lastScanned() == null ? 0 : h.lastScanned(), h.lastTick() == null ? 0 : h.lastTick(),
                    h.hasMore(), markers, badLines);
        }
    }

    /**
     * Reads every line of an answer into {@code into}; the lines that cannot be read are returned, each with the
     * number of lines read before it, and the reading goes on after them.
     */
    private static <T> List<BadLine> readLines(Iterator<T> lines, List<T> into) {
        List<BadLine> bad = new ArrayList<>(0);
        while (true) {
            try {
                if (!lines.hasNext()) {
                    return bad;
                }
                into.add(lines.next());
            } catch (MalformedLineException e) {
                bad.add(new BadLine(into.size(), e.getLineNumber(), e.getTick(), e.getErrorMessage(),
                        e.getLineStart()));
            }
        }
    }

    /**
     * An answer without a header the protocol promises is invalid (docs/protocol.md §6.2 D6, §7.1 T8): a failure of
     * this call, never a guess at the header's value.
     */
    private static ChangeStreamException headerMissing(String answer, String header, String why) {
        return new ChangeStreamException("invalid response: " + answer + header + " header (header missing); " + why);
    }

    private WalTailResponse walTail(WalTailRequest call) {
        try {
            return client.walTail(call);
        } catch (ArangoReplicationException e) {
            if (call.collection() != null && e.getStatus() == NOT_FOUND && e.getErrorNum() == ERROR_COLLECTION_NOT_FOUND) {
                throw new UnknownCollectionException(call.collection(), e);
            }
            throw e;
        }
    }

    @Override
    public void register(long tick) {
        WalTailRequest call = new WalTailRequest(tick, tick, 0, null, false, null, null, serverId, syncerId,
                clientInfo);
        try (WalTailResponse response = client.walTail(call)) {
            response.markers().forEachRemaining(marker -> { }); // from == to: there is none
        }
        registered = tick;
    }

    /** Servers without {@code DELETE wal/tail} answer 400 (docs/protocol.md §4.1); others 404 for an unknown client. */
    @Override
    public void unregister() {
        registered = 0;
        try {
            client.walUnregister(serverId, syncerId);
        } catch (ArangoReplicationException e) {
            if (e.getStatus() != BAD_REQUEST && e.getStatus() != NOT_FOUND && e.getStatus() != NOT_ALLOWED) {
                throw e;
            }
            LOG.debug("The server did not remove the registration of serverId {} syncerId {} ({}); it ends with the "
                    + "server's client TTL", serverId, syncerId, e.getMessage());
        }
    }

    @Override
    public long collectionCount(String collection) {
        return client.collectionCount(collection);
    }

    @Override
    public long lastTick() {
        return client.walLastTick().tick();
    }

    @Override
    public String serverId() {
        ServerIdentity server = client.walLastTick().server();
        if (server == null || server.serverId() == null || server.serverId().isBlank()) {
            throw new ChangeStreamException("wal/lastTick answered without server.serverId (invalid response): the "
                    + "stream cannot tell which server's ticks its positions are");
        }
        return server.serverId();
    }

    @Override
    public long oldestTick() {
        return client.walRange().tickMin();
    }

    private static <T> T onBatch(String batchId, Supplier<T> call) {
        try {
            return call.get();
        } catch (ArangoReplicationException e) {
            if (isBatchGone(e)) {
                throw new BatchExpiredException(batchId, e);
            }
            throw e;
        }
    }

    /** 404 with 1600 (inventory, extend, delete) or 400 (dump): the batch is unknown or expired (docs/protocol.md §6.3). */
    private static boolean isBatchGone(ArangoReplicationException e) {
        return e.getStatus() == NOT_FOUND
                && (e.getErrorNum() == ERROR_CURSOR_NOT_FOUND || e.getErrorNum() == ERROR_BAD_PARAMETER);
    }
}
