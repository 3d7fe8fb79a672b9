package io.github.camelarango.replication;

import java.util.EnumMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls the replication operation of the message: the {@link ArangoReplicationConstants#OPERATION} header when set,
 * otherwise the operation of the endpoint URI. Results go to the body, replication headers to the headers.
 */
public class ArangoReplicationProducer extends DefaultProducer {

    private final Map<ArangoReplicationOperation, OperationHandler> handlers = new EnumMap<>(ArangoReplicationOperation.class);
    private ArangoReplicationProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public ArangoReplicationProducer(ArangoReplicationEndpoint endpoint) {
        super(endpoint);
        SnapshotOperations.register(handlers);
        LogOperations.register(handlers);
        ApplierOperations.register(handlers,
                new LeaderSettings(endpoint.getConfiguration(), endpoint.getApplierConfiguration()));
        RevisionOperations.register(handlers);
    }

    @Override
    public ArangoReplicationEndpoint getEndpoint() {
        return (ArangoReplicationEndpoint) super.getEndpoint();
    }

    /** @return whether this producer can run the operation */
    boolean supports(ArangoReplicationOperation operation) {
        return handlers.containsKey(operation);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ArangoReplicationOperation operation = operationOf(exchange);
        OperationHandler handler = handlers.get(operation);
        if (handler == null) {
            throw new IllegalArgumentException(
                    "'" + operation + "' is a consumer mode of arango-replication, not a producer operation; producer operations are: "
                                               + ArangoReplicationOperation.producerOperationNames());
        }
        handler.handle(getEndpoint().getClient(),
                new MessageParameters(exchange, operation, getEndpoint().getConfiguration()));
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
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ArangoReplicationProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
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
