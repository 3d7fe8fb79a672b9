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

/**
 * An {@link Error} (an {@code OutOfMemoryError}, a {@code StackOverflowError} …) thrown during a consumer's poll,
 * passed on as an exception. Camel's {@code ScheduledPollConsumer} handles the exceptions a poll throws (exception
 * handler, error count, health check) and polls again, but on an {@code Error} it logs and rethrows, and the
 * scheduler then cancels the consumer's task: the route still shows Started and nothing is consumed any more. The
 * consumers therefore never let an {@code Error} leave their poll: they end what the poll began (the changes consumer
 * rewinds to its committed position) and throw this exception, whose message says what was not done and what
 * happens next; the next poll tries again.
 */
public final class ErrorDuringPollException extends RuntimeException {

    /**
     * @param whatHappensNow what the poll did not do and what the consumer does about it
     * @param error          the Error, kept as the cause
     */
    public ErrorDuringPollException(String whatHappensNow, Error error) {
        super(error + " was thrown. " + whatHappensNow, error);
    }
}
