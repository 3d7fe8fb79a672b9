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
package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.camelarango.replication.client.Ticks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream's registration as a replication client of the server (docs/protocol.md §4.6): while it lives (the
 * server's client TTL, 7200 s by default, from the last registration) the server keeps the WAL after the registered
 * tick. The stream registers at the tick it would resume after if it restarted now — the committed position, or the
 * running snapshot's (earliest) tick — never at the tick it has read up to, so a stop or a crash leaves the WAL it
 * still needs protected.
 * <p>
 * The first registration is made at once, and so is the one after {@link #renew()}; later ones when the tick moved,
 * at most every {@code registrationInterval}, and at least every {@link #REFRESH} so that the TTL does not run out
 * while the stream runs. A failed registration is
 * logged and retried at the next keep-alive: the stream goes on, the registration only protects. Thread-safe.
 */
final class WalRegistration {

    /** The longest time between two registrations while the stream runs, well inside the server's client TTL. */
    static final Duration REFRESH = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(WalRegistration.class);

    private final ReplicationSource source;
    private final Duration interval;
    private final Clock clock;
    private final String streamKey;
    private long registered;
    private Instant registeredAt;
    private boolean failing;

    WalRegistration(ReplicationSource source, Duration interval, Clock clock, String streamKey) {
        this.source = source;
        this.interval = interval;
        this.clock = clock;
        this.streamKey = streamKey;
    }

    /** Registers at {@code tick} if due; 0 means nothing to protect yet. */
    synchronized void keepAt(long tick) {
        if (tick == 0) {
            return;
        }
        Instant now = clock.instant();
        if (registeredAt == null) {
            register(tick, now);
            return;
        }
        Duration since = Duration.between(registeredAt, now);
        if (since.compareTo(interval) >= 0 && (tick != registered || since.compareTo(REFRESH) >= 0)) {
            register(tick, now);
        }
    }

    private void register(long tick, Instant now) {
        try {
            source.register(tick);
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Change stream '{}' could not register at tick {} to keep the server's WAL from there; it "
                        + "tries again every {}: {}", streamKey, Ticks.format(tick), interval, e.getMessage());
            } else {
                LOG.debug("Change stream '{}' could not register at tick {}: {}", streamKey, Ticks.format(tick),
                        e.toString());
            }
            failing = true;
            return;
        }
        if (failing) {
            LOG.info("Change stream '{}' is registered again, at tick {}", streamKey, Ticks.format(tick));
        }
        failing = false;
        registered = tick;
        registeredAt = now;
    }

    /**
     * The server may have lost the registration (it restarted: a batch was lost, or the stream starts over after a
     * failed call): the next {@link #keepAt} registers at once.
     */
    synchronized void renew() {
        registeredAt = null;
    }

    /**
     * At the stream's stop: removes the registration ({@code unregister}), or leaves it at {@code tick} so that a
     * restart within the server's client TTL finds the WAL from there on. Failures are logged, never thrown.
     */
    synchronized void close(long tick, boolean unregister) {
        try {
            if (unregister) {
                source.unregister();
            } else if (tick != 0 && (registeredAt == null || tick != registered)) {
                source.register(tick);
            }
        } catch (RuntimeException e) {
            LOG.warn("Change stream '{}' could not {} at its stop: {}", streamKey,
                    unregister ? "remove its registration (it ends with the server's client TTL)"
                            : "register at tick " + Ticks.format(tick), e.getMessage());
        }
    }
}
