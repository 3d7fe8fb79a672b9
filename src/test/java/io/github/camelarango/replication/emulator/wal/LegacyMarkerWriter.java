package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.http.ByteSink;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

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
        Collection c = e.collection();
        out.ascii("{\"tick\":\"" + Long.toUnsignedString(e.tick()) + "\",\"type\":" + e.type()
                + ",\"database\":\"" + e.database().idText() + "\"");
        if (e.tid() != null) {
            out.ascii(",\"tid\":\"" + e.tid() + "\"");
        }
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
                out.ascii(",\"data\":");
                ((DocumentVersion) e.payload()).render(names.apply(c), out);
                break;
            case WalEntry.REMOVE:
                DocumentVersion removed = (DocumentVersion) e.payload();
                out.ascii(",\"data\":{\"_key\":\"" + removed.key() + "\",\"_rev\":\"" + removed.revText() + "\"}");
                break;
            case WalEntry.COLLECTION_RENAME:
                out.ascii(",\"data\":{\"name\":");
                out.quoted(names.apply(c));
                out.ascii(",\"oldName\":");
                out.quoted(String.valueOf(e.payload()));
                out.ascii(",\"id\":\"" + c.idText() + "\"}");
                break;
            default:
                if (e.payload() instanceof byte[]) {
                    out.ascii(",\"data\":");
                    out.write((byte[]) e.payload());
                }
        }
        out.write('}');
    }
}
