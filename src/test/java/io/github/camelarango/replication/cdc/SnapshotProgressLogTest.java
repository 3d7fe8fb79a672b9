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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

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

    private final ManualClock clock = new ManualClock();
    private final List<String> lines = new ArrayList<>();
    private final SnapshotProgressLog log = new SnapshotProgressLog(clock, Duration.ofSeconds(5), lines::add);

    @Test
    void writesAtMostOneLinePerInterval() {
        OptionalLong unknown = OptionalLong.empty();
        assertFalse(log.read("a", 100, 100, unknown));
        clock.advance(Duration.ofSeconds(3));
        assertFalse(log.read("a", 100, 200, unknown));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(log.read("a", 100, 300, unknown));
        assertFalse(log.read("a", 100, 400, unknown));
        clock.advance(Duration.ofSeconds(6));
        assertTrue(log.read("b", 1, 1, unknown));
        assertEquals(401, log.documentsTotal());
        assertEquals(2, lines.size(), lines.toString());
    }

    @Test
    void lineCarriesDoneOfAboutTotalWithPercentageAndRate() {
        assertFalse(log.read("orders", 100_000, 100_000, OptionalLong.of(1_000_000)));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(log.read("orders", 125_000, 225_000, OptionalLong.of(1_000_000)));
        assertEquals(List.of(
                "Snapshot of collection 'orders': 225000 of about 1000000 documents (22%), 45000 documents/s"), lines);
    }

    @Test
    void lineWithoutTotalWhenTheCountIsUnknown() {
        clock.advance(Duration.ofSeconds(5));
        assertTrue(log.read("orders", 120_000, 120_000, OptionalLong.empty()));
        assertEquals(List.of("Snapshot of collection 'orders': 120000 documents, 24000 documents/s"), lines);
    }

    @Test
    void percentageStopsAt100WhenTheEstimateWasLowAndIsLeftOutForAnEmptyEstimate() {
        clock.advance(Duration.ofSeconds(5));
        log.read("orders", 1200, 1200, OptionalLong.of(1000));
        clock.advance(Duration.ofSeconds(5));
        log.read("late", 10, 10, OptionalLong.of(0));
        assertEquals(List.of("Snapshot of collection 'orders': 1200 of about 1000 documents (100%), 240 documents/s",
                "Snapshot of collection 'late': 10 of about 0 documents, 2 documents/s"), lines);
    }
}
