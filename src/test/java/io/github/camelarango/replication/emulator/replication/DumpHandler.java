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
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Body;
import io.github.camelarango.replication.emulator.http.ByteSink;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.DocumentStore;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /dump} (§3.10). Reads the batch snapshot in storage order from the (batch, collection) cursor, which
 * advances on every call. A chunk takes documents while its size is below {@code chunkSize} (so at least one
 * document if any remain). The chunk is planned first (sizes are computed, nothing is materialized) and its
 * documents are rendered while the body is written.
 * <p>
 * {@code x-arango-replication-lastincluded} is a per-cursor chunk counter: incremented for every chunk that left
 * documents behind and reported, the final chunk repeats the previous value (at least 1), an empty body reports 0.
 * The starting value is [UNCONFIRMED] in the protocol doc; this follows its "observed behaviour" note.
 */
final class DumpHandler {

    private static final long DEFAULT_CHUNK = 128 * 1024;
    private static final long MAX_CHUNK = 128L * 1024 * 1024;
    private static final byte[] ENVELOPE_START = "{\"type\":2300,\"data\":".getBytes(StandardCharsets.US_ASCII);

    private final EmulatorContext context;

    DumpHandler(EmulatorContext context) {
        this.context = context;
    }

    HttpResponse dump(HttpRequest request, Database database) {
        String name = request.param("collection");
        if (context.auth().enabled() && (name == null || database.collection(name) == null)) {
            // with authentication the permission check runs first and knows no such collection (§1.6, §3.10)
            throw ArangoException.collectionNotFound(name == null ? "" : name);
        }
        if (name == null || name.isEmpty()) {
            throw ArangoException.badParameter("invalid collection parameter");
        }
        String batchId = request.param("batchId");
        if (batchId == null) {
            throw new ArangoException(404, 400, "replication dump - request misses batchId");
        }
        // present but empty (or not a number) parses as 0 (§1.7), which names no context: "unable to find context".
        // The lease is taken with the lookup, so a concurrent DELETE/expiry cannot free the snapshot's versions between.
        Batches.Lease lease = context.batches().lease(HttpRequest.parseUnsigned(batchId));
        if (lease == null) {
            throw new ArangoException(404, 400, "replication dump - unable to find context (it could be expired)");
        }
        boolean bodyReleases = false;
        try {
            HttpResponse response = dump(request, database, name, lease);
            bodyReleases = response.status() == 200;
            return response;
        } finally {
            if (!bodyReleases) {
                context.batches().release(lease);
            }
        }
    }

    /** Plans the next chunk of the leased batch; a 200 response's body releases the lease once written. */
    private HttpResponse dump(HttpRequest request, Database database, String name, Batches.Lease lease) {
        Collection c = database.collection(name);
        if (c == null) {
            throw ArangoException.badParameter("replication dump - bad parameter");
        }
        long chunkSize = Math.min(request.tickParam("chunkSize", DEFAULT_CHUNK), MAX_CHUNK);
        boolean envelope = request.boolParam("useEnvelope", true);
        if (chunkSize == 0) {
            return headers(HttpResponse.empty(204), true, 0);
        }
        long snapshot = lease.batch().snapshotTick();
        Batch.DumpCursor cursor = lease.batch().cursor(c.id());
        Chunk chunk;
        long lastIncluded;
        synchronized (cursor) {
            // concurrent calls on one (batch, collection) take consecutive chunks, never the same one
            chunk = plan(cursor, snapshot, c, chunkSize, envelope);
            lastIncluded = chunk.count == 0 ? 0 : cursor.advance(chunk.nextSlot, chunk.more);
        }
        if (chunk.count == 0) {
            return headers(HttpResponse.empty(204), false, 0);
        }
        HttpResponse response = headers(new HttpResponse(200), chunk.more, lastIncluded);
        return response.body(new ChunkBody(c.store(), snapshot, chunk, envelope, () -> context.batches().release(lease)));
    }

    private static HttpResponse headers(HttpResponse response, boolean checkMore, long lastIncluded) {
        return response.header("content-type", HttpResponse.DUMP)
                .header("x-arango-replication-checkmore", Boolean.toString(checkMore))
                .header("x-arango-replication-lastincluded", Long.toString(lastIncluded));
    }

    /** Finds the documents of the next chunk: slots [firstSlot, endSlot), their byte length, and what follows. */
    private static Chunk plan(Batch.DumpCursor cursor, long snapshot, Collection c, long chunkSize, boolean envelope) {
        DocumentStore store = c.store();
        String name = c.name();
        int end = store.slotCount();
        Chunk chunk = new Chunk(name);
        int slot = cursor.slot();
        chunk.firstSlot = slot;
        for (; slot < end; slot++) {
            DocumentVersion v = store.slot(slot);
            if (v == null || !v.visibleAt(snapshot)) {
                continue;
            }
            if (chunk.bytes >= chunkSize) {
                chunk.more = true;
                break;
            }
            chunk.bytes += v.renderedLength(name) + 1 + (envelope ? ENVELOPE_START.length + 1 : 0);
            chunk.count++;
        }
        chunk.endSlot = slot;
        chunk.nextSlot = slot;
        return chunk;
    }

    /** The plan of one dump response. */
    private static final class Chunk {
        final String collectionName;
        int firstSlot;
        int endSlot;
        int nextSlot;
        int count;
        long bytes;
        boolean more;

        Chunk(String collectionName) {
            this.collectionName = collectionName;
        }
    }

    /** Renders the planned documents while writing. */
    private static final class ChunkBody implements Body {
        private final DocumentStore store;
        private final long snapshot;
        private final Chunk chunk;
        private final boolean envelope;
        private final Runnable release;

        ChunkBody(DocumentStore store, long snapshot, Chunk chunk, boolean envelope, Runnable release) {
            this.store = store;
            this.snapshot = snapshot;
            this.chunk = chunk;
            this.envelope = envelope;
            this.release = release;
        }

        @Override
        public long length() {
            return chunk.bytes;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            ByteSink line = new ByteSink(1024);
            try {
                for (int slot = chunk.firstSlot; slot < chunk.endSlot; slot++) {
                    DocumentVersion v = store.slot(slot);
                    if (v == null || !v.visibleAt(snapshot)) {
                        continue;
                    }
                    line.reset();
                    if (envelope) {
                        line.write(ENVELOPE_START);
                    }
                    v.render(chunk.collectionName, line);
                    if (envelope) {
                        line.write('}');
                    }
                    line.write('\n');
                    line.writeTo(out);
                }
            } finally {
                release.run();
            }
        }
    }
}
