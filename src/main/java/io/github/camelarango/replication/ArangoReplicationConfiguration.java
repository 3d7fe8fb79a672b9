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
package io.github.camelarango.replication;

import io.github.camelarango.replication.client.Require;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options every role of an {@code arango-replication:} endpoint reads: the connection (read by the client
 * factory), the identity the client registers under with the server (serverId, syncerId, clientInfo: the client
 * sends them) and whether system collections are in scope (includeSystem: read by the producer's requests, the
 * applier configuration and the consumers alike). The options of one role live with that role: producer requests in
 * {@code producer.ArangoReplicationProducerConfiguration}, the applier configuration in
 * {@code producer.ArangoReplicationApplierConfiguration}, the consumers in
 * {@code consumer.ArangoReplicationConsumerConfiguration}, each a {@link RoleConfiguration}. The component holds one
 * instance of each with the shared defaults; every endpoint works on its own {@link #copy()}.
 */
@UriParams
@Configurer
public class ArangoReplicationConfiguration implements Cloneable {

    @UriPath(description = "The replication API operation a producer calls, or the mode a consumer runs in. "
                           + ArangoReplicationOperation.DESCRIBED)
    @Metadata(required = true)
    private ArangoReplicationOperation operation;

    @UriParam(defaultValue = "localhost")
    private String host = "localhost";

    @UriParam(defaultValue = "8529")
    private int port = 8529;

    @UriParam(defaultValue = "_system")
    private String database = "_system";

    @UriParam(label = "security", defaultValue = "root")
    private String user = "root";

    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "security", defaultValue = "basic", enums = "basic,jwt,none")
    private String authentication = "basic";

    @UriParam(label = "security", secret = true)
    private String jwt;

    @UriParam(label = "security", defaultValue = "false")
    private boolean useSsl = false;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10000L;

    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration")
    private long responseTimeout = 120000L;

    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;

    @UriParam
    private String serverId;

    @UriParam
    private String syncerId;

    @UriParam
    private String clientInfo;

    @UriParam(defaultValueNote = "the server default: true for inventory, clusterInventory and the applier, false for walTail; false for the consumers")
    private Boolean includeSystem;

    /**
     * The options of one role (producer requests, applier configuration, consumers): the component holds one
     * instance with the shared defaults, every endpoint works on its {@link #copy()} and checks it once with
     * {@link #validate()}.
     *
     * @param <T> the configuration class itself
     */
    public abstract static class RoleConfiguration<T extends RoleConfiguration<T>> implements Cloneable {

        /**
         * @return a copy of these options (immutable values and shared objects)
         */
        @SuppressWarnings("unchecked")
        public T copy() {
            try {
                return (T) clone();
            } catch (CloneNotSupportedException e) {
                throw new RuntimeCamelException(e);
            }
        }

        /**
         * Checks every option of this configuration.
         *
         * @throws IllegalArgumentException naming the option, the value and what is allowed, for the first invalid one
         */
        public abstract void validate();
    }

    /**
     * @return a copy of this configuration (options are immutable values or shared objects)
     */
    public ArangoReplicationConfiguration copy() {
        try {
            return (ArangoReplicationConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Checks every option of this configuration.
     *
     * @throws IllegalArgumentException naming the option, the value and what is allowed, for the first invalid one
     */
    public void validate() {
        if (port < 1 || port > 65535) {
            throw Require.invalid("port", port, "a TCP port between 1 and 65535");
        }
        Require.oneOf("authentication", String.valueOf(authentication), "basic", "jwt", "none");
        Require.positive("maxConnections", maxConnections);
        Require.positive("connectTimeout", connectTimeout);
        Require.positive("responseTimeout", responseTimeout);
        Require.tick("serverId", serverId);
        Require.tick("syncerId", syncerId);
    }

    public ArangoReplicationOperation getOperation() {
        return operation;
    }

    /**
     * The replication API operation a producer calls, or the mode a consumer runs in.
     */
    public void setOperation(ArangoReplicationOperation operation) {
        this.operation = operation;
    }

    public String getHost() {
        return host;
    }

    /**
     * The host name or IP address of the ArangoDB server.
     */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /**
     * The HTTP port of the ArangoDB server.
     */
    public void setPort(int port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    /**
     * The database whose replication API is used; its name is part of every request's path (/_db/shop for the database shop).
     */
    public void setDatabase(String database) {
        this.database = database;
    }

    public String getUser() {
        return user;
    }

    /**
     * The ArangoDB user for basic authentication or for obtaining a JWT.
     */
    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The password of the ArangoDB user. Masked in URIs and logs.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getAuthentication() {
        return authentication;
    }

    /**
     * How requests authenticate: basic (user and password on every request), jwt (a token obtained with user and password from /_open/auth, or the static jwt option) or none.
     */
    public void setAuthentication(String authentication) {
        this.authentication = authentication;
    }

    public String getJwt() {
        return jwt;
    }

    /**
     * A static JWT bearer token to send instead of obtaining one with user and password; implies authentication=jwt. Masked in URIs and logs.
     */
    public void setJwt(String jwt) {
        this.jwt = jwt;
    }

    public boolean isUseSsl() {
        return useSsl;
    }

    /**
     * Whether to connect with HTTPS; the TLS settings come from sslContextParameters, the component's global SSL context parameters or the JVM defaults.
     */
    public void setUseSsl(boolean useSsl) {
        this.useSsl = useSsl;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * The TLS configuration (trust store, key store, protocols) used when useSsl is true.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a TCP connection to the server (milliseconds, or a duration such as 10s).
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long to wait for the server's response to a request (milliseconds, or a duration such as 2m); makeSlave and synchronize answer only after the initial synchronisation.
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The maximum number of pooled HTTP connections to the server.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getServerId() {
        return serverId;
    }

    /**
     * The server id (unsigned 64-bit decimal) under which this client registers with the server (batch creation and WAL tailing), so the server keeps the write-ahead log it still needs.
     */
    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public String getSyncerId() {
        return syncerId;
    }

    /**
     * The syncer id (unsigned 64-bit decimal) under which this client registers with the server (batch creation and WAL tailing).
     */
    public void setSyncerId(String syncerId) {
        this.syncerId = syncerId;
    }

    public String getClientInfo() {
        return clientInfo;
    }

    /**
     * A free text shown in the server's list of replication clients (logger state).
     */
    public void setClientInfo(String clientInfo) {
        this.clientInfo = clientInfo;
    }

    public Boolean getIncludeSystem() {
        return includeSystem;
    }

    /**
     * Whether system collections are included (inventory, clusterInventory, walTail, synchronize, applier settings); the server default when not set. The changes and dump consumers capture system collections only when it is true.
     */
    public void setIncludeSystem(Boolean includeSystem) {
        this.includeSystem = includeSystem;
    }
}
