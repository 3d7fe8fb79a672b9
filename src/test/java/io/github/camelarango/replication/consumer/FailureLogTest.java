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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureLogTest {

    private final AtomicLong now = new AtomicLong();
    private final RecordingLogger logger = new RecordingLogger();
    private final FailureLog log = new FailureLog(logger, now::get);

    @Test
    void aFailureIsLoggedOnceInFullThenAsOneShortLinePerDoublingStep() {
        IllegalStateException unreachable = new IllegalStateException("Connect to http://db:8529 failed:\nrefused");
        log.handleException("Failed polling endpoint: arango-replication://changes", unreachable);
        assertEquals(1, logger.lines.size());
        Line first = logger.lines.get(0);
        assertEquals(Level.ERROR, first.level());
        assertEquals("Failed polling endpoint: arango-replication://changes. Caused by: "
                     + "java.lang.IllegalStateException: Connect to http://db:8529 failed:\nrefused", first.text());
        assertSame(unreachable, first.thrown(), "the stack trace, once");

        // a poll every 100 ms for 20 minutes: lines at 1, 3, 7, 15, 31, 63, 127, 255, 511, 811, 1111 s
        // (steps of 1, 2, 4 … 256 s, then 300 s)
        for (int poll = 2; poll <= 12000; poll++) {
            now.addAndGet(Duration.ofMillis(100).toNanos());
            log.handleException("Failed polling endpoint: arango-replication://changes",
                    new IllegalStateException("Connect to http://db:8529 failed:\nrefused"));
        }
        List<Line> repeats = logger.lines.subList(1, logger.lines.size());
        assertEquals(List.of(11L, 31L, 71L, 151L, 311L, 631L, 1271L, 2551L, 5111L, 8111L, 11111L),
                repeats.stream().map(l -> Long.parseLong(l.text().replaceAll("^Still failing \\((\\d+) polls.*", "$1")))
                        .toList(), "the poll counts of the short lines");
        for (Line repeat : repeats) {
            assertEquals(Level.WARN, repeat.level());
            assertNull(repeat.thrown(), "no stack trace: " + repeat);
            assertTrue(repeat.text().endsWith(" polls in a row): IllegalStateException: Connect to http://db:8529 "
                                              + "failed: refused"), repeat.text());
        }
    }

    @Test
    void anotherFailureIsLoggedInFullAndARecoveryOnceAsInfo() {
        log.handleException(new IllegalStateException("server unreachable"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        log.handleException(new IllegalStateException("server unreachable"));
        log.handleException("poll failed", null, new IllegalArgumentException("position lost"));
        log.pollSucceeded();
        log.pollSucceeded();
        log.handleException(new IllegalArgumentException("position lost"));

        assertEquals(List.of(Level.ERROR, Level.WARN, Level.ERROR, Level.INFO, Level.ERROR),
                logger.lines.stream().map(Line::level).toList(), logger.lines.toString());
        assertEquals("Still failing (2 polls in a row): IllegalStateException: server unreachable",
                logger.lines.get(1).text());
        assertEquals("poll failed. Caused by: java.lang.IllegalArgumentException: position lost",
                logger.lines.get(2).text());
        assertEquals("Recovered after 1 failed polls; the last failure was: IllegalArgumentException: position lost",
                logger.lines.get(3).text());
        assertEquals("java.lang.IllegalArgumentException: position lost", logger.lines.get(4).text(),
                "after a recovery the same failure is news again");
    }

    @Test
    void aShortLineIsShort() {
        log.handleException(new IllegalStateException("x".repeat(1000)));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        log.handleException(new IllegalStateException("x".repeat(1000)));
        String line = logger.lines.get(1).text();
        assertTrue(line.length() < 260 && line.endsWith("x…"), line);
    }

    record Line(Level level, String text, Throwable thrown) {
    }

    /** Keeps every line as its formatted text. */
    static final class RecordingLogger extends LegacyAbstractLogger {
        final List<Line> lines = new ArrayList<>();

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable thrown) {
            lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, arguments), thrown));
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
