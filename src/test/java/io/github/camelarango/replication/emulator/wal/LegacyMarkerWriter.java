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
 * Renders WAL markers in the legacy {@code logger-follow} format of §3.5/§5.4: {@code database} is the database
 * id, collections appear as {@code cid}/{@code cname}; drops carry {@code cuid}, {@code cid} and
 * {@code data:{id,name:""}}; renames carry {@code data:{name,oldName,id}}.
 */
public final class LegacyMarkerWriter implements MarkerFormat {

    private final Function<Collection, String> names;

    public LegacyMarkerWriter(Function<Collection, String> names) {
        this.names = names;
    }

    @Override
    public void write(WalEntry e, ByteSink out) {
        if (e.payload() instanceof RawMarker raw) {
            raw.write(e.tick(), out);
            return;
        }
        Collection c = e.collection();
        out.ascii("{\"tick\":\"" + Long.toUnsignedString(e.tick()) + "\",\"type\":" + e.type()
                + ",\"database\":\"" + e.database().idText() + "\"");
        MarkerData.tid(e, out);
        if (c != null && e.type() == WalEntry.COLLECTION_DROP) {
            out.ascii(",\"cuid\":\"" + c.globallyUniqueId() + "\",\"cid\":\"" + c.idText()
                    + "\",\"data\":{\"id\":\"" + c.idText() + "\",\"name\":\"\"}}");
            return;
        }
        if (c != null) {
            out.ascii(",\"cid\":\"" + c.idText() + "\",\"cname\":");
            out.quoted(names.apply(c));
        }
        switch (e.type()) {
            case WalEntry.DOCUMENT:
                MarkerData.document(e, names.apply(c), out);
                break;
            case WalEntry.REMOVE:
                MarkerData.removed(e, out);
                break;
            case WalEntry.COLLECTION_RENAME:
                out.ascii(",\"data\":{\"name\":");
                out.quoted(names.apply(c));
                out.ascii(",\"oldName\":");
                out.quoted(String.valueOf(e.payload()));
                out.ascii(",\"id\":\"" + c.idText() + "\"}");
                break;
            default:
                MarkerData.raw(e, out);
        }
        out.write('}');
    }
}
