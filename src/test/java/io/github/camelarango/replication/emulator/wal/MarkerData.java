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
package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.http.ByteSink;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

/**
 * The parts of a marker that the {@code wal/tail} format (§5.2/§5.3) and the legacy {@code logger-follow} format
 * (§5.4) render alike: the transaction id, and the {@code data} of document, remove and opaque (byte-payload)
 * markers. Written piece by piece into the sink, without building strings.
 */
final class MarkerData {

    private MarkerData() {
    }

    /** {@code ,"tid":"…"} when the entry belongs to a transaction, nothing otherwise. */
    static void tid(WalEntry e, ByteSink out) {
        if (e.tid() != null) {
            out.ascii(",\"tid\":\"");
            out.ascii(e.tid());
            out.write('"');
        }
    }

    /** {@code ,"data":} and the whole document of a document marker, its {@code _id} built with {@code collectionName}. */
    static void document(WalEntry e, String collectionName, ByteSink out) {
        out.ascii(",\"data\":");
        ((DocumentVersion) e.payload()).render(collectionName, out);
    }

    /** {@code ,"data":{"_key":…,"_rev":…}} of a remove marker. */
    static void removed(WalEntry e, ByteSink out) {
        DocumentVersion removed = (DocumentVersion) e.payload();
        out.ascii(",\"data\":{\"_key\":\"");
        out.ascii(removed.key());
        out.ascii("\",\"_rev\":\"");
        out.ascii(removed.revText());
        out.ascii("\"}");
    }

    /** {@code ,"data":} and the payload as stored when the entry carries raw JSON bytes, nothing otherwise. */
    static void raw(WalEntry e, ByteSink out) {
        if (e.payload() instanceof byte[]) {
            out.ascii(",\"data\":");
            out.write((byte[]) e.payload());
        }
    }
}
