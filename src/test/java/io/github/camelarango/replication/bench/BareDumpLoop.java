package io.github.camelarango.replication.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bare snapshot loop of protocol §6.2 with nothing but Apache HttpClient 5 and a {@link BodySink}: create a
 * batch, dump one collection chunk after chunk ({@code useEnvelope=false}, the component's chunk schedule: 128 KiB
 * growing ×1.25 up to 8 MiB), delete the batch. Counts documents and body bytes.
 */
final class BareDumpLoop implements Contender {

    static final int INITIAL_CHUNK = 128 * 1024;
    static final int MAX_CHUNK = 8 * 1024 * 1024;

    private final String name;
    private final BenchHttp http;
    private final String collection;
    private final BodySink sink;
    private long bytes;

    BareDumpLoop(String name, BenchHttp http, String collection, BodySink sink) {
        this.name = name;
        this.http = http;
        this.collection = collection;
        this.sink = sink;
    }

    @Override
    public String name() {
        return name;
    }

    /** Body bytes of the last run. */
    long bytes() {
        return bytes;
    }

    @Override
    public long run() throws IOException {
        JsonNode batch = http.json("POST", "/_api/replication/batch", Map.of("ttl", 600));
        String id = batch.path("id").asText();
        long documents = 0;
        bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            int chunk = INITIAL_CHUNK;
            boolean more = true;
            while (more) {
                try (BenchHttp.Response r = http.open("GET", "/_api/replication/dump?collection=" + collection
                        + "&batchId=" + id + "&chunkSize=" + chunk + "&useEnvelope=false", null)) {
                    more = "true".equals(r.header("x-arango-replication-checkmore"));
                    if (r.status() == 200) {
                        String length = r.header("content-length");
                        bytes += length == null ? 0 : Long.parseLong(length);
                        try (InputStream in = r.body()) {
                            documents += sink.consume(in, buffer);
                        }
                    }
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
