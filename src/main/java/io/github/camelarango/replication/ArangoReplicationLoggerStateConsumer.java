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

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.client.RegisteredClient;
import io.github.camelarango.replication.client.Ticks;
import io.github.camelarango.replication.consumer.DeliveryRule;
import io.github.camelarango.replication.consumer.ErrorDuringPollException;
import io.github.camelarango.replication.consumer.FailureLog;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The {@code loggerState} consumer: polls {@code GET /_api/replication/logger-state} and sends an exchange (body:
 * the {@link LoggerState}, header {@code CamelArangoReplicationTick}: its lastLogTick) when the state changed since
 * the last exchange that completed: the first poll, a new lastLogTick, or a change of the registered replication
 * clients (their serverId, syncerId and clientInfo; the times and lastServedTick of a client alone are not a change).
 * A failed exchange goes to the exception handler and is sent again on the next poll. An {@link Error} is passed on as
 * an {@link ErrorDuringPollException}, so that Camel keeps polling. A failure that repeats at every poll is logged once
 * in full, then one short line per back-off step ({@link FailureLog}).
 */
public class ArangoReplicationLoggerStateConsumer extends ScheduledPollConsumer {

    private final FailureLog failures = new FailureLog(ArangoReplicationLoggerStateConsumer.class);
    private volatile String lastDelivered;

    public ArangoReplicationLoggerStateConsumer(ArangoReplicationEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        setExceptionHandler(failures); // unless the endpoint sets exceptionHandler or bridgeErrorHandler
    }

    @Override
    public ArangoReplicationEndpoint getEndpoint() {
        return (ArangoReplicationEndpoint) super.getEndpoint();
    }

    @Override
    protected int poll() throws Exception {
        LoggerState state;
        try {
            state = getEndpoint().getClient().loggerState();
        } catch (Error e) {
            throw new ErrorDuringPollException("The logger state is read again on the next poll", e);
        }
        String fingerprint = fingerprint(state);
        if (fingerprint.equals(lastDelivered)) {
            failures.pollSucceeded();
            return 0;
        }
        boolean delivered = DeliveryRule.deliver(this, message -> {
            message.setBody(state);
            if (state.state() != null && state.state().lastLogTick() != null) {
                message.setHeader(ArangoReplicationConstants.TICK, Ticks.format(state.state().lastLogTick()));
            }
        }, () -> "The logger state change was not delivered; it is sent again on the next poll");
        if (delivered) {
            lastDelivered = fingerprint;
            failures.pollSucceeded();
        }
        return 1;
    }

    /** lastLogTick plus the identities of the registered clients, in a stable order. */
    static String fingerprint(LoggerState state) {
        Long tick = state.state() == null ? null : state.state().lastLogTick();
        TreeSet<String> clients = new TreeSet<>();
        List<RegisteredClient> registered = state.clients() == null ? List.of() : state.clients();
        for (RegisteredClient client : registered) {
            clients.add(Objects.toString(client.serverId(), "") + "/" + Objects.toString(client.syncerId(), "") + "/"
                    + Objects.toString(client.clientInfo(), ""));
        }
        return (tick == null ? "?" : Ticks.format(tick)) + " " + clients;
    }
}
