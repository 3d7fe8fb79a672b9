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

import java.util.Locale;

/** The role reported by {@code GET /_admin/server/role}. */
public enum ServerRole {
    /** A single server. */
    SINGLE,
    /** A cluster coordinator: serves clusterInventory, but not the WAL API. */
    COORDINATOR,
    /** A cluster DB-Server. */
    PRIMARY,
    /** A cluster agent. */
    AGENT,
    /** Any role this client does not know, or the role could not be read. */
    UNKNOWN;

    /** Maps the server's role text (e.g. {@code "SINGLE"}) to a role; unknown text gives {@link #UNKNOWN}. */
    public static ServerRole fromWire(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
