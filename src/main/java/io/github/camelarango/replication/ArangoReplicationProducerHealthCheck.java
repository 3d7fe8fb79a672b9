package io.github.camelarango.replication;

import java.util.Map;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.client.ServerInfo;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Producer readiness: UP when the server answers a live logger-state request and its version is known; DOWN with the
 * error (and its HTTP status) otherwise. Registered in the "producers" health check repository by the producer.
 */
public class ArangoReplicationProducerHealthCheck extends AbstractHealthCheck {

    private final ArangoReplicationEndpoint endpoint;

    public ArangoReplicationProducerHealthCheck(ArangoReplicationEndpoint endpoint, String id) {
        super("camel", "producer:arango-replication-" + id);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(ENDPOINT_URI, URISupport.sanitizeUri(endpoint.getEndpointUri()));
        builder.detail("service.url", endpoint.getServiceUrl());
        try {
            ArangoReplicationClient client = endpoint.getClient();
            ServerInfo server = client.serverInfo();
            LoggerState state = client.loggerState();
            builder.detail("server.version", server.version().text());
            builder.detail("server.role", String.valueOf(server.role()));
            if (state.state() != null && state.state().lastLogTick() != null) {
                builder.detail("server.lastLogTick", Long.toUnsignedString(state.state().lastLogTick()));
            }
            builder.up();
        } catch (Exception e) {
            builder.message("ArangoDB at " + endpoint.getServiceUrl() + " is not usable: " + e.getMessage());
            builder.error(e);
            if (e instanceof ArangoReplicationException failed && failed.getStatus() > 0) {
                builder.detail(HTTP_RESPONSE_CODE, failed.getStatus());
            }
            builder.down();
        }
    }
}
