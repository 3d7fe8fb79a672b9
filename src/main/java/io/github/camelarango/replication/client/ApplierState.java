package io.github.camelarango.replication.client;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of applier-state, applier-start, applier-stop and make-follower (removed in 3.12.10).
 *
 * @param state    the applier's run state
 * @param server   version and serverId of this server
 * @param endpoint the leader endpoint, only when configured
 * @param database the leader database, only when configured
 * @param username the leader user, when sent
 * @param raw      the complete answer
 */
public record ApplierState(ApplierRunState state, ServerIdentity server, String endpoint, String database,
        String username,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {
}
