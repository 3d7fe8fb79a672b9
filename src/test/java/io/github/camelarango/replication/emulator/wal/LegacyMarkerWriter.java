package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
    public void write(WalEntry e, ByteArrayOutputStream out) {
        Collection c = e.collection();
        MarkerWriter.ascii(out, "{\"tick\":\"" + Long.toUnsignedString(e.tick()) + "\",\"type\":" + e.type()
                + ",\"database\":\"" + e.database().idText() + "\"");
        if (e.tid() != null) {
            MarkerWriter.ascii(out, ",\"tid\":\"" + e.tid() + "\"");
        }
        if (c != null && e.type() == WalEntry.COLLECTION_DROP) {
            MarkerWriter.ascii(out, ",\"cuid\":\"" + c.globallyUniqueId() + "\",\"cid\":\"" + c.idText()
                    + "\",\"data\":{\"id\":\"" + c.idText() + "\",\"name\":\"\"}}");
            return;
        }
        if (c != null) {
            MarkerWriter.ascii(out, ",\"cid\":\"" + c.idText() + "\",\"cname\":");
            out.writeBytes(Json.quote(names.apply(c)).getBytes(StandardCharsets.UTF_8));
        }
        switch (e.type()) {
            case WalEntry.DOCUMENT:
                MarkerWriter.ascii(out, ",\"data\":");
                ((DocumentVersion) e.payload()).render(names.apply(c), out);
                break;
            case WalEntry.REMOVE:
                DocumentVersion removed = (DocumentVersion) e.payload();
                MarkerWriter.ascii(out, ",\"data\":{\"_key\":\"" + removed.key() + "\",\"_rev\":\"" + removed.revText() + "\"}");
                break;
            case WalEntry.COLLECTION_RENAME:
                MarkerWriter.ascii(out, ",\"data\":{\"name\":");
                out.writeBytes(Json.quote(names.apply(c)).getBytes(StandardCharsets.UTF_8));
                MarkerWriter.ascii(out, ",\"oldName\":");
                out.writeBytes(Json.quote(String.valueOf(e.payload())).getBytes(StandardCharsets.UTF_8));
                MarkerWriter.ascii(out, ",\"id\":\"" + c.idText() + "\"}");
                break;
            default:
                if (e.payload() instanceof byte[]) {
                    MarkerWriter.ascii(out, ",\"data\":");
                    out.writeBytes((byte[]) e.payload());
                }
        }
        out.write('}');
    }
}
