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
package io.github.camelarango.replication.cdc;

import java.util.Objects;

/**
 * Where a change captured from a cluster came from: the shard and the DB-Server that led it and whose write-ahead log
 * (or dump) the change was read from. A tick or position of the event means something only on that server.
 *
 * @param shard           the shard's name (e.g. {@code s10002}), the name of the shard's collection on the DB-Server;
 *                        null for a change of no shard (a gap in the server's stream)
 * @param serverId        the DB-Server's id (e.g. {@code PRMR-…})
 * @param serverShortName the DB-Server's short name (e.g. {@code DBServer0001}), null when the cluster did not tell
 */
public record ShardOrigin(String shard, String serverId, String serverShortName) {

    /** Validates the components. */
    public ShardOrigin {
        Objects.requireNonNull(serverId, "serverId");
    }
}
