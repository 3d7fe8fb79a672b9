package io.github.camelarango.replication.client;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code POST /_api/replication/batch}: a batch pins a consistent snapshot and keeps the WAL after it.
 *
 * @param id       the batch id (decimal string)
 * @param lastTick the snapshot tick: dump shows the data as of this tick, tail from here to continue gap-free
 * @param state    the logger state, only when asked for ({@code state=true})
 * @param raw      the complete answer
 */
public record DumpBatch(String id, @UnsignedTick long lastTick, LoggerState state,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
