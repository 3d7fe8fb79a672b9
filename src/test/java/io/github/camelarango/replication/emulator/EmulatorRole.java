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
package io.github.camelarango.replication.emulator;

/**
 * The server role the emulator plays ({@code GET /_admin/server/role}); part of the emulator test kit's public API.
 */
public enum EmulatorRole {
    /** a single server: the whole replication and WAL API */
    SINGLE,
    /** a cluster coordinator: no WAL API (501/1470), batch/inventory/dump need {@code DBserver} */
    COORDINATOR,
    /**
     * a cluster's DB-Server (ArangoDB's role name {@code PRIMARY}): the whole WAL and replication API, like a single
     * server, to superuser JWTs signed with the cluster secret only ({@link ArangoEmulator.Builder#jwtSecret}); see
     * {@link ArangoEmulatorCluster}
     */
    PRIMARY
}
