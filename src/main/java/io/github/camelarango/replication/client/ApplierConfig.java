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

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The replication applier configuration of {@code GET|PUT /_api/replication/applier-config} (removed in 3.12.10),
 * also the body of make-follower. As a request, null fields are not sent (server defaults apply); as a result, every
 * field the server returned is kept in {@link #raw()}. The password never appears in {@link #toString()}.
 *
 * @param endpoint remote endpoint, e.g. {@code tcp://127.0.0.1:8529} (required to set)
 * @param database remote database name (default: the local database's name)
 * @param username remote user
 * @param password remote password; write-only, never echoed by the server nor shown by toString
 * @param requestTimeout request timeout in seconds (server default 600)
 * @param connectTimeout connect timeout in seconds (server default 10)
 * @param ignoreErrors number of errors to ignore (server default 0)
 * @param maxConnectRetries connect retries (server default 100)
 * @param lockTimeoutRetries lock timeout retries (server default 0)
 * @param sslProtocol SSL protocol number (server default 0)
 * @param chunkSize bytes per request, 0 = server default
 * @param skipCreateDrop skip collection create/drop (server default false)
 * @param autoStart start the applier on server start (server default false)
 * @param adaptivePolling adaptive polling (server default true)
 * @param autoResync resync automatically when the leader lost the start tick (server default false)
 * @param autoResyncRetries resync retries (server default 2)
 * @param maxPacketSize maximum packet size in bytes (server default 536870912)
 * @param includeSystem include system collections (server default true)
 * @param includeFoxxQueues include Foxx queues (server default false)
 * @param requireFromPresent fail when the start tick is gone (server default true)
 * @param verbose log every operation (server default false)
 * @param incremental incremental initial sync (server default false)
 * @param restrictType {@code ""}, {@code include} or {@code exclude}
 * @param restrictCollections collections included/excluded per restrictType
 * @param connectionRetryWaitTime seconds between connection retries (server default 15)
 * @param initialSyncMaxWaitTime seconds the initial sync may take (server default 300)
 * @param idleMinWaitTime minimum idle wait in seconds (server default 1)
 * @param idleMaxWaitTime maximum idle wait in seconds (server default 2.5)
 * @param raw the complete server answer (null when built by the caller)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplierConfig(
        String endpoint,
        String database,
        String username,
        String password,
        Double requestTimeout,
        Double connectTimeout,
        Long ignoreErrors,
        Long maxConnectRetries,
        Long lockTimeoutRetries,
        Integer sslProtocol,
        Long chunkSize,
        Boolean skipCreateDrop,
        Boolean autoStart,
        Boolean adaptivePolling,
        Boolean autoResync,
        Long autoResyncRetries,
        Long maxPacketSize,
        Boolean includeSystem,
        Boolean includeFoxxQueues,
        Boolean requireFromPresent,
        Boolean verbose,
        Boolean incremental,
        String restrictType,
        List<String> restrictCollections,
        Double connectionRetryWaitTime,
        Double initialSyncMaxWaitTime,
        Double idleMinWaitTime,
        Double idleMaxWaitTime,
        @JacksonInject(value = ResponseMapper.RAW, useInput = OptBoolean.FALSE) @JsonIgnore JsonNode raw) {

    /** Validates: numbers not negative, restrictType one of "", include, exclude. */
    public ApplierConfig {
        Require.nonNegative("requestTimeout", requestTimeout);
        Require.nonNegative("connectTimeout", connectTimeout);
        Require.nonNegative("ignoreErrors", ignoreErrors);
        Require.nonNegative("maxConnectRetries", maxConnectRetries);
        Require.nonNegative("lockTimeoutRetries", lockTimeoutRetries);
        Require.nonNegative("sslProtocol", sslProtocol);
        Require.nonNegative("chunkSize", chunkSize);
        Require.nonNegative("autoResyncRetries", autoResyncRetries);
        Require.nonNegative("maxPacketSize", maxPacketSize);
        Require.nonNegative("connectionRetryWaitTime", connectionRetryWaitTime);
        Require.nonNegative("initialSyncMaxWaitTime", initialSyncMaxWaitTime);
        Require.nonNegative("idleMinWaitTime", idleMinWaitTime);
        Require.nonNegative("idleMaxWaitTime", idleMaxWaitTime);
        Require.oneOf("restrictType", restrictType, "", "include", "exclude");
        restrictCollections = restrictCollections == null ? null : List.copyOf(restrictCollections);
    }

    /** A builder for a configuration to send. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "ApplierConfig[" + "endpoint=" + endpoint + ", "
               + "database=" + database + ", "
               + "username=" + username + ", "
               + "password=" + (password == null ? "null" : "******") + ", "
               + "requestTimeout=" + requestTimeout + ", "
               + "connectTimeout=" + connectTimeout + ", "
               + "ignoreErrors=" + ignoreErrors + ", "
               + "maxConnectRetries=" + maxConnectRetries + ", "
               + "lockTimeoutRetries=" + lockTimeoutRetries + ", "
               + "sslProtocol=" + sslProtocol + ", "
               + "chunkSize=" + chunkSize + ", "
               + "skipCreateDrop=" + skipCreateDrop + ", "
               + "autoStart=" + autoStart + ", "
               + "adaptivePolling=" + adaptivePolling + ", "
               + "autoResync=" + autoResync + ", "
               + "autoResyncRetries=" + autoResyncRetries + ", "
               + "maxPacketSize=" + maxPacketSize + ", "
               + "includeSystem=" + includeSystem + ", "
               + "includeFoxxQueues=" + includeFoxxQueues + ", "
               + "requireFromPresent=" + requireFromPresent + ", "
               + "verbose=" + verbose + ", "
               + "incremental=" + incremental + ", "
               + "restrictType=" + restrictType + ", "
               + "restrictCollections=" + restrictCollections + ", "
               + "connectionRetryWaitTime=" + connectionRetryWaitTime + ", "
               + "initialSyncMaxWaitTime=" + initialSyncMaxWaitTime + ", "
               + "idleMinWaitTime=" + idleMinWaitTime + ", "
               + "idleMaxWaitTime=" + idleMaxWaitTime + "]";
    }

    /** Builder of {@link ApplierConfig}; unset fields stay null (server default). */
    public static final class Builder {
        private String endpoint;
        private String database;
        private String username;
        private String password;
        private Double requestTimeout;
        private Double connectTimeout;
        private Long ignoreErrors;
        private Long maxConnectRetries;
        private Long lockTimeoutRetries;
        private Integer sslProtocol;
        private Long chunkSize;
        private Boolean skipCreateDrop;
        private Boolean autoStart;
        private Boolean adaptivePolling;
        private Boolean autoResync;
        private Long autoResyncRetries;
        private Long maxPacketSize;
        private Boolean includeSystem;
        private Boolean includeFoxxQueues;
        private Boolean requireFromPresent;
        private Boolean verbose;
        private Boolean incremental;
        private String restrictType;
        private List<String> restrictCollections;
        private Double connectionRetryWaitTime;
        private Double initialSyncMaxWaitTime;
        private Double idleMinWaitTime;
        private Double idleMaxWaitTime;

        private Builder() {
        }

        /** Sets endpoint: remote endpoint, e.g. {@code tcp://127.0.0.1:8529} (required to set). */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Sets database: remote database name (default: the local database's name). */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** Sets username: remote user. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** Sets password: remote password; write-only, never echoed by the server nor shown by toString. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Sets requestTimeout: request timeout in seconds (server default 600). */
        public Builder requestTimeout(Double requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Sets connectTimeout: connect timeout in seconds (server default 10). */
        public Builder connectTimeout(Double connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Sets ignoreErrors: number of errors to ignore (server default 0). */
        public Builder ignoreErrors(Long ignoreErrors) {
            this.ignoreErrors = ignoreErrors;
            return this;
        }

        /** Sets maxConnectRetries: connect retries (server default 100). */
        public Builder maxConnectRetries(Long maxConnectRetries) {
            this.maxConnectRetries = maxConnectRetries;
            return this;
        }

        /** Sets lockTimeoutRetries: lock timeout retries (server default 0). */
        public Builder lockTimeoutRetries(Long lockTimeoutRetries) {
            this.lockTimeoutRetries = lockTimeoutRetries;
            return this;
        }

        /** Sets sslProtocol: SSL protocol number (server default 0). */
        public Builder sslProtocol(Integer sslProtocol) {
            this.sslProtocol = sslProtocol;
            return this;
        }

        /** Sets chunkSize: bytes per request, 0 = server default. */
        public Builder chunkSize(Long chunkSize) {
            this.chunkSize = chunkSize;
            return this;
        }

        /** Sets skipCreateDrop: skip collection create/drop (server default false). */
        public Builder skipCreateDrop(Boolean skipCreateDrop) {
            this.skipCreateDrop = skipCreateDrop;
            return this;
        }

        /** Sets autoStart: start the applier on server start (server default false). */
        public Builder autoStart(Boolean autoStart) {
            this.autoStart = autoStart;
            return this;
        }

        /** Sets adaptivePolling: adaptive polling (server default true). */
        public Builder adaptivePolling(Boolean adaptivePolling) {
            this.adaptivePolling = adaptivePolling;
            return this;
        }

        /** Sets autoResync: resync automatically when the leader lost the start tick (server default false). */
        public Builder autoResync(Boolean autoResync) {
            this.autoResync = autoResync;
            return this;
        }

        /** Sets autoResyncRetries: resync retries (server default 2). */
        public Builder autoResyncRetries(Long autoResyncRetries) {
            this.autoResyncRetries = autoResyncRetries;
            return this;
        }

        /** Sets maxPacketSize: maximum packet size in bytes (server default 536870912). */
        public Builder maxPacketSize(Long maxPacketSize) {
            this.maxPacketSize = maxPacketSize;
            return this;
        }

        /** Sets includeSystem: include system collections (server default true). */
        public Builder includeSystem(Boolean includeSystem) {
            this.includeSystem = includeSystem;
            return this;
        }

        /** Sets includeFoxxQueues: include Foxx queues (server default false). */
        public Builder includeFoxxQueues(Boolean includeFoxxQueues) {
            this.includeFoxxQueues = includeFoxxQueues;
            return this;
        }

        /** Sets requireFromPresent: fail when the start tick is gone (server default true). */
        public Builder requireFromPresent(Boolean requireFromPresent) {
            this.requireFromPresent = requireFromPresent;
            return this;
        }

        /** Sets verbose: log every operation (server default false). */
        public Builder verbose(Boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /** Sets incremental: incremental initial sync (server default false). */
        public Builder incremental(Boolean incremental) {
            this.incremental = incremental;
            return this;
        }

        /** Sets restrictType: {@code ""}, {@code include} or {@code exclude}. */
        public Builder restrictType(String restrictType) {
            this.restrictType = restrictType;
            return this;
        }

        /** Sets restrictCollections: collections included/excluded per restrictType. */
        public Builder restrictCollections(List<String> restrictCollections) {
            this.restrictCollections = restrictCollections;
            return this;
        }

        /** Sets connectionRetryWaitTime: seconds between connection retries (server default 15). */
        public Builder connectionRetryWaitTime(Double connectionRetryWaitTime) {
            this.connectionRetryWaitTime = connectionRetryWaitTime;
            return this;
        }

        /** Sets initialSyncMaxWaitTime: seconds the initial sync may take (server default 300). */
        public Builder initialSyncMaxWaitTime(Double initialSyncMaxWaitTime) {
            this.initialSyncMaxWaitTime = initialSyncMaxWaitTime;
            return this;
        }

        /** Sets idleMinWaitTime: minimum idle wait in seconds (server default 1). */
        public Builder idleMinWaitTime(Double idleMinWaitTime) {
            this.idleMinWaitTime = idleMinWaitTime;
            return this;
        }

        /** Sets idleMaxWaitTime: maximum idle wait in seconds (server default 2.5). */
        public Builder idleMaxWaitTime(Double idleMaxWaitTime) {
            this.idleMaxWaitTime = idleMaxWaitTime;
            return this;
        }

        /** Validates and builds. */
        public ApplierConfig build() {
            return new ApplierConfig(endpoint, database, username, password, requestTimeout, connectTimeout, ignoreErrors, maxConnectRetries, lockTimeoutRetries, sslProtocol, chunkSize, skipCreateDrop, autoStart, adaptivePolling, autoResync, autoResyncRetries, maxPacketSize, includeSystem, includeFoxxQueues, requireFromPresent, verbose, incremental, restrictType, restrictCollections, connectionRetryWaitTime, initialSyncMaxWaitTime, idleMinWaitTime, idleMaxWaitTime, null);
        }
    }
}
