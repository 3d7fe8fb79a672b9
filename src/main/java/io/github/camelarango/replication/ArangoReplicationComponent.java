package io.github.camelarango.replication;

import java.util.Arrays;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code arango-replication} component: creates endpoints whose path is the replication operation (producer) or
 * the consumer mode, e.g. {@code arango-replication:applierState} or {@code arango-replication:changes}.
 */
@Component("arango-replication")
public class ArangoReplicationComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final String TOKEN_OPTION = "jwt";

    @Metadata
    private ArangoReplicationConfiguration configuration = new ArangoReplicationConfiguration();
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

    /** The shared default offset repository of consumers without an offsetRepository (one per file). */
    StateRepository<String, String> defaultOffsetRepository(String offsetFile) {
        return defaultOffsetRepositories.forFile(getCamelContext(), offsetFile);
    }

    @Override
    protected void doStop() throws Exception {
        defaultOffsetRepositories.stopAll();
        super.doStop();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ArangoReplicationOperation operation = ArangoReplicationOperation.fromName(remaining);
        ArangoReplicationConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation);
        ArangoReplicationEndpoint endpoint = new ArangoReplicationEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.isUseSsl() && endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        OptionValidator.validate(endpoint.getConfiguration(), endpoint.getApplierConfiguration());
        if (operation.isConsumerMode()) {
            ChangeStreamSettings.validate(endpoint.getConfiguration(), endpoint.getConsumerConfiguration());
        }
        return endpoint;
    }

    public ArangoReplicationConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The shared configuration: its options are the defaults of every endpoint of this component.
     */
    public void setConfiguration(ArangoReplicationConfiguration configuration) {
        this.configuration = configuration;
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
