package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/replication/logger-state}.
 *
 * @param state   the logger state (lastLogTick is the latest WAL tick)
 * @param server  version, serverId, engine
 * @param clients registered replication clients
 * @param raw     the complete answer
 */
public record LoggerState(ReplicationState state, ServerIdentity server, List<RegisteredClient> clients,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
