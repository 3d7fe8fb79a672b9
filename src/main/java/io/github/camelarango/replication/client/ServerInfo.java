package io.github.camelarango.replication.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the client knows about the server: its version ({@code GET /_api/version}) and role
 * ({@code GET /_admin/server/role}). Read once per client and cached.
 *
 * @param version the server version
 * @param role    the server role ({@link ServerRole#UNKNOWN} when the role endpoint could not be read)
 * @param license the license ({@code community}/{@code enterprise}), null when absent
 * @param raw     the complete {@code /_api/version} body
 */
public record ServerInfo(ArangoVersion version, ServerRole role, String license, JsonNode raw) {

    @Override
    public String toString() {
        return "ArangoDB " + version + " (" + role + ")";
    }
}
