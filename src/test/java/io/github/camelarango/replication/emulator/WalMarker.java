package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.http.Json;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A read-only copy of one WAL marker for assertions: its tick, type, database name, transaction id (null for
 * non-document markers) and the marker JSON in the {@code /_api/wal/tail} format (current collection names).
 */
public record WalMarker(long tick, int type, String database, String tid, String json) {

    /** The marker parsed into a map. */
    public Map<String, Object> asMap() {
        return Json.toMap(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The marker's {@code data} object, or null if it has none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        return (Map<String, Object>) asMap().get("data");
    }
}
