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
package io.github.camelarango.replication.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.client.ArangoConnectionException;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.offsets.OffsetFencedException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Health of the {@code changes} consumer, installed as the consumer's own check (id {@code consumer:<routeId>}, so
 * Camel's route-level consumer checks report it): the scheduled-poll check (first poll done, poll errors) and, on top
 * of it, DOWN while the last poll failed — the server unreachable, the position lost, an answer without a protocol
 * header, a marker it does not know, a renamed collection or a bad line under their FAIL policies, an Error thrown
 * while reading or delivering a change, a commit refused because another stream claimed the offset key (until a
 * restart), the offset key held by another stream while the consumer waits for it (offsetKeyWaitTimeout), a
 * cluster's DB-Server unreachable longer than dbServerUnreachableTimeout, a shard's leader changed — with a
 * message saying what happened and
 * how to recover, the server's HTTP status when it
 * answered with an error, and the {@link ConsumerStatus#position() position} figures and the message ({@link #MESSAGE})
 * as details.
 */
public final class ArangoReplicationConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    /**
     * The detail that repeats a DOWN result's message: Spring Boot's actuator (camel-spring-boot) shows a check's
     * details and error, not its message.
     */
    public static final String MESSAGE = "message";
    /** The detail naming the DB-Servers unreachable longer than dbServerUnreachableTimeout (comma separated ids). */
    public static final String UNREACHABLE_DB_SERVERS = "unreachableDbServers";

    private final Supplier<ConsumerStatus> status;
    private final String server;

    /**
     * @param status the consumer's status now
     * @param server the server and database the consumer reads, as the messages name them
     */
    public ArangoReplicationConsumerHealthCheck(ScheduledPollConsumer consumer, String id,
                                                Supplier<ConsumerStatus> status, String server) {
        super(consumer, id);
        this.status = status;
        this.server = server;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = super.call(options);
        ConsumerStatus now = status.get();
        Throwable failure = now.lastFailure();
        ClusterStatus cluster = now.cluster();
        Map<String, Instant> unreachable = cluster == null ? Map.of() : cluster.unreachableTooLong(Instant.now());
        if (failure == null && unreachable.isEmpty() || !isEnabled() || withinUnreachableTimeout(failure, cluster)) {
            return result;
        }
        String message = failure == null || !unreachable.isEmpty() && !(failure instanceof ChangeStreamException)
                ? unreachable(cluster, unreachable) : message(failure);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).down().message(message);
        if (failure != null) {
            builder.error(failure);
        }
        result.getDetails().forEach(builder::detail);
        builder.detail(MESSAGE, message);
        if (!unreachable.isEmpty()) {
            builder.detail(UNREACHABLE_DB_SERVERS, String.join(",", unreachable.keySet()));
        }
        if (failure instanceof ArangoReplicationException answer && answer.getStatus() > 0) {
            builder.detail(HTTP_RESPONSE_CODE, answer.getStatus());
        }
        now.position().forEach(builder::detail);
        return builder.build();
    }

    /**
     * Whether the failure is a cluster's DB-Server that does not answer, for less than dbServerUnreachableTimeout yet:
     * the consumer reads the other DB-Servers meanwhile, and a DB-Server may be down for a moment (a restart, a
     * fail-over) without the route being unhealthy.
     */
    private static boolean withinUnreachableTimeout(Throwable failure, ClusterStatus cluster) {
        return failure instanceof ArangoConnectionException && cluster != null
               && cluster.servers().values().stream().anyMatch(s -> s.unreachableSince() != null)
               && cluster.unreachableTooLong(Instant.now()).isEmpty();
    }

    /** What DB-Servers stayed unreachable too long, the shards that wait for them, and what the consumer does. */
    private String unreachable(ClusterStatus cluster, Map<String, Instant> unreachable) {
        StringBuilder servers = new StringBuilder();
        unreachable.forEach((id, since) -> servers.append(servers.isEmpty() ? "" : ", ").append(id)
                .append(" (since ").append(since).append(", shards ")
                .append(String.join(",", cluster.servers().get(id).shards())).append(')'));
        return "DB-Server " + servers + " of the cluster at " + server + " stayed unreachable longer than "
               + "dbServerUnreachableTimeout (" + cluster.unreachableTimeout() + "). The consumer goes on reading the "
               + "other DB-Servers and retries it; the changes of its shards are delivered once it answers, from its "
               + "committed position (should the cluster move their leadership meanwhile, the consumer stops and "
               + "names the recovery step).";
    }

    private String message(Throwable failure) {
        if (failure instanceof ChangeStreamException || failure instanceof ErrorDuringPollException
            || failure instanceof OffsetFencedException || failure instanceof OffsetKeyWait.NotHeld) {
            return failure.getMessage(); // their own words: what happened and how the consumer recovers
        }
        if (failure instanceof ArangoConnectionException) {
            return "ArangoDB at " + server + " is unreachable: " + failure.getMessage()
                   + ". The consumer retries at every poll and resumes from its committed position once the server "
                   + "answers.";
        }
        return "Polling changes from ArangoDB at " + server + " failed: " + failure.getMessage()
               + ". The consumer retries at every poll from its committed position.";
    }
}
