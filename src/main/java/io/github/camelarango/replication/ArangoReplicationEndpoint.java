package io.github.camelarango.replication;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Calls the ArangoDB replication HTTP API (batches, inventory, dump, logger, applier, write-ahead log and revision
 * operations) and captures ArangoDB changes.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "arango-replication", title = "ArangoDB Replication",
             syntax = "arango-replication:operation", category = { Category.DATABASE },
             headersClass = ArangoReplicationConstants.class)
public class ArangoReplicationEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private ArangoReplicationConfiguration configuration;
    @UriParam
    private ArangoReplicationApplierConfiguration applierConfiguration = new ArangoReplicationApplierConfiguration();

    private ArangoReplicationClient client;
    private boolean ownsClient;

    public ArangoReplicationEndpoint(String uri, ArangoReplicationComponent component,
                                     ArangoReplicationConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public ArangoReplicationComponent getComponent() {
        return (ArangoReplicationComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        ArangoReplicationOperation operation = configuration.getOperation();
        if (!operation.isProducerOperation()) {
            throw new IllegalArgumentException(
                    "'" + operation + "' is a consumer mode of arango-replication and cannot be used in to(...); producer operations are: "
                                               + ArangoReplicationOperation.producerOperationNames());
        }
        return new ArangoReplicationProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "arango-replication consumers are not available yet (requested mode '" + configuration.getOperation() + "')");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (client == null) {
            ArangoReplicationClient shared = getComponent().getClient();
            ownsClient = shared == null;
            client = ownsClient ? ArangoReplicationClients.create(getCamelContext(), configuration) : shared;
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsClient && client != null) {
            client.close();
        }
        client = null;
        ownsClient = false;
        super.doStop();
    }

    /**
     * @return the client of this endpoint; available once the endpoint is started
     */
    public ArangoReplicationClient getClient() {
        if (client == null) {
            throw new IllegalStateException("arango-replication endpoint " + getEndpointBaseUri() + " is not started");
        }
        return client;
    }

    public ArangoReplicationConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The connection and producer options.
     */
    public void setConfiguration(ArangoReplicationConfiguration configuration) {
        this.configuration = configuration;
    }

    public ArangoReplicationApplierConfiguration getApplierConfiguration() {
        return applierConfiguration;
    }

    /**
     * The leader settings of setApplierConfig, synchronize and makeSlave.
     */
    public void setApplierConfiguration(ArangoReplicationApplierConfiguration applierConfiguration) {
        this.applierConfiguration = applierConfiguration;
    }

    @Override
    public String getServiceUrl() {
        return getServiceProtocol() + "://" + configuration.getHost() + ":" + configuration.getPort();
    }

    @Override
    public String getServiceProtocol() {
        return configuration.isUseSsl() ? "https" : "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("database", configuration.getDatabase());
        if (!"none".equals(configuration.getAuthentication()) && configuration.getUser() != null) {
            metadata.put("username", configuration.getUser());
        }
        return metadata;
    }
}
