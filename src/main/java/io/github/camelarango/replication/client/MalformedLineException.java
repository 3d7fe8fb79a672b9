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
package io.github.camelarango.replication.client;

import java.nio.charset.StandardCharsets;

/**
 * A line of a dump or wal/tail body is not what the protocol says (not JSON, not an object, a marker without a
 * valid tick…): an invalid response (errorNum 1401) that names the line number and, where it was read, the tick
 * (wal/tail) or the collection (dump). The lines after it can still be read from the same response.
 */
public class MalformedLineException extends ArangoReplicationException {

    private static final long serialVersionUID = 1L;
    /** How much of the line {@link #getLineStart()} keeps. */
    static final int LINE_START_BYTES = 200;

    private final long lineNumber;
    private final Long tick;
    private final String collection;
    private final String lineStart;

    MalformedLineException(RequestContext request, int status, long lineNumber, Long tick, String collection,
                           byte[] line, String detail, Throwable cause) {
        super(request.operation(), request.method(), request.path(), status, null, RequestContext.INVALID_RESPONSE,
                errorMessage(lineNumber, tick, collection, detail), request.operation() + " failed: " + request.method()
                        + " " + request.path() + " -> " + status + " errorNum " + RequestContext.INVALID_RESPONSE + ": "
                        + errorMessage(lineNumber, tick, collection, detail),
                cause);
        this.lineNumber = lineNumber;
        this.tick = tick;
        this.collection = collection;
        this.lineStart = new String(line, 0, Math.min(line.length, LINE_START_BYTES), StandardCharsets.UTF_8);
    }

    private static String errorMessage(long lineNumber, Long tick, String collection, String detail) {
        return "invalid response: malformed line " + lineNumber
               + (tick != null ? " (tick " + Ticks.format(tick) + ")" : "")
               + (collection != null ? " (dump of collection '" + collection + "')" : "") + ": " + detail;
    }

    /** The number of the line in the response body, counting from 1. */
    public long getLineNumber() {
        return lineNumber;
    }

    /** The tick of the marker when it was read before the failure (wal/tail), else null. */
    public Long getTick() {
        return tick;
    }

    /** The collection whose dump the line belongs to, null for wal/tail. */
    public String getCollection() {
        return collection;
    }

    /** The first 200 bytes of the line as text (document content: not part of the message). */
    public String getLineStart() {
        return lineStart;
    }
}
