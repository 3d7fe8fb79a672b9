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

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.ReactiveExecutor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule of the consumers for an exchange they send: it was delivered when it completed without an exception
 * and without rollback; otherwise the failure goes to the consumer's exception handler (so bridgeErrorHandler and a
 * custom exceptionHandler see it) and the consumer must not move on as if it had been delivered. An exchange that
 * Camel rejected because it is shutting down is not delivered either, but is not reported as a failure. An
 * {@link Error} thrown while the exchange is written or routed (Camel's routing passes Errors through) fails the
 * exchange and is thrown on as an {@link ErrorDuringPollException}, for the consumer's poll to end and report.
 */
public final class DeliveryRule {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRule.class);

    private DeliveryRule() {
    }

    /**
     * Sends one exchange through the consumer's route, synchronously.
     *
     * @param  write          writes headers and body of the message (or gives its exchange a message of its own)
     * @param  whatHappensNow the message for the exception handler: what was not delivered and what the consumer does;
     *                        built only when the exchange failed (it is on the path of every exchange)
     * @return                whether the exchange was delivered
     * @throws ErrorDuringPollException when an Error was thrown while writing or routing the exchange
     */
    public static boolean deliver(DefaultConsumer consumer, Consumer<Message> write, Supplier<String> whatHappensNow) {
        Exchange exchange = consumer.createExchange(false);
        try {
            write.accept(exchange.getMessage());
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } catch (Error e) {
            ErrorDuringPollException failure = new ErrorDuringPollException(whatHappensNow.get(), e);
            exchange.setException(failure);
            endRouting(exchange, failure);
            consumer.releaseExchange(exchange, false);
            throw failure;
        }
        boolean delivered = exchange.getException() == null && !exchange.isRollbackOnly()
                            && !exchange.isRollbackOnlyLast();
        if (exchange.getException() instanceof RejectedExecutionException) {
            LOG.debug("Exchange rejected while Camel shuts down: {}", whatHappensNow.get());
        } else if (!delivered) {
            Throwable cause = exchange.getException() != null ? exchange.getException()
                    : new IllegalStateException("the exchange was marked rollback only");
            consumer.getExceptionHandler().handleException(whatHappensNow.get(), exchange, cause);
        }
        consumer.releaseExchange(exchange, false);
        return delivered;
    }

    /**
     * Lets Camel end the routing of an exchange that an Error cut short. The Error left Camel's reactive engine with
     * the rest of that routing still queued on this thread (the step's completion runs in a finally block): left
     * there, it would run with the next exchange routed on this thread and take the failed exchange on to the next
     * steps of the route. Run now, with the exchange failed, it ends the routing the way a failure does: no further
     * step, the exchange no longer in flight.
     */
    private static void endRouting(Exchange exchange, ErrorDuringPollException failure) {
        ReactiveExecutor engine = exchange.getContext().getCamelContextExtension().getReactiveExecutor();
        try {
            while (engine.executeFromQueue()) {
                // each call runs one queued task
            }
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
        }
    }
}
