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

import java.time.Duration;
import java.util.List;

import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.WalMarker;

/**
 * The replication endpoints the change-capture engine needs, for one database, in the engine's own terms.
 * <p>
 * {@link ClientReplicationSource} implements it over the HTTP client; tests may script it. Every call identifies the
 * engine as a replication client (serverId/syncerId/clientInfo) so that the server keeps the WAL it still needs.
 * Bodies are read completely (each is bounded by the chunk size asked for), so a call leaves no connection open.
 * An unknown or expired dump batch is reported as {@link BatchExpiredException}, an unknown collection in the tail's
 * collection filter as {@link UnknownCollectionException}; other failures propagate as the client's exceptions.
 */
public interface ReplicationSource {

    /** The name of the database this source reads. */
    String database();

    /** Creates a dump batch (a consistent snapshot of all collections) that lives {@code ttl} after its last use. */
    BatchInfo createBatch(Duration ttl);

    /** Renews the batch's lifetime. */
    void extendBatch(String batchId, Duration ttl);

    /** Deletes the batch; an already expired batch is not an error. */
    void deleteBatch(String batchId);

    /** The collections of the database (current ones, as the server's inventory lists them under the batch). */
    List<CollectionInfo> inventory(String batchId, boolean includeSystem);

    /** The next chunk of the collection's dump under the batch, bare documents ({@code useEnvelope=false}). */
    DumpChunk dump(String batchId, String collection, int chunkSize);

    /** One {@code wal/tail} call. */
    TailChunk tail(TailRequest request);

    /**
     * The number of documents the collection holds now (the document API's count, not under any batch), for
     * progress reports only.
     */
    long collectionCount(String collection);

    /** The server's latest WAL tick. */
    long lastTick();

    /** The oldest tick the server's WAL still holds ({@code tickMin} of {@code wal/range}), 0 when it does not say. */
    long oldestTick();

    /** A created dump batch. @param snapshotTick the batch's {@code lastTick}: the tick the snapshot shows */
    record BatchInfo(String id, long snapshotTick) {
    }

    /** A collection listed by the inventory. */
    record CollectionInfo(String name, String cuid, boolean deleted) {
    }


    /**
     * A dump chunk: its documents as the server wrote them, the lines that could not be read, and the
     * {@code checkmore}/{@code lastincluded} headers.
     */
    record DumpChunk(boolean checkMore, long lastIncluded, List<RawDocument> documents, List<BadLine> badLines) {

        /** A chunk whose every line was read. */
        public DumpChunk(boolean checkMore, long lastIncluded, List<RawDocument> documents) {
            this(checkMore, lastIncluded, documents, List.of());
        }
    }

    /**
     * A line of an answer that could not be read (not JSON, invalid UTF-8, beyond the parser's limits, not what the
     * protocol says).
     *
     * @param before     how many documents or markers of the answer were read before it
     * @param lineNumber its number in the answer, from 1
     * @param tick       the tick read from it before the failure, null when none
     * @param reason     what is wrong
     * @param lineStart  its first 200 bytes as text
     */
    record BadLine(int before, long lineNumber, Long tick, String reason, String lineStart) {
    }

    /**
     * A {@code wal/tail} request.
     *
     * @param from        exclusive lower tick bound
     * @param lastScanned the server's previous {@code lastscanned}, 0 when none
     * @param chunkSize   approximate response size in bytes
     * @param collection    server-side collection filter, or null for all collections of the database
     * @param includeSystem whether markers of system collections are wanted
     */
    record TailRequest(long from, long lastScanned, int chunkSize, String collection, boolean includeSystem) {
    }

    /** A {@code wal/tail} response: its markers (in tick order), the lines that could not be read, the headers. */
    record TailChunk(boolean fromPresent, long lastIncluded, long lastScanned, long lastTick, boolean checkMore,
                     List<WalMarker> markers, List<BadLine> badLines) {

        /** A response whose every line was read. */
        public TailChunk(boolean fromPresent, long lastIncluded, long lastScanned, long lastTick, boolean checkMore,
                         List<WalMarker> markers) {
            this(fromPresent, lastIncluded, lastScanned, lastTick, checkMore, markers, List.of());
        }
    }
}
