package io.github.camelarango.replication.client;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Iterates the JSON values of a newline-delimited JSON body one by one, straight off the stream. Read failures
 * become {@link ArangoReplicationException}s and close the owning stream.
 */
final class JsonLineIterator implements Iterator<JsonNode> {

    private final ReplicationStream owner;
    private final JsonParser parser;
    private JsonNode next;
    private boolean done;

    JsonLineIterator(ReplicationStream owner, JsonParser parser) {
        this.owner = owner;
        this.parser = parser;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            if (parser.nextToken() == null) {
                done = true;
                owner.markFullyRead();
                owner.close();
                return false;
            }
            next = Json.mapper().readTree(parser);
            return true;
        } catch (StreamReadException e) {
            done = true;
            owner.close();
            throw owner.request().invalidResponse(owner.status(), "malformed JSON line: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            done = true;
            owner.close();
            throw owner.request().connectionFailure(e);
        }
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more lines in the " + owner.request().operation() + " response");
        }
        JsonNode value = next;
        next = null;
        return value;
    }
}
