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

import io.github.camelarango.replication.emulator.http.Body;
import io.github.camelarango.replication.emulator.http.ByteSink;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.wal.LegacyMarkerWriter;
import io.github.camelarango.replication.emulator.wal.MarkerFormat;
import io.github.camelarango.replication.emulator.wal.MarkerWriter;
import io.github.camelarango.replication.emulator.wal.Wal;
import io.github.camelarango.replication.emulator.wal.WalEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tail algorithm of §4.4 over the emulator's WAL: start at the write batch containing
 * {@code since = (0 < lastScanned < from) ? lastScanned : from}, emit markers with {@code from < tick <= to} that
 * pass the filters, stop between batches once the chunk is full (inside a batch only when the client sent
 * lastScanned), and report lastIncluded / lastScanned. lastScanned is the start of a batch when the scan stops at
 * it (a batch beyond {@code to}) and its end once it was fully processed; the legacy variant keeps the start of
 * the last processed batch (§3.5: its lastincluded, the batch end, may exceed lastscanned). Collection names are
 * captured once per response.
 */
final class WalTail {

    /**
     * What to tail. {@code legacy}: the logger-follow variant (legacy marker format, lastIncluded = end tick of the
     * last processed write batch).
     */
    record Request(Database database, boolean global, Collection collection, boolean includeSystem,
                   boolean includeFoxxQueues, long from, long to, long lastScanned, long chunkSize, boolean legacy) {
    }

    private final Wal wal;
    private final Request request;
    private final Map<Collection, String> names = new HashMap<>();
    private final MarkerFormat writer;
    private final List<WalEntry> emitted = new ArrayList<>();
    private long bytes;
    private long lastIncluded;
    private long lastScanned;
    private long lastBatchStart;

    WalTail(Wal wal, Request request) {
        this.wal = wal;
        this.request = request;
        java.util.function.Function<Collection, String> currentNames = c -> names.computeIfAbsent(c, Collection::name);
        this.writer = request.legacy() ? new LegacyMarkerWriter(currentNames) : new MarkerWriter(currentNames);
    }

    /** Scans the WAL up to {@code latest} and plans the response. */
    void scan(long latest) {
        long from = request.from();
        long since = request.lastScanned() != 0 && Long.compareUnsigned(request.lastScanned(), from) < 0 ? request.lastScanned() : from;
        boolean splitBatches = request.lastScanned() != 0;
        ByteSink line = new ByteSink(512);
        int i = wal.batchStartIndex(since);
        int end = wal.endIndex();
        boolean scannedAny = false;
        outer:
        while (i < end) {
            WalEntry first = wal.at(i);
            if (first == null) {
                i++;
                continue;
            }
            if (Long.compareUnsigned(first.tick(), latest) > 0) {
                break;
            }
            long batchStart = first.batchStart();
            int emittedBefore = emitted.size();
            lastScanned = batchStart;
            lastBatchStart = batchStart;
            scannedAny = true;
            if (Long.compareUnsigned(first.tick(), request.to()) > 0) {
                // the batch lies beyond `to`: the scan stops at its start (§4.4 algorithm)
                break;
            }
            for (; i < end; i++) {
                WalEntry e = wal.at(i);
                if (e == null || e.batchStart() != batchStart) {
                    break;
                }
                if (Long.compareUnsigned(e.tick(), request.to()) > 0 || Long.compareUnsigned(e.tick(), latest) > 0) {
                    break outer;
                }
                if (Long.compareUnsigned(e.tick(), from) > 0 && accepts(e)) {
                    line.reset();
                    writer.write(e, line);
                    bytes += line.size() + 1;
                    emitted.add(e);
                    lastIncluded = e.tick();
                    if (splitBatches && bytes >= request.chunkSize() && e.tick() != e.batchEnd()) {
                        i++;
                        break outer;
                    }
                }
            }
            if (!request.legacy()) {
                lastScanned = first.batchEnd();
            } else if (emitted.size() > emittedBefore) {
                lastIncluded = first.batchEnd();
            }
            if (bytes >= request.chunkSize()) {
                break;
            }
        }
        if (!scannedAny) {
            lastScanned = latest;
        }
    }

    private boolean accepts(WalEntry e) {
        if (!request.global() && e.database() != request.database()) {
            return false;
        }
        if (e.type() == WalEntry.DATABASE_DROP) {
            return true;
        }
        if (e.database().isDropped()) {
            return false;
        }
        Collection c = e.collection();
        if (c == null) {
            return true;
        }
        if (request.collection() != null && c != request.collection()) {
            return false;
        }
        if (!new InventoryHandler.Filter(request.includeSystem(), request.includeFoxxQueues()).accepts(c.name(), c.isSystem())) {
            return false;
        }
        return !c.isDropped() || e.type() == WalEntry.COLLECTION_DROP;
    }

    boolean isEmpty() {
        return emitted.isEmpty();
    }

    long lastIncluded() {
        return lastIncluded;
    }

    long lastScanned() {
        return lastScanned;
    }

    /** Start tick of the last write batch examined (0 if none); may be below {@code from}. */
    long lastBatchStart() {
        return lastBatchStart;
    }

    /** The planned markers, rendered again (with the same names) while the body is written. */
    Body body() {
        return new Body() {
            @Override
            public long length() {
                return bytes;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                ByteSink line = new ByteSink(512);
                for (WalEntry e : emitted) {
                    line.reset();
                    writer.write(e, line);
                    line.write('\n');
                    line.writeTo(out);
                }
            }
        };
    }
}
