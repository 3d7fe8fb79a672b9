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
 * restart), the offset key held by another stream while the consumer waits for it (offsetKeyWaitTimeout) — with a
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
        if (failure == null || !isEnabled()) {
            return result;
        }
        String message = message(failure);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).down().error(failure).message(message);
        result.getDetails().forEach(builder::detail);
        builder.detail(MESSAGE, message);
        if (failure instanceof ArangoReplicationException answer && answer.getStatus() > 0) {
            builder.detail(HTTP_RESPONSE_CODE, answer.getStatus());
        }
        now.position().forEach(builder::detail);
        return builder.build();
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
