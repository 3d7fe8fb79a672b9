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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code PUT /_api/replication/sync}: one initial synchronization from a remote server into the local
 * database (purges local data). The password never appears in {@link #toString()}.
 *
 * @param endpoint               remote endpoint, e.g. {@code tcp://127.0.0.1:8529} (required)
 * @param database               remote database name, null for the local database's name
 * @param username               remote user
 * @param password               remote password
 * @param includeSystem          include system collections
 * @param incremental            incremental sync (server default false)
 * @param restrictType           {@code ""}, {@code include} or {@code exclude}
 * @param restrictCollections    collections included/excluded per restrictType
 * @param initialSyncMaxWaitTime seconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRequest(String endpoint, String database, String username, String password, Boolean includeSystem,
        Boolean incremental, String restrictType, List<String> restrictCollections, Double initialSyncMaxWaitTime) {

    /** Validates: endpoint required, restrictType allowed values, wait time not negative. */
    public SyncRequest {
        Require.notBlank("endpoint", endpoint);
        Require.oneOf("restrictType", restrictType, "", "include", "exclude");
        restrictCollections = restrictCollections == null ? null : List.copyOf(restrictCollections);
        Require.nonNegative("initialSyncMaxWaitTime", initialSyncMaxWaitTime);
    }

    @Override
    public String toString() {
        return "SyncRequest[endpoint=" + endpoint + ", database=" + database + ", username=" + username
               + ", password=" + (password == null ? "null" : "******") + ", includeSystem=" + includeSystem
               + ", incremental=" + incremental + ", restrictType=" + restrictType + ", restrictCollections="
               + restrictCollections + ", initialSyncMaxWaitTime=" + initialSyncMaxWaitTime + "]";
    }
}
