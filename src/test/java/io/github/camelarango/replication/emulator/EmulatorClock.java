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
package io.github.camelarango.replication.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's adjustable clock: wall-clock time plus an offset that tests move forward. Batch TTLs, JWT
 * expiry and the times shown in responses are measured on it:
 * <pre>{@code
 * emulator.clock().advance(Duration.ofHours(2));   // every dump batch with a shorter TTL has now expired
 * }</pre>
 * Obtained from {@link ArangoEmulator#clock()}; part of the emulator test kit's public API. Thread-safe.
 */
public final class EmulatorClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** @return the emulator's current time: now plus every {@link #advance(Duration) advance} so far */
    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    /**
     * Moves the clock forward (or backward with a negative duration).
     *
     * @param duration how far
     * @return this clock
     */
    public EmulatorClock advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
        return this;
    }

    /** @return {@link #now()} as {@code YYYY-MM-DDTHH:MM:SSZ}, the time format of replication responses */
    public String timestamp() {
        return format(now());
    }

    /**
     * @param instant a time
     * @return it in the time format of replication responses, {@code YYYY-MM-DDTHH:MM:SSZ}
     */
    public static String format(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
