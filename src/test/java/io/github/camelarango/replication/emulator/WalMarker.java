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
