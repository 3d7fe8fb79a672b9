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
import io.github.camelarango.replication.emulator.model.Collection;

import java.util.function.Function;

/**
 * Renders WAL markers in the {@code /_api/wal/tail} format of §5.2/§5.3. Collection names come from a
 * function so that a response renders every marker with one consistent view of the current names.
 */
public final class MarkerWriter implements MarkerFormat {

    private final Function<Collection, String> names;

    public MarkerWriter(Function<Collection, String> names) {
        this.names = names;
    }

    /** Renders one marker (without the trailing newline). */
    @Override
    public void write(WalEntry e, ByteSink out) {
        if (e.payload() instanceof RawMarker raw) {
            raw.write(e.tick(), out);
            return;
        }
        out.ascii("{\"tick\":\"");
        out.ascii(Long.toUnsignedString(e.tick()));
        out.ascii("\",\"type\":");
        out.ascii(Integer.toString(e.type()));
        out.ascii(",\"db\":");
        out.quoted(e.database().name());
        MarkerData.tid(e, out);
        if (e.collection() != null) {
            out.ascii(",\"cuid\":\"");
            out.ascii(e.collection().globallyUniqueId());
            out.write('"');
        }
        switch (e.type()) {
            case WalEntry.DOCUMENT:
                MarkerData.document(e, names.apply(e.collection()), out);
                break;
            case WalEntry.REMOVE:
                MarkerData.removed(e, out);
                break;
            case WalEntry.COLLECTION_RENAME:
                out.ascii(",\"data\":{\"name\":");
                out.quoted(names.apply(e.collection()));
                out.write('}');
                break;
            default:
                MarkerData.raw(e, out);
        }
        out.write('}');
    }

    public String toJson(WalEntry e) {
        ByteSink out = new ByteSink(256);
        write(e, out);
        return out.toString();
    }

}
