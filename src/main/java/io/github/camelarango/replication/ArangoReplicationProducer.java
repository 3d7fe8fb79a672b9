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

import io.github.camelarango.replication.producer.ApplierConfigReader;
import io.github.camelarango.replication.producer.ArangoReplicationProducerHealthCheck;
import io.github.camelarango.replication.producer.OperationHandlers;
import io.github.camelarango.replication.producer.RequestParameters;
import io.github.camelarango.replication.producer.ResultWriter;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls the replication operation of the message: the {@link ArangoReplicationConstants#OPERATION} header when set,
 * otherwise the operation of the endpoint URI. The handler of its server call reads the request parameters (header
 * over option) and writes the result to the body and the replication headers to the headers.
 */
public class ArangoReplicationProducer extends DefaultProducer {

    private final OperationHandlers handlers;
    private ArangoReplicationProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public ArangoReplicationProducer(ArangoReplicationEndpoint endpoint) {
        super(endpoint);
        this.handlers = new OperationHandlers(new ApplierConfigReader(endpoint.getConfiguration(),
                endpoint.getProducerConfiguration(), endpoint.getApplierConfiguration()));
    }

    @Override
    public ArangoReplicationEndpoint getEndpoint() {
        return (ArangoReplicationEndpoint) super.getEndpoint();
    }

    /** Dispatches the message's operation to the handler of its server call. */
    @Override
    public void process(Exchange exchange) throws Exception {
        ArangoReplicationOperation operation = operationOf(exchange);
        if (!operation.isProducerOperation()) {
            throw new IllegalArgumentException(
                    "'" + operation + "' is a consumer mode of arango-replication, not a producer operation; producer operations are: "
                                               + ArangoReplicationOperation.producerOperationNames());
        }
        ArangoReplicationEndpoint endpoint = getEndpoint();
        handlers.of(operation.replicationOperation()).handle(endpoint.getClient(),
                new RequestParameters(exchange.getMessage(), operation.name(), endpoint.getConfiguration(),
                        endpoint.getProducerConfiguration()),
                new ResultWriter(exchange));
    }

    private ArangoReplicationOperation operationOf(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(ArangoReplicationConstants.OPERATION);
        if (header == null) {
            return getEndpoint().getConfiguration().getOperation();
        }
        if (header instanceof ArangoReplicationOperation operation) {
            return operation;
        }
        return ArangoReplicationOperation.fromName(header.toString());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ArangoReplicationEndpoint endpoint = getEndpoint();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ArangoReplicationProducerHealthCheck(endpoint.getId(), endpoint.getEndpointUri(),
                    endpoint.getServiceUrl(), endpoint::getClient);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }
}
