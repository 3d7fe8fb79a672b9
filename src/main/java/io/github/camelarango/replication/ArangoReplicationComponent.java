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

import java.util.Arrays;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.offsets.DefaultOffsetRepositories;
import io.github.camelarango.replication.producer.ArangoReplicationApplierConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationProducerConfiguration;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code arango-replication} component: creates endpoints whose path is the replication operation (producer) or
 * the consumer mode, e.g. {@code arango-replication:applierState} or {@code arango-replication:changes}. It holds
 * the four configurations of the component, whose options are the defaults of every endpoint (an endpoint option
 * wins), so every option can be set component-wide, e.g. {@code camel.component.arango-replication.snapshot-mode}.
 */
@Component("arango-replication")
public class ArangoReplicationComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final String TOKEN_OPTION = "jwt";

    @Metadata
    private ArangoReplicationConfiguration configuration = new ArangoReplicationConfiguration();
    @Metadata
    private ArangoReplicationProducerConfiguration producerConfiguration = new ArangoReplicationProducerConfiguration();
    @Metadata
    private ArangoReplicationApplierConfiguration applierConfiguration = new ArangoReplicationApplierConfiguration();
    @Metadata
    private ArangoReplicationConsumerConfiguration consumerConfiguration = new ArangoReplicationConsumerConfiguration();
    @Metadata(label = "advanced", autowired = true)
    private ArangoReplicationClient client;
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    private final DefaultOffsetRepositories defaultOffsetRepositories = new DefaultOffsetRepositories();

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        maskTokenOptionInUris();
    }

    /**
     * Camel masks option names containing "password" in every URI it shows, but not "jwt"; add it to the context's
     * additional sensitive keywords, keeping the ones configured by the user.
     */
    private void maskTokenOptionInUris() {
        ExtendedCamelContext extension = getCamelContext().getCamelContextExtension();
        String keywords = extension.getAdditionalSensitiveKeywords();
        if (keywords == null || keywords.isBlank()) {
            extension.setAdditionalSensitiveKeywords(TOKEN_OPTION);
        } else if (Arrays.stream(keywords.split(",")).map(String::trim).noneMatch(TOKEN_OPTION::equalsIgnoreCase)) {
            extension.setAdditionalSensitiveKeywords(keywords + "," + TOKEN_OPTION);
        }
    }

    /** The default offset repositories of the consumers without an offsetRepository (one per file). */
    DefaultOffsetRepositories defaultOffsetRepositories() {
        return defaultOffsetRepositories;
    }

    @Override
    protected void doStop() throws Exception {
        defaultOffsetRepositories.stopAll();
        super.doStop();
    }

    /**
     * Creates the endpoint on copies of the component's configurations, applies the URI's options and checks every
     * option once, so that a bad value fails here, before any request.
     */
    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ArangoReplicationOperation operation = ArangoReplicationOperation.fromName(remaining);
        ArangoReplicationConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation);
        ArangoReplicationEndpoint endpoint = new ArangoReplicationEndpoint(uri, this, endpointConfiguration,
                producerConfiguration.copy(), applierConfiguration.copy(), consumerConfiguration.copy());
        setProperties(endpoint, parameters);
        if (endpointConfiguration.isUseSsl() && endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.getConfiguration().validate();
        endpoint.getProducerConfiguration().validate();
        endpoint.getApplierConfiguration().validate();
        if (operation.isConsumerMode()) {
            endpoint.getConsumerConfiguration().validate();
            if (operation == ArangoReplicationOperation.changes) {
                endpoint.getConsumerConfiguration().validateConnections(endpoint.getConfiguration().getMaxConnections());
            }
        }
        return endpoint;
    }

    public ArangoReplicationConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The connection, client identity and includeSystem options shared by every endpoint of this component.
     */
    public void setConfiguration(ArangoReplicationConfiguration configuration) {
        this.configuration = configuration;
    }

    public ArangoReplicationProducerConfiguration getProducerConfiguration() {
        return producerConfiguration;
    }

    /**
     * The request options of the producer operations shared by every endpoint of this component.
     */
    public void setProducerConfiguration(ArangoReplicationProducerConfiguration producerConfiguration) {
        this.producerConfiguration = producerConfiguration;
    }

    public ArangoReplicationApplierConfiguration getApplierConfiguration() {
        return applierConfiguration;
    }

    /**
     * The applier configuration options (setApplierConfig, synchronize, makeSlave) shared by every endpoint of this
     * component.
     */
    public void setApplierConfiguration(ArangoReplicationApplierConfiguration applierConfiguration) {
        this.applierConfiguration = applierConfiguration;
    }

    public ArangoReplicationConsumerConfiguration getConsumerConfiguration() {
        return consumerConfiguration;
    }

    /**
     * The options of the changes, dump and loggerState consumers shared by every endpoint of this component.
     */
    public void setConsumerConfiguration(ArangoReplicationConsumerConfiguration consumerConfiguration) {
        this.consumerConfiguration = consumerConfiguration;
    }

    public ArangoReplicationClient getClient() {
        return client;
    }

    /**
     * A ready-made replication client used by all endpoints instead of one built from the connection options; the
     * component does not close it.
     */
    public void setClient(ArangoReplicationClient client) {
        this.client = client;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Whether endpoints with useSsl and no sslContextParameters of their own use the global SSL context parameters.
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
