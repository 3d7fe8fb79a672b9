package io.github.camelarango.replication;

import java.util.Map;

import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.client.ArangoConnectionException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Health of the {@code changes} consumer, installed as the consumer's own check (id {@code consumer:<routeId>}, so
 * Camel's route-level consumer checks report it): the scheduled-poll check (first poll done, poll errors) and, on top
 * of it, DOWN while the last poll failed — the server unreachable, the position lost, a transaction larger than
 * maxTransactionEvents — with a message saying what happened and how to recover. Details: offsetKey, phase, committedTick, serverLastTick, lagTicks, positionLostCount.
 */
final class ArangoReplicationConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    private final ArangoReplicationChangesConsumer consumer;

    ArangoReplicationConsumerHealthCheck(ArangoReplicationChangesConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = super.call(options);
        Throwable failure = consumer.getLastFailure();
        if (failure == null || !isEnabled()) {
            return result;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).down().error(failure)
                .message(message(failure));
        result.getDetails().forEach(builder::detail);
        builder.detail("offsetKey", consumer.getOffsetKey());
        builder.detail("phase", consumer.getPhase());
        builder.detail("committedTick", consumer.getCommittedTick());
        builder.detail("serverLastTick", consumer.getServerLastTick());
        builder.detail("lagTicks", consumer.getLagTicks());
        builder.detail("positionLostCount", consumer.getPositionLostCount());
        return builder.build();
    }

    private String message(Throwable failure) {
        if (failure instanceof ChangeStreamException) {
            return failure.getMessage(); // the engine's own words: what happened and how to recover
        }
        ArangoReplicationEndpoint endpoint = consumer.getEndpoint();
        String where = endpoint.getServiceUrl() + " (database '" + endpoint.getConfiguration().getDatabase() + "')";
        if (failure instanceof ArangoConnectionException) {
            return "ArangoDB at " + where + " is unreachable: " + failure.getMessage()
                    + ". The consumer retries at every poll and resumes from its committed position once the server "
                    + "answers.";
        }
        return "Polling changes from ArangoDB at " + where + " failed: " + failure.getMessage()
                + ". The consumer retries at every poll from its committed position.";
    }
}
