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

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLContext;

/**
 * Immutable settings of an {@link ArangoReplicationClient}; build with {@link #builder(String)}. The password and the
 * JWT never appear in {@link #toString()}.
 */
public final class ArangoClientConfiguration {

    /** How the client authenticates. */
    public enum Authentication {
        /** No Authorization header. */
        NONE,
        /** {@code Authorization: Basic base64(user:password)} on every request. */
        BASIC,
        /**
         * {@code Authorization: Bearer <jwt>}: the static {@link #jwt()} if set, otherwise a token obtained with
         * {@code POST /_open/auth} from user and password, renewed before it expires and once after a 401.
         */
        JWT
    }

    /** Default database: {@code _system}. */
    public static final String DEFAULT_DATABASE = "_system";
    /** Default user: {@code root}. */
    public static final String DEFAULT_USER = "root";
    /** Default connect timeout: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default response timeout: 120 s (make-follower and sync block until the initial sync ends). */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);
    /** Default size of the connection pool: 20. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20;

    private final URI endpoint;
    private final String database;
    private final String user;
    private final String password;
    private final String jwt;
    private final SuperuserJwt superuserJwt;
    private final Authentication authentication;
    private final SSLContext sslContext;
    private final boolean hostnameVerification;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final String serverId;
    private final String syncerId;
    private final String clientInfo;

    private ArangoClientConfiguration(Builder builder) {
        this.endpoint = parseEndpoint(builder.endpoint);
        this.database = Require.notBlank("database", builder.database);
        this.user = builder.user;
        this.password = builder.password == null ? "" : builder.password;
        this.jwt = builder.jwt == null || builder.jwt.isBlank() ? null : builder.jwt;
        this.superuserJwt = builder.superuserJwt;
        this.authentication = builder.authentication != null
                ? builder.authentication : jwt != null || superuserJwt != null ? Authentication.JWT : Authentication.BASIC;
        this.sslContext = builder.sslContext;
        this.hostnameVerification = builder.hostnameVerification;
        this.connectTimeout = positive("connectTimeout", builder.connectTimeout);
        this.responseTimeout = positive("responseTimeout", builder.responseTimeout);
        this.maxConnections = (int) Require.positive("maxConnections", builder.maxConnections);
        this.serverId = Require.tick("serverId", builder.serverId);
        this.syncerId = Require.tick("syncerId", builder.syncerId);
        this.clientInfo = builder.clientInfo;
        if (authentication != Authentication.NONE && jwt == null && superuserJwt == null
            && (user == null || user.isBlank())) {
            throw Require.invalid("user", user, "a user name for authentication " + authentication
                                                + " (or authentication NONE)");
        }
    }

    /**
     * A builder for the server at {@code endpoint}: {@code http://host:port} or {@code https://host:port}, optionally
     * with a path prefix.
     */
    public static Builder builder(String endpoint) {
        return new Builder(endpoint);
    }

    /** A builder preset with all values of this configuration. */
    public Builder toBuilder() {
        return toBuilder(endpoint.toString());
    }

    /** A builder preset with all values of this configuration but for the server, which is {@code otherEndpoint}. */
    public Builder toBuilder(String otherEndpoint) {
        return new Builder(otherEndpoint).database(database).user(user).password(password)
                .jwt(jwt).superuserJwt(superuserJwt).authentication(authentication).sslContext(sslContext)
                .hostnameVerification(hostnameVerification).connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout).maxConnections(maxConnections).serverId(serverId)
                .syncerId(syncerId).clientInfo(clientInfo);
    }

    /** The server base URL, e.g. {@code http://127.0.0.1:8529}, without trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** The default database of requests ({@code _system} unless set). */
    public String database() {
        return database;
    }

    /** The user name. */
    public String user() {
        return user;
    }

    /** The password (empty when not set). Never logged. */
    public String password() {
        return password;
    }

    /** A static JWT, or null. Never logged. */
    public String jwt() {
        return jwt;
    }

    /**
     * The minter of superuser JWTs (a cluster's DB-Servers accept nothing else), or null. With one, the client sends
     * its tokens instead of logging in, and mints a new one before a token expires and after a 401.
     */
    public SuperuserJwt superuserJwt() {
        return superuserJwt;
    }

    /** The authentication mode (default: JWT when a static jwt is set, otherwise BASIC). */
    public Authentication authentication() {
        return authentication;
    }

    /** The TLS context for https endpoints, or null for the JVM default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Whether the TLS host name is verified (default true). */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** TCP connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Timeout waiting for response data (socket read timeout). */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** Maximum pooled connections. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Default {@code serverId} sent when registering as replication client, or null. */
    public String serverId() {
        return serverId;
    }

    /** Default {@code syncerId} sent when registering as replication client, or null. */
    public String syncerId() {
        return syncerId;
    }

    /** Default {@code clientInfo} sent when registering as replication client, or null. */
    public String clientInfo() {
        return clientInfo;
    }

    @Override
    public String toString() {
        return "ArangoClientConfiguration[endpoint=" + endpoint + ", database=" + database + ", user=" + user
               + ", password=" + (password.isEmpty() ? "<empty>" : "******") + ", jwt=" + (jwt == null ? "null" : "******")
               + (superuserJwt == null ? "" : ", superuserJwt=******")
               + ", authentication=" + authentication + ", sslContext=" + (sslContext == null ? "default" : "custom")
               + ", hostnameVerification=" + hostnameVerification + ", connectTimeout=" + connectTimeout
               + ", responseTimeout=" + responseTimeout + ", maxConnections=" + maxConnections + ", serverId=" + serverId
               + ", syncerId=" + syncerId + ", clientInfo=" + clientInfo + "]";
    }

    private static URI parseEndpoint(String text) {
        URI uri = null;
        try {
            uri = text == null ? null : URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            // not a URI at all: refused below like any other unusable endpoint
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawQuery() != null
            || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            String shown = uri == null || uri.getRawUserInfo() == null ? text : text.replace(uri.getRawUserInfo(), "******");
            throw Require.invalid("endpoint", shown, "an http:// or https:// URL with a host and without user info, query"
                                                    + " or fragment (tcp:// and ssl:// are arangosh notations: use"
                                                    + " http:// or https://)");
        }
        String value = uri.toString();
        return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    private static Duration positive(String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw Require.invalid(option, value, "a duration > 0");
        }
        return value;
    }

    /** Builder of {@link ArangoClientConfiguration}; every setter returns the builder. */
    public static final class Builder {
        private final String endpoint;
        private String database = DEFAULT_DATABASE;
        private String user = DEFAULT_USER;
        private String password;
        private String jwt;
        private SuperuserJwt superuserJwt;
        private Authentication authentication;
        private SSLContext sslContext;
        private boolean hostnameVerification = true;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private String serverId;
        private String syncerId;
        private String clientInfo;

        private Builder(String endpoint) {
            this.endpoint = endpoint;
        }

        /** Default database (default {@code _system}). */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** User name (default {@code root}). */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Password (default empty). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** A static JWT (implies authentication JWT unless set otherwise). */
        public Builder jwt(String jwt) {
            this.jwt = jwt;
            return this;
        }

        /**
         * Superuser JWTs minted from a cluster's secret, what a DB-Server requires (implies authentication JWT unless
         * set otherwise); a new one is minted before one expires and after a 401. No login is tried.
         */
        public Builder superuserJwt(SuperuserJwt superuserJwt) {
            this.superuserJwt = superuserJwt;
            return this;
        }

        /** Authentication mode (default: JWT when a jwt is set, otherwise BASIC). */
        public Builder authentication(Authentication authentication) {
            this.authentication = authentication;
            return this;
        }

        /** TLS context for https endpoints (default: the JVM's default context). */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Verify the TLS host name (default true). */
        public Builder hostnameVerification(boolean hostnameVerification) {
            this.hostnameVerification = hostnameVerification;
            return this;
        }

        /** TCP connect timeout (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Response (read) timeout (default 120 s). */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        /** Maximum pooled connections (default 20). */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Default serverId for client registration (unsigned decimal). */
        public Builder serverId(String serverId) {
            this.serverId = serverId;
            return this;
        }

        /** Default syncerId for client registration (unsigned decimal). */
        public Builder syncerId(String syncerId) {
            this.syncerId = syncerId;
            return this;
        }

        /** Default clientInfo for client registration (free text). */
        public Builder clientInfo(String clientInfo) {
            this.clientInfo = clientInfo;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first invalid setting, its value and what is allowed
         */
        public ArangoClientConfiguration build() {
            return new ArangoClientConfiguration(this);
        }
    }
}
