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
import java.io.InputStream;

/**
 * What the bare HTTP loops share: a name, the HTTP client, the {@link BodySink} that reads each response body, and
 * the count of body bytes a run received (from {@code Content-Length}).
 */
abstract class BareLoop implements Contender {

    private final String name;
    private final BodySink sink;
    private long bytes;

    /** The HTTP client the loop sends its requests with. */
    protected final BenchHttp http;

    BareLoop(String name, BenchHttp http, BodySink sink) {
        this.name = name;
        this.http = http;
        this.sink = sink;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Body bytes of the last run. */
    final long bytes() {
        return bytes;
    }

    /** Starts a run's byte count afresh. */
    protected final void resetBytes() {
        bytes = 0;
    }

    /**
     * Feeds a {@code 200} response's body to the sink and adds its {@code Content-Length} to the run's bytes; any
     * other status is left unread.
     *
     * @return the items the sink counted, 0 for a response that is not {@code 200}
     */
    protected final long consume(BenchHttp.Response response, byte[] buffer) throws IOException {
        if (response.status() != 200) {
            return 0;
        }
        String length = response.header("content-length");
        bytes += length == null ? 0 : Long.parseLong(length);
        try (InputStream in = response.body()) {
            return sink.consume(in, buffer);
        }
    }
}
