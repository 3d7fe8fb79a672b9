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
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.camelarango.replication.offsets.OffsetKeyInUseException;
import io.github.camelarango.replication.offsets.OffsetOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wait of a changes consumer for its offset key while another stream holds it (offsetKeyWaitTimeout): it tries
 * the claim again at most once per {@link #RETRY_INTERVAL}, says who holds the key as its {@link #failure()} (the
 * health check's DOWN message), and gives up after the timeout. It logs INFO when the wait begins and when the key
 * was claimed, and one ERROR when it gives up.
 */
public final class OffsetKeyWait {

    /** The least time between two claims of the key: each one is a query or a write in a shared store. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(OffsetKeyWait.class);

    private final String offsetKey;
    private final String owner;
    private final Duration timeout;
    private final long began = System.nanoTime();
    private final Instant until;
    private long lastTry = began;
    private volatile NotHeld failure;
    private boolean gaveUp;

    /**
     * Begins the wait after the refusal of the first claim.
     *
     * @param owner   who waits, as the messages name it, e.g. {@code route 'orders' of CamelContext 'camel-1'}
     * @param timeout how long to wait (offsetKeyWaitTimeout), above 0
     */
    public OffsetKeyWait(OffsetKeyInUseException refused, String owner, Duration timeout) {
        this.offsetKey = refused.offsetKey();
        this.owner = owner;
        this.timeout = timeout;
        this.until = Instant.now().plus(timeout);
        this.failure = waiting(refused.holder());
        LOG.info("offsetKey '{}' is held by {}; {} waits for it up to {} (offsetKeyWaitTimeout) and delivers nothing "
                 + "until it holds it", offsetKey, refused.holder(), owner, timeout);
    }

    /**
     * Claims the key when a try is due.
     *
     * @param  claim                the claim of the key in the store, refused with an {@link OffsetKeyInUseException}
     *                              while another stream holds it
     * @return                      the claim, or empty while another stream holds the key or after the wait gave up
     * @throws RuntimeException     when the store failed otherwise (the wait goes on)
     */
    public Optional<OffsetOwnership.Claim> tryClaim(Supplier<OffsetOwnership.Claim> claim) {
        long now = System.nanoTime();
        if (gaveUp || now - lastTry < RETRY_INTERVAL.toNanos()) {
            return Optional.empty();
        }
        lastTry = now;
        try {
            OffsetOwnership.Claim held = claim.get();
            LOG.info("{} holds offsetKey '{}' after waiting {} ms for it; it continues from the position stored "
                     + "under it", owner, offsetKey, (now - began) / 1_000_000);
            return Optional.of(held);
        } catch (OffsetKeyInUseException refused) {
            if (now - began < timeout.toNanos()) {
                failure = waiting(refused.holder());
                return Optional.empty();
            }
            gaveUp = true;
            failure = new NotHeld(owner + " gave up waiting for offsetKey '" + offsetKey + "' after " + timeout
                                  + " (offsetKeyWaitTimeout): it is still held by " + refused.holder()
                                  + ". It delivers nothing; restart the route once that stream stopped (or its lease "
                                  + "ran out), or give one of them its own offsetKey");
            LOG.error(failure.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the wait timed out: the consumer delivers nothing until it is restarted. */
    public boolean gaveUp() {
        return gaveUp;
    }

    /** Why the consumer delivers nothing: who holds the key, and until when it waits or that it gave up. */
    public NotHeld failure() {
        return failure;
    }

    private NotHeld waiting(String holder) {
        return new NotHeld("offsetKey '" + offsetKey + "' is held by " + holder + "; " + owner + " waits for it until "
                           + until + " (offsetKeyWaitTimeout " + timeout + ") and delivers nothing until it holds it");
    }

    /** The state of a consumer without its offset key, in its own words (the health check shows them as they are). */
    public static final class NotHeld extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        NotHeld(String message) {
            super(message);
        }
    }
}
