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

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One chunk of {@code GET /_api/replication/dump}: headers (checkMore, lastIncluded — a chunk counter, not a tick)
 * and the documents, streamed.
 *
 * <pre>
 * try (DumpResponse chunk = client.dump(request)) {
 *     chunk.rawDocuments().forEachRemaining(sink::accept);
 *     more = chunk.headers().hasMore();
 * }
 * </pre>
 */
public final class DumpResponse extends ReplicationStream {

    DumpResponse(ArangoHttpTransport.Opened answer, ReplicationHeaders headers, String collection) {
        super(answer, headers, collection);
    }

    /**
     * The documents of this chunk as trees; envelope lines {@code {"type":2300,"data":doc}} are unwrapped to
     * {@code doc}.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    public Iterator<JsonNode> documents() {
        Iterator<JsonNode> lines = lines();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public JsonNode next() {
                return unwrap(lines.next());
            }
        };
    }

    /**
     * The documents of this chunk as the server wrote them, with their {@code _key} and {@code _rev}: no tree is
     * built. Envelope lines are unwrapped as by {@link #documents()}; a line that is not a JSON object fails with a
     * {@link MalformedLineException} naming the line and the collection.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    public Iterator<RawDocument> rawDocuments() {
        return parsedLines(RawDocument::readDumpLine);
    }

    /** The document inside an envelope line, or the line itself when it is a bare document. */
    static JsonNode unwrap(JsonNode line) {
        boolean envelope = line.isObject() && line.size() == 2 && line.path("type").isInt() && line.path("data").isObject();
        return envelope ? line.get("data") : line;
    }
}
