package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code PUT /_api/replication/sync}.
 *
 * @param collections synchronized collections ({@code id}, {@code name}) as sent
 * @param lastLogTick the remote tick the sync reached
 * @param raw         the complete answer
 */
public record SyncResult(List<JsonNode> collections, @UnsignedTick Long lastLogTick,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
