package io.github.camelarango.replication;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule of the consumers for an exchange they processed: it succeeded when it completed without an exception
 * and without rollback; otherwise the failure goes to the consumer's exception handler (so bridgeErrorHandler and a
 * custom exceptionHandler see it) and the consumer must not move on as if it had been delivered. An exchange that
 * Camel rejected because it is shutting down is not delivered either, but is not reported as a failure.
 */
final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private Deliveries() {
    }

    /**
     * @param  whatHappensNow the message for the exception handler: what was not delivered and what the consumer does;
     *                        built only when the exchange did not succeed (it is on the path of every exchange)
     * @return                whether the exchange succeeded
     */
    static boolean succeeded(Exchange exchange, ExceptionHandler handler, Supplier<String> whatHappensNow) {
        boolean ok = exchange.getException() == null && !exchange.isRollbackOnly() && !exchange.isRollbackOnlyLast();
        if (exchange.getException() instanceof RejectedExecutionException) {
            LOG.debug("Exchange rejected while Camel shuts down: {}", whatHappensNow.get());
        } else if (!ok) {
            Throwable cause = exchange.getException() != null ? exchange.getException()
                    : new IllegalStateException("the exchange was marked rollback only");
            handler.handleException(whatHappensNow.get(), exchange, cause);
        }
        return ok;
    }
}
