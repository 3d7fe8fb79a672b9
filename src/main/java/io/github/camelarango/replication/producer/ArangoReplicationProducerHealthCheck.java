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
package io.github.camelarango.replication.producer;

import java.util.Map;
import java.util.function.Supplier;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.client.ServerInfo;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Producer readiness: UP when the server answers a live logger-state request and its version is known; DOWN with the
 * error (and its HTTP status) otherwise. Registered in the "producers" health check repository by the producer.
 */
public class ArangoReplicationProducerHealthCheck extends AbstractHealthCheck {

    private final String endpointUri;
    private final String serviceUrl;
    private final Supplier<ArangoReplicationClient> client;

    /**
     * @param id          the endpoint's id; the check's id is {@code producer:arango-replication-<id>}
     * @param endpointUri the endpoint's URI, shown sanitized
     * @param serviceUrl  the server's URL, as the messages name it
     * @param client      the endpoint's client
     */
    public ArangoReplicationProducerHealthCheck(String id, String endpointUri, String serviceUrl,
                                                Supplier<ArangoReplicationClient> client) {
        super("camel", "producer:arango-replication-" + id);
        this.endpointUri = endpointUri;
        this.serviceUrl = serviceUrl;
        this.client = client;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(ENDPOINT_URI, URISupport.sanitizeUri(endpointUri));
        builder.detail("service.url", serviceUrl);
        try {
            ArangoReplicationClient server = client.get();
            ServerInfo info = server.serverInfo();
            LoggerState state = server.loggerState();
            builder.detail("server.version", info.version().text());
            builder.detail("server.role", String.valueOf(info.role()));
            if (state.state() != null && state.state().lastLogTick() != null) {
                builder.detail("server.lastLogTick", Ticks.format(state.state().lastLogTick()));
            }
            builder.up();
        } catch (Exception e) {
            builder.message("ArangoDB at " + serviceUrl + " is not usable: " + e.getMessage());
            builder.error(e);
            if (e instanceof ArangoReplicationException answer && answer.getStatus() > 0) {
                builder.detail(HTTP_RESPONSE_CODE, answer.getStatus());
            }
            builder.down();
        }
    }
}
