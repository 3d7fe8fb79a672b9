package io.github.camelarango.replication.client;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/replication/server-id} (removed in 3.12.10).
 *
 * @param serverId the server id (decimal string)
 * @param raw      the complete answer
 */
public record ReplicationServerId(String serverId,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
