/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelarango.replication.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link ServerInfo}: {@code GET /_api/version}, then {@code GET /_admin/server/role}. A server that refuses
 * the role request (old version, missing rights) is treated as role {@link ServerRole#UNKNOWN}, which skips the role
 * checks; an unreachable server is an error.
 */
final class ServerInfoReader {

    private static final Logger LOG = LoggerFactory.getLogger(ServerInfoReader.class);
    private static final String OPERATION = ReplicationOperation.SERVER_INFO.operationName();

    private ServerInfoReader() {
    }

    static ServerInfo read(ArangoHttpTransport transport, String database) {
        JsonNode version = transport.call(new ArangoHttpTransport.Call(OPERATION, "GET", database,
                new URIBuilder().setPath("/_api/version"), null));
        if (version == null || !version.hasNonNull("version")) {
            throw transport.context(OPERATION, "GET", database, "/_api/version")
                    .invalidResponse(200, "no version in the answer: " + version, null);
        }
        ArangoVersion parsed;
        try {
            parsed = ArangoVersion.parse(version.get("version").asText());
        } catch (IllegalArgumentException e) {
            throw transport.context(OPERATION, "GET", database, "/_api/version").invalidResponse(200, e.getMessage(), e);
        }
        String license = version.hasNonNull("license") ? version.get("license").asText() : null;
        return new ServerInfo(parsed, readRole(transport, database), license, version);
    }

    private static ServerRole readRole(ArangoHttpTransport transport, String database) {
        try {
            JsonNode answer = transport.call(new ArangoHttpTransport.Call(OPERATION, "GET", database,
                    new URIBuilder().setPath("/_admin/server/role"), null));
            return ServerRole.fromWire(answer == null ? null : answer.path("role").asText(null));
        } catch (ArangoConnectionException e) {
            throw e;
        } catch (ArangoReplicationException e) {
            LOG.debug("Cannot read the server role, role checks are skipped: {}", e.getMessage());
            return ServerRole.UNKNOWN;
        }
    }
}
