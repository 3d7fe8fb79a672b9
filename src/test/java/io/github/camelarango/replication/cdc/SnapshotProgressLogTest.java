package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotProgressLogTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void writesAtMostOneLinePerInterval() {
        ManualClock clock = new ManualClock();
        SnapshotProgressLog log = new SnapshotProgressLog(clock, Duration.ofSeconds(5));
        assertFalse(log.read("a", 100, 100));
        clock.advance(Duration.ofSeconds(3));
        assertFalse(log.read("a", 100, 200));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(log.read("a", 100, 300));
        assertFalse(log.read("a", 100, 400));
        clock.advance(Duration.ofSeconds(6));
        assertTrue(log.read("b", 1, 1));
        assertEquals(401, log.documentsTotal());
    }
}
