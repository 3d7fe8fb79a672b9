package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
    public void write(WalEntry e, ByteArrayOutputStream out) {
        ascii(out, "{\"tick\":\"");
        ascii(out, Long.toUnsignedString(e.tick()));
        ascii(out, "\",\"type\":");
        ascii(out, Integer.toString(e.type()));
        ascii(out, ",\"db\":");
        out.writeBytes(Json.quote(e.database().name()).getBytes(StandardCharsets.UTF_8));
        if (e.tid() != null) {
            ascii(out, ",\"tid\":\"");
            ascii(out, e.tid());
            out.write('"');
        }
        if (e.collection() != null) {
            ascii(out, ",\"cuid\":\"");
            ascii(out, e.collection().globallyUniqueId());
            out.write('"');
        }
        switch (e.type()) {
            case WalEntry.DOCUMENT:
                ascii(out, ",\"data\":");
                ((DocumentVersion) e.payload()).render(names.apply(e.collection()), out);
                break;
            case WalEntry.REMOVE:
                DocumentVersion removed = (DocumentVersion) e.payload();
                ascii(out, ",\"data\":{\"_key\":\"");
                ascii(out, removed.key());
                ascii(out, "\",\"_rev\":\"");
                ascii(out, removed.revText());
                ascii(out, "\"}");
                break;
            case WalEntry.COLLECTION_RENAME:
                ascii(out, ",\"data\":{\"name\":");
                out.writeBytes(Json.quote(names.apply(e.collection())).getBytes(StandardCharsets.UTF_8));
                out.write('}');
                break;
            default:
                if (e.payload() instanceof byte[]) {
                    ascii(out, ",\"data\":");
                    out.writeBytes((byte[]) e.payload());
                }
        }
        out.write('}');
    }

    public String toJson(WalEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(e, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static void ascii(ByteArrayOutputStream out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }
}
