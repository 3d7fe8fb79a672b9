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
