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

/**
 * The bare tail loop of docs/protocol.md §7.1 with nothing but Apache HttpClient 5 and a {@link BodySink}: {@code wal/tail}
 * from a tick with the component's default chunk size (1 MiB), {@code from} moved to {@code lastincluded},
 * {@code lastScanned} sent back, until the end tick is reached. Returns the number of markers read.
 */
final class BareTailLoop extends BareLoop {

    static final int CHUNK = 1024 * 1024;

    private final long startTick;
    private final long endTick;

    BareTailLoop(String name, BenchHttp http, long startTick, long endTick, BodySink sink) {
        super(name, http, sink);
        this.startTick = startTick;
        this.endTick = endTick;
    }

    @Override
    public long run() throws IOException {
        long from = startTick;
        resetBytes();
        long lastScanned = 0;
        long markers = 0;
        byte[] buffer = new byte[64 * 1024];
        while (Long.compareUnsigned(from, endTick) < 0) {
            try (BenchHttp.Response r = http.open("GET", "/_api/wal/tail?from=" + Long.toUnsignedString(from)
                    + (lastScanned == 0 ? "" : "&lastScanned=" + Long.toUnsignedString(lastScanned))
                    + "&chunkSize=" + CHUNK + "&serverId=4711&clientInfo=bare", null)) {
                long included = r.unsignedHeader("x-arango-replication-lastincluded");
                long scanned = r.unsignedHeader("x-arango-replication-lastscanned");
                markers += consume(r, buffer);
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
