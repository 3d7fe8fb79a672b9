package io.github.camelarango.replication.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;

/**
 * A streamed newline-delimited JSON answer (dump, wal/tail) holding a pooled connection until it is closed or its body
 * was read to the end. Read the body once: through the typed iterators of the subclasses, {@link #lines()} or
 * {@link #body()}. Always close it (try-with-resources); closing before the end discards the connection instead of
 * draining it. A stream is meant for one thread; the client that produced it is thread-safe.
 */
public abstract class ReplicationStream implements AutoCloseable {

    private final ArangoHttpTransport.Opened answer;
    private final ReplicationHeaders headers;
    private boolean claimed;
    private boolean fullyRead;
    private boolean closed;

    ReplicationStream(ArangoHttpTransport.Opened answer, ReplicationHeaders headers) {
        this.answer = answer;
        this.headers = headers;
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
     * Every line as sent, parsed one at a time straight off the wire. A line that is not JSON fails with an
     * {@link ArangoReplicationException} (invalid response) naming the line; a broken connection with an
     * {@link ArangoConnectionException}. Reading past the last line, or a failure, closes this response.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    public Iterator<JsonNode> lines() {
        claim();
        MappingIterator<JsonNode> values;
        try {
            JsonParser parser = Json.mapper().createParser(answer.body());
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            values = Json.mapper().readerFor(JsonNode.class).readValues(parser);
        } catch (IOException e) {
            close();
            throw answer.request().connectionFailure(e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    if (values.hasNextValue()) {
                        return true;
                    }
                    markFullyRead();
                    close();
                    return false;
                } catch (IOException e) {
                    throw readFailure(values, e);
                }
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more lines in the " + answer.request().operation() + " response");
                }
                try {
                    return values.nextValue();
                } catch (IOException e) {
                    throw readFailure(values, e);
                }
            }
        };
    }

    /** Ends the reading: a malformed line is an invalid response, any other I/O failure a connection failure. */
    private ArangoReplicationException readFailure(MappingIterator<JsonNode> values, IOException e) {
        try {
            values.close();
        } catch (IOException ignored) {
            // the parser only reads the body, which close() below gives up anyway
        }
        close();
        if (e instanceof JsonProcessingException malformed) {
            JsonLocation at = malformed.getLocation();
            String line = at == null ? "" : " " + at.getLineNr();
            return answer.request().invalidResponse(answer.status(),
                    "malformed JSON line" + line + ": " + malformed.getOriginalMessage(), e);
        }
        return answer.request().connectionFailure(e);
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
