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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Fills a collection of the emulator through its document API: multi-document {@code POST /_api/document/<c>}
 * with {@code silent=true}, {@code batch} documents per request (each request is one WAL transaction, as on a real
 * server), the way a bulk import reaches ArangoDB.
 */
final class DatasetLoader {

    private static final JsonFactory JSON = new JsonFactory();

    private final BenchHttp http;

    DatasetLoader(BenchHttp http) {
        this.http = http;
    }

    void createCollection(String name) {
        http.json("POST", "/_api/collection", Map.of("name", name));
    }

    /**
     * Inserts documents {@code 0 .. count-1} (keys {@code k<i>}) in requests of {@code batch}, from {@code threads}
     * writers each taking every {@code threads}-th request.
     */
    void insertParallel(String collection, DocumentShape shape, int count, int batch, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    for (int start = writer * batch; start < count; start += threads * batch) {
                        insert(collection, shape, start, Math.min(batch, count - start), batch);
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Inserts documents {@code first .. first+count-1} (keys {@code k<i>}) in requests of {@code batch}. */
    void insert(String collection, DocumentShape shape, int first, int count, int batch) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch * 2200);
        for (int start = first; start < first + count; start += batch) {
            int end = Math.min(first + count, start + batch);
            body.reset();
            try (JsonGenerator g = JSON.createGenerator(body)) {
                g.writeStartArray();
                for (int i = start; i < end; i++) {
                    shape.write(g, "k" + i, i, 0);
                }
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            http.json("POST", "/_api/document/" + collection + "?silent=true", body.toByteArray());
        }
    }

    /** One single-document insert stamped with {@link System#nanoTime()} taken just before it is sent. */
    void insertStamped(String collection, DocumentShape shape, int i) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        long stamp = System.nanoTime();
        try (JsonGenerator g = JSON.createGenerator(body)) {
            shape.write(g, "s" + i, i, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.json("POST", "/_api/document/" + collection + "?silent=true", body.toByteArray());
    }
}
