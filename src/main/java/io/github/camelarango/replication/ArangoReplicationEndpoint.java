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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationApplierConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationProducerConfiguration;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Calls the ArangoDB replication HTTP API (batches, inventory, dump, logger, applier, write-ahead log and revision
 * operations) and captures ArangoDB changes.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "arango-replication", title = "ArangoDB Replication",
             syntax = "arango-replication:operation", category = { Category.DATABASE },
             headersClass = ArangoReplicationConstants.class)
public class ArangoReplicationEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriParam
    private final ArangoReplicationConfiguration configuration;
    @UriParam
    private final ArangoReplicationProducerConfiguration producerConfiguration;
    @UriParam
    private final ArangoReplicationApplierConfiguration applierConfiguration;
    @UriParam
    private final ArangoReplicationConsumerConfiguration consumerConfiguration;
    /** Documents the scheduler's delay with the per-mode defaults applied in {@link #createConsumer}. */
    @UriParam(label = "consumer,scheduler", javaType = "java.time.Duration",
              defaultValueNote = "10 ms for changes, 1 s for loggerState, 1 h for dump",
              description = "Milliseconds (or a duration such as 5s) between two polls of a consumer; for changes the "
                            + "pause after a poll found nothing new, added to the idle wait of the write-ahead log.")
    private long delay = -1;

    private static final int DEFAULT_CHANGES_BACKOFF_ERROR_THRESHOLD = 3;
    private static final int DEFAULT_CHANGES_BACKOFF_MULTIPLIER = 500;

    private ArangoReplicationClient client;
    private boolean ownsClient;

    /** The endpoint works on the configurations it is given: the component passes copies of its own. */
    public ArangoReplicationEndpoint(String uri, ArangoReplicationComponent component,
                                     ArangoReplicationConfiguration configuration,
                                     ArangoReplicationProducerConfiguration producerConfiguration,
                                     ArangoReplicationApplierConfiguration applierConfiguration,
                                     ArangoReplicationConsumerConfiguration consumerConfiguration) {
        super(uri, component);
        this.configuration = configuration;
        this.producerConfiguration = producerConfiguration;
        this.applierConfiguration = applierConfiguration;
        this.consumerConfiguration = consumerConfiguration;
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
    public Consumer createConsumer(Processor processor) throws Exception {
        ArangoReplicationOperation mode = configuration.getOperation();
        ScheduledPollConsumer consumer = switch (mode) {
            case changes -> new ArangoReplicationChangesConsumer(this, processor);
            case dump -> new ArangoReplicationDumpConsumer(this, processor);
            case loggerState -> new ArangoReplicationLoggerStateConsumer(this, processor);
            default -> throw new IllegalArgumentException("'" + mode + "' is a producer operation of arango-replication "
                    + "and cannot be used in from(...); consumer modes are: "
                    + ArangoReplicationOperation.consumerModeNames());
        };
        configureConsumer(consumer);
        if (mode == ArangoReplicationOperation.changes) {
            consumer.setGreedy(true); // one poll is one engine batch: poll again at once while changes come
        }
        if (getDelay() < 0) {
            consumer.setDelay(defaultDelayMillis(mode));
        }
        if (mode == ArangoReplicationOperation.changes && getBackoffMultiplier() == 0 && getBackoffErrorThreshold() == 0) {
            // a lost position or an unreachable server fails every poll: after 3 failures in a row retry (and log)
            // only every 500th poll (about every 5 s with the default delay) instead of a hundred times a second
            consumer.setBackoffErrorThreshold(DEFAULT_CHANGES_BACKOFF_ERROR_THRESHOLD);
            consumer.setBackoffMultiplier(DEFAULT_CHANGES_BACKOFF_MULTIPLIER);
        }
        return consumer;
    }

    /** The delay of a consumer mode when the delay option is not set. */
    private static long defaultDelayMillis(ArangoReplicationOperation mode) {
        return switch (mode) {
            case changes -> 10L; // the engine itself waits idleMinWait..idleMaxWait between empty WAL answers
            case loggerState -> 1000L;
            default -> 3_600_000L;
        };
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
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

    /** @return the connection, client identity and includeSystem options of this endpoint */
    public ArangoReplicationConfiguration getConfiguration() {
        return configuration;
    }

    /** @return the request options of this endpoint's producer */
    public ArangoReplicationProducerConfiguration getProducerConfiguration() {
        return producerConfiguration;
    }

    /** @return the applier configuration options of setApplierConfig, synchronize and makeSlave */
    public ArangoReplicationApplierConfiguration getApplierConfiguration() {
        return applierConfiguration;
    }

    /** @return the options of this endpoint's consumer */
    public ArangoReplicationConsumerConfiguration getConsumerConfiguration() {
        return consumerConfiguration;
    }

    /**
     * {@code host:port} of the server this endpoint reads: the component's client's when it has one, otherwise the
     * host and port options.
     */
    public String serverAddress() {
        ArangoReplicationClient shared = getComponent().getClient();
        return shared != null ? shared.configuration().endpoint().getAuthority()
                : configuration.getHost() + ":" + configuration.getPort();
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
