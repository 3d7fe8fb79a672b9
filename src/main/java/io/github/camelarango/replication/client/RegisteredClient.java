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

/**
 * A replication client registered at the server (logger-state {@code clients[]}).
 *
 * @param syncerId       syncer id
 * @param serverId       server id ({@code ""} or {@code "0"} if none)
 * @param clientInfo     free text
 * @param time           last contact
 * @param expires        expiry time
 * @param lastServedTick last tick served to this client
 */
public record RegisteredClient(String syncerId, String serverId, String clientInfo, String time, String expires,
        @UnsignedTick Long lastServedTick) {
}
