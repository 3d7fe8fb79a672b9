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

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exception handler of the consumers unless the route sets its own ({@code exceptionHandler},
 * {@code bridgeErrorHandler}): it logs a failure once in full and does not flood the log while the same failure
 * repeats. Every failure it is given ends a poll (a poll that failed, or an exchange that was not delivered), and a
 * sticky failure — a lost position, an unreachable server — fails every poll the same way:
 * <ul>
 * <li>a failure unlike the one before: one ERROR line with the full text and the stack trace;</li>
 * <li>the same failure again (same exception type and message): one short WARN line per back-off step, the steps
 * doubling from {@value #FIRST_STEP_SECONDS} s up to {@value #LONGEST_STEP_SECONDS} s, with how many polls failed in
 * a row: {@code Still failing (42 polls in a row): <exception type: message, on one line>};</li>
 * <li>the first poll that succeeds after failures: one INFO line, {@code Recovered after 42 failed polls}.</li>
 * </ul>
 * Thread-safe.
 */
public final class FailureLog implements ExceptionHandler {

    static final long FIRST_STEP_SECONDS = 1;
    static final long LONGEST_STEP_SECONDS = 300;
    private static final int SHORT_LINE = 200;

    private final Logger log;
    private final LongSupplier nanoTime;
    private String failure;
    private String summary;
    private long failedPolls;
    private long step;
    private long nextLineAt;

    /** The failure log of a consumer, written to the consumer's logger. */
    public FailureLog(Class<?> consumer) {
        this(LoggerFactory.getLogger(consumer), System::nanoTime);
    }

    /**
     * @param log      where the lines go
     * @param nanoTime the clock of the back-off steps, as {@link System#nanoTime()}
     */
    FailureLog(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public synchronized void handleException(String message, Exchange exchange, Throwable exception) {
        String what = String.valueOf(exception);
        long now = nanoTime.getAsLong();
        if (what.equals(failure)) {
            failedPolls++;
            if (now - nextLineAt >= 0) {
                log.warn("Still failing ({} polls in a row): {}", failedPolls, summary);
                step = Math.min(step * 2, Duration.ofSeconds(LONGEST_STEP_SECONDS).toNanos());
                nextLineAt = now + step;
            }
            return;
        }
        failure = what;
        summary = summary(exception);
        failedPolls = 1;
        step = Duration.ofSeconds(FIRST_STEP_SECONDS).toNanos();
        nextLineAt = now + step;
        log.error(message == null ? what : message + ". Caused by: " + what, exception);
    }

    /** Records that a poll did its work without a failure; logs the recovery when polls failed before it. */
    public synchronized void pollSucceeded() {
        if (failure != null) {
            log.info("Recovered after {} failed polls; the last failure was: {}", failedPolls, summary);
            failure = null;
            failedPolls = 0;
        }
    }

    /** The exception's simple type name and message, on one line of at most {@value #SHORT_LINE} characters. */
    private static String summary(Throwable exception) {
        String line = exception == null ? "null"
                : (exception.getClass().getSimpleName() + ": " + exception.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= SHORT_LINE ? line : line.substring(0, SHORT_LINE) + "…";
    }
}
