package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.http.Json;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A read-only copy of one WAL marker for assertions, from {@link ArangoEmulator#wal()}: its tick, type (2300 document,
 * 2302 remove, 2200/2201 transaction begin/commit, …), database name, transaction id (null for non-document markers)
 * and the marker JSON in the {@code /_api/wal/tail} format (current collection names). Part of the emulator test
 * kit's public API.
 *
 * @param tick     the marker's tick
 * @param type     the marker type
 * @param database the database's name
 * @param tid      the transaction id, or null
 * @param json     the marker as {@code /_api/wal/tail} renders it
 */
public record WalMarker(long tick, int type, String database, String tid, String json) {

    /** @return the marker parsed into a map */
    public Map<String, Object> asMap() {
        return Json.toMap(json.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the marker's {@code data} object, or null if it has none */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        return (Map<String, Object>) asMap().get("data");
    }
}
