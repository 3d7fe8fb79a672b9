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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A streamed newline-delimited JSON answer (dump, wal/tail) holding a pooled connection until it is closed or its body
 * was read to the end. Read the body once: through the typed iterators of the subclasses, {@link #lines()} or
 * {@link #body()}. Lines are read one at a time as they arrive, by one streaming parser (only the line being read
 * and the parser's read-ahead are held). Always close it (try-with-resources); closing before the end discards the
 * connection instead of draining it. A stream is meant for one thread; the client that produced it is thread-safe.
 */
public abstract class ReplicationStream implements AutoCloseable {

    private final ArangoHttpTransport.Opened answer;
    private final ReplicationHeaders headers;
    /** The collection of a dump, for error messages; null for wal/tail. */
    private final String collection;
    private boolean claimed;
    private boolean fullyRead;
    private boolean closed;

    ReplicationStream(ArangoHttpTransport.Opened answer, ReplicationHeaders headers, String collection) {
        this.answer = answer;
        this.headers = headers;
        this.collection = collection;
    }

    /** HTTP status: 200 with lines, 204 without. */
    public int status() {
        return answer.status();
    }

    /** The replication headers. */
    public ReplicationHeaders headers() {
        return headers;
    }

    /** Whether the answer has lines (status 200). */
    public boolean hasContent() {
        return answer.status() == 200;
    }

    /**
     * Every line as sent, parsed one at a time straight off the wire into a tree (numbers as written: see
     * {@link RawJson}). A line that is not JSON fails with a {@link MalformedLineException} naming the line (the
     * lines after it can still be read); a broken connection with an {@link ArangoConnectionException}. Reading
     * past the last line, or a connection failure, closes this response.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    public Iterator<JsonNode> lines() {
        return parsedLines(ExactJson::readTree);
    }

    /** Reads the current value of the body, leaving the parser at its last token. */
    @FunctionalInterface
    interface LineParser<T> {
        T parse(JsonLines lines) throws IOException, BadLine;
    }

    /**
     * The lines of the body, read one at a time as they arrive and given to {@code parser}; see {@link #lines()}
     * for what a failure does.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    <T> Iterator<T> parsedLines(LineParser<T> parser) {
        claim();
        JsonLines lines;
        try {
            lines = new JsonLines(answer.body());
        } catch (IOException e) {
            close();
            throw answer.request().connectionFailure(e);
        }
        return new Iterator<>() {
            private T next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    if (!lines.next()) {
                        done = true;
                        markFullyRead();
                        lines.close();
                        close();
                        return false;
                    }
                    next = parser.parse(lines);
                    return true;
                } catch (BadLine bad) {
                    throw malformed(lines, bad);
                } catch (JsonProcessingException e) {
                    throw malformed(lines, BadLine.notJson(e, null));
                } catch (IOException e) {
                    done = true;
                    close();
                    throw answer.request().connectionFailure(e);
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more lines in the " + answer.request().operation() + " response");
                }
                T line = next;
                next = null;
                return line;
            }
        };
    }

    /** The failure of a bad line; the reading moves past it. */
    private ArangoReplicationException malformed(JsonLines lines, BadLine bad) {
        JsonLines.BadLineAt at;
        try {
            at = lines.skipBadLine();
        } catch (IOException e) {
            close();
            return answer.request().connectionFailure(e);
        }
        return new MalformedLineException(answer.request(), answer.status(), at.lineNumber(), bad.tick(), collection,
                at.lineStart(), bad.getMessage(), bad.getCause());
    }

    /**
     * The raw body (JSON lines as UTF-8 text) for callers that want the bytes; closing it closes this response.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    public InputStream body() {
        claim();
        return new FilterInputStream(answer.body()) {
            @Override
            public int read() throws IOException {
                return eof(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return eof(super.read(buffer, offset, length));
            }

            @Override
            public void close() {
                ReplicationStream.this.close();
            }

            private int eof(int result) {
                if (result < 0) {
                    markFullyRead();
                }
                return result;
            }
        };
    }

    /** Gives the connection back (reused when the body was read to its end, otherwise discarded). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            answer.release().release(fullyRead || answer.status() != 200);
        }
    }

    RequestContext request() {
        return answer.request();
    }

    void markFullyRead() {
        fullyRead = true;
    }

    private void claim() {
        if (closed) {
            throw new IllegalStateException(answer.request().operation() + " response is already closed");
        }
        if (claimed) {
            throw new IllegalStateException(answer.request().operation() + " response body can be read only once");
        }
        claimed = true;
    }
}
