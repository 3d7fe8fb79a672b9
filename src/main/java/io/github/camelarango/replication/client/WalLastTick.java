package io.github.camelarango.replication.client;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/wal/lastTick}.
 *
 * @param time   server time
 * @param tick   latest WAL tick
 * @param server version and serverId
 * @param raw    the complete answer
 */
public record WalLastTick(String time, @UnsignedTick long tick, ServerIdentity server,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
