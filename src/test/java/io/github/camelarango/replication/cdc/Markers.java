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
package io.github.camelarango.replication.cdc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.WalMarker;

/** WAL markers in the wal/tail format (docs/protocol.md §5.3), for unit tests. */
final class Markers {

    static final String CUID_A = "h3A468B5B7C1A/100";
    static final String CUID_B = "h3A468B5B7C1A/200";
    private static final ObjectMapper JSON = Json.mapper();

    private Markers() {
    }

    static WalMarker parse(String json) {
        try {
            return WalMarker.of(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static WalMarker upsert(String tick, String tid, String cuid, String collection, String key) {
        return parse("{\"tick\":\"" + tick + "\",\"type\":2300,\"db\":\"shop\",\"tid\":\"" + tid + "\",\"cuid\":\""
                + cuid + "\",\"data\":{\"_key\":\"" + key + "\",\"_id\":\"" + collection + "/" + key
                + "\",\"_rev\":\"_r" + tick + "\",\"n\":" + tick.length() + "}}");
    }

    static WalMarker remove(String tick, String tid, String cuid, String key) {
        return parse("{\"tick\":\"" + tick + "\",\"type\":2302,\"db\":\"shop\",\"tid\":\"" + tid + "\",\"cuid\":\""
                + cuid + "\",\"data\":{\"_key\":\"" + key + "\",\"_rev\":\"_x" + tick + "\"}}");
    }

    static WalMarker begin(String tick, String tid) {
        return parse("{\"tick\":\"" + tick + "\",\"type\":2200,\"db\":\"shop\",\"tid\":\"" + tid + "\"}");
    }

    static WalMarker commit(String tick, String tid) {
        return parse("{\"tick\":\"" + tick + "\",\"type\":2201,\"db\":\"shop\",\"tid\":\"" + tid + "\"}");
    }

    static WalMarker abort(String tick, String tid) {
        return parse("{\"tick\":\"" + tick + "\",\"type\":2202,\"db\":\"shop\",\"tid\":\"" + tid + "\"}");
    }

    static WalMarker createCollection(String tick, String cuid, String name) {
        return parse("{\"tick\":\"" + tick + "\",\"type\":2000,\"db\":\"shop\",\"cuid\":\"" + cuid
                + "\",\"data\":{\"name\":\"" + name + "\",\"globallyUniqueId\":\"" + cuid + "\",\"type\":2}}");
    }

    static WalMarker rename(String tick, String cuid, String newName) {
        return parse("{\"tick\":\"" + tick + "\",\"type\":2002,\"db\":\"shop\",\"cuid\":\"" + cuid
                + "\",\"data\":{\"name\":\"" + newName + "\"}}");
    }
}
