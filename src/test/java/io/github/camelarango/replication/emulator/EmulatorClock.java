package io.github.camelarango.replication.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's adjustable clock: wall-clock time plus an offset that tests move forward. Batch TTLs, JWT
 * expiry and the times shown in responses are measured on it.
 */
public final class EmulatorClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    /** Moves the clock forward (or backward with a negative duration). */
    public EmulatorClock advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
        return this;
    }

    /** {@code YYYY-MM-DDTHH:MM:SSZ}, the time format of replication responses. */
    public String timestamp() {
        return format(now());
    }

    public static String format(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
