package io.github.camelarango.replication.client;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/wal/range}.
 *
 * @param time    server time
 * @param tickMin oldest tick in the retained WAL
 * @param tickMax latest tick
 * @param server  version and serverId
 * @param raw     the complete answer
 */
public record WalRange(String time, @UnsignedTick long tickMin, @UnsignedTick long tickMax, ServerIdentity server,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
