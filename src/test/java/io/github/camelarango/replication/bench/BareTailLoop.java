package io.github.camelarango.replication.bench;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bare tail loop of protocol §7.1 with nothing but Apache HttpClient 5 and a {@link BodySink}: {@code wal/tail}
 * from a tick with the component's default chunk size (1 MiB), {@code from} moved to {@code lastincluded},
 * {@code lastScanned} sent back, until the end tick is reached. Returns the number of markers read.
 */
final class BareTailLoop implements Contender {

    static final int CHUNK = 1024 * 1024;

    private final String name;
    private final BenchHttp http;
    private final long startTick;
    private final long endTick;
    private final BodySink sink;
    private long bytes;

    BareTailLoop(String name, BenchHttp http, long startTick, long endTick, BodySink sink) {
        this.name = name;
        this.http = http;
        this.startTick = startTick;
        this.endTick = endTick;
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
        long from = startTick;
        bytes = 0;
        long lastScanned = 0;
        long markers = 0;
        byte[] buffer = new byte[64 * 1024];
        while (Long.compareUnsigned(from, endTick) < 0) {
            try (BenchHttp.Response r = http.open("GET", "/_api/wal/tail?from=" + Long.toUnsignedString(from)
                    + (lastScanned == 0 ? "" : "&lastScanned=" + Long.toUnsignedString(lastScanned))
                    + "&chunkSize=" + CHUNK + "&serverId=4711&clientInfo=bare", null)) {
                long included = r.unsignedHeader("x-arango-replication-lastincluded");
                long scanned = r.unsignedHeader("x-arango-replication-lastscanned");
                if (r.status() == 200) {
                    String length = r.header("content-length");
                    bytes += length == null ? 0 : Long.parseLong(length);
                    try (InputStream in = r.body()) {
                        markers += sink.consume(in, buffer);
                    }
                }
                if (included != 0 && Long.compareUnsigned(included, from) > 0) {
                    from = included;
                } else if (included == 0 && Long.compareUnsigned(scanned, from) > 0) {
                    from = scanned;
                }
                if (scanned != 0) {
                    lastScanned = scanned;
                }
            }
        }
        return markers;
    }
}
