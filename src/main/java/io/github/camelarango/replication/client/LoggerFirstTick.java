package io.github.camelarango.replication.client;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/replication/logger-first-tick} (removed in 3.12.10; use walRange's tickMin).
 *
 * @param firstTick oldest tick still in the WAL, null when the server could not determine it
 * @param raw       the complete answer
 */
public record LoggerFirstTick(@UnsignedTick Long firstTick,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
