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
package io.github.camelarango.replication.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bare snapshot loop of docs/protocol.md §6.2 with nothing but Apache HttpClient 5 and a {@link BodySink}: create a
 * batch, dump one collection chunk after chunk ({@code useEnvelope=false}, the component's chunk schedule: 128 KiB
 * growing ×1.25 up to 8 MiB), delete the batch. Counts documents and body bytes.
 */
final class BareDumpLoop extends BareLoop {

    static final int INITIAL_CHUNK = 128 * 1024;
    static final int MAX_CHUNK = 8 * 1024 * 1024;

    private final String collection;

    BareDumpLoop(String name, BenchHttp http, String collection, BodySink sink) {
        super(name, http, sink);
        this.collection = collection;
    }

    @Override
    public long run() throws IOException {
        JsonNode batch = http.json("POST", "/_api/replication/batch", Map.of("ttl", 600));
        String id = batch.path("id").asText();
        long documents = 0;
        resetBytes();
        byte[] buffer = new byte[64 * 1024];
        try {
            int chunk = INITIAL_CHUNK;
            boolean more = true;
            while (more) {
                try (BenchHttp.Response r = http.open("GET", "/_api/replication/dump?collection=" + collection
                        + "&batchId=" + id + "&chunkSize=" + chunk + "&useEnvelope=false", null)) {
                    more = "true".equals(r.header("x-arango-replication-checkmore"));
                    documents += consume(r, buffer);
                }
                chunk = (int) Math.min(MAX_CHUNK, Math.round(chunk * 1.25));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            http.json("DELETE", "/_api/replication/batch/" + id, (byte[]) null);
        }
        return documents;
    }
}
