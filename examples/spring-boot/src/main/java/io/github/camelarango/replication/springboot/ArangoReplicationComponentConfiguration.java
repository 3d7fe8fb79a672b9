package io.github.camelarango.replication.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.arango-replication.*} properties of a Spring Boot application: the component options
 * every endpoint inherits (connection, security, timeouts, replication client identity, health checks). An option
 * left unset keeps the component's default. Hand-written after the shape of the generated Camel starters.
 */
@ConfigurationProperties(prefix = "camel.component.arango-replication")
public class ArangoReplicationComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /** The ArangoDB host (default localhost). */
    private String host;
    /** The ArangoDB HTTP port (default 8529). */
    private Integer port;
    /** The database (default _system). */
    private String database;
    /** Whether to use HTTPS. */
    private Boolean useSsl;
    /** The user (default root). */
    private String user;
    /** The password; masked by Camel in URIs and logs. */
    private String password;
    /** How to authenticate: basic, jwt or none (default basic). */
    private String authentication;
    /** A ready JWT for authentication=jwt. */
    private String jwt;
    /** The connect timeout in milliseconds (default 10000). */
    private Long connectTimeout;
    /** The response timeout in milliseconds (default 120000). */
    private Long responseTimeout;
    /** The maximum number of pooled HTTP connections (default 20). */
    private Integer maxConnections;
    /** The server id this client registers under with the server (unsigned 64-bit decimal). */
    private String serverId;
    /** The syncer id this client registers under with the server (unsigned 64-bit decimal). */
    private String syncerId;
    /** A free text shown in the server's list of replication clients. */
    private String clientInfo;
    /** Whether the consumers' health checks are enabled (default true). */
    private Boolean healthCheckConsumerEnabled;
    /** Whether the producers' health checks are enabled (default true). */
    private Boolean healthCheckProducerEnabled;
    /** Whether consumer errors are routed to the route's error handler (default false). */
    private Boolean bridgeErrorHandler;
    /** Whether producers connect on their first message rather than at route start (default false). */
    private Boolean lazyStartProducer;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Boolean getUseSsl() {
        return useSsl;
    }

    public void setUseSsl(Boolean useSsl) {
        this.useSsl = useSsl;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getAuthentication() {
        return authentication;
    }

    public void setAuthentication(String authentication) {
        this.authentication = authentication;
    }

    public String getJwt() {
        return jwt;
    }

    public void setJwt(String jwt) {
        this.jwt = jwt;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public String getSyncerId() {
        return syncerId;
    }

    public void setSyncerId(String syncerId) {
        this.syncerId = syncerId;
    }

    public String getClientInfo() {
        return clientInfo;
    }

    public void setClientInfo(String clientInfo) {
        this.clientInfo = clientInfo;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }
}
