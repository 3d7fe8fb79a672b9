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
package io.github.camelarango.replication;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure that repeats at every poll (the server answers 503) is logged once in full, then as one short line per
 * back-off step with the count, and the recovery as one line: for each consumer. The scheduler's own back-off is
 * turned off here so that the consumers fail a hundred times a second.
 */
class ConsumerFailureLogIT extends ChangesConsumerTestSupport {

    private static final String NO_SCHEDULER_BACKOFF = "&initialDelay=0&delay=10&backoffMultiplier=1"
                                                       + "&backoffErrorThreshold=1000000";

    @AfterEach
    void clearFaults() {
        SERVER.emulator().faults().clear();
    }

    @Test
    void changesConsumerLogsARepeatedFailureOnce() throws Exception {
        try (CaptureFixture f = fixture("orders"); LogCapture log = new LogCapture()) {
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&snapshotMode=NEVER&offsetRepository=#offsets"
                  + NO_SCHEDULER_BACKOFF + "&" + f.connection(), sink);
            awaitCommitted(changesConsumer().getOffsetKey());
            f.emulator.faults().failNext("GET", "/_api/wal/tail", 503, 503, 1_000_000);
            assertLoggedOnceThenCounted(log, ArangoReplicationChangesConsumer.class, "503");
            f.emulator.faults().clear();
            f.insert("orders", Map.of("_key", "o1"));
            await("o1 after the server recovered", () -> sink.count() == 1);
            assertRecoveryLogged(log, ArangoReplicationChangesConsumer.class);
        }
    }

    @Test
    void dumpConsumerLogsARepeatedFailureOnce() throws Exception {
        try (CaptureFixture f = fixture("orders"); LogCapture log = new LogCapture()) {
            f.insert("orders", Map.of("_key", "o1"));
            f.emulator.faults().failNext("POST", "/_api/replication/batch", 503, 503, 1_000_000);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:dump?collections=orders" + NO_SCHEDULER_BACKOFF + "&" + f.connection(), sink);
            assertLoggedOnceThenCounted(log, ArangoReplicationDumpConsumer.class, "503");
            f.emulator.faults().clear();
            await("a dump after the server recovered", () -> sink.count() >= 1);
            assertRecoveryLogged(log, ArangoReplicationDumpConsumer.class);
        }
    }

    @Test
    void loggerStateConsumerLogsARepeatedFailureOnce() throws Exception {
        try (CaptureFixture f = fixture("orders"); LogCapture log = new LogCapture()) {
            f.emulator.faults().failNext("GET", "/_api/replication/logger-state", 503, 503, 1_000_000);
            List<Object> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            route("arango-replication:loggerState?" + NO_SCHEDULER_BACKOFF.substring(1) + "&" + f.connection(),
                    exchange -> received.add(exchange.getMessage().getBody()));
            assertLoggedOnceThenCounted(log, ArangoReplicationLoggerStateConsumer.class, "503");
            f.emulator.faults().clear();
            await("the logger state after the server recovered", () -> received.size() == 1);
            assertRecoveryLogged(log, ArangoReplicationLoggerStateConsumer.class);
        }
    }

    /**
     * Waits until the consumer failed for 2.5 s (about 200 polls), then checks its log: one ERROR with the full text
     * and the only stack trace, and a few one-line WARNs whose counts grow.
     */
    private static void assertLoggedOnceThenCounted(LogCapture log, Class<?> consumer, String fullText)
            throws InterruptedException {
        await("the first failure", () -> !log.lines("ERROR", consumer).isEmpty()
                                         || !log.lines("WARN", consumer).isEmpty());
        Thread.sleep(2500);
        List<String> errors = log.lines("ERROR", consumer);
        assertEquals(1, errors.size(), "one ERROR: " + errors);
        assertTrue(errors.get(0).contains(fullText), errors.get(0));
        assertEquals(1, log.stackTraces(), "one stack trace, with the ERROR");
        List<String> repeats = log.lines("WARN", consumer);
        assertTrue(!repeats.isEmpty() && repeats.size() <= 4, "a few short lines as the failure goes on: " + repeats);
        long previous = 1;
        for (String line : repeats) {
            Matcher count = Pattern.compile("Still failing \\((\\d+) polls in a row\\): .*503.*").matcher(line);
            assertTrue(count.find(), line);
            long polls = Long.parseLong(count.group(1));
            assertTrue(polls > previous, "the count grows: " + repeats);
            previous = polls;
            assertTrue(line.length() < 400, "a short line: " + line);
        }
        assertTrue(previous >= 20, "the consumer kept polling: " + repeats);
    }

    private static void assertRecoveryLogged(LogCapture log, Class<?> consumer) throws InterruptedException {
        await("the recovery line", () -> log.lines("INFO", consumer).stream().anyMatch(l -> l.contains("Recovered")));
        assertEquals(1, log.lines("ERROR", consumer).size());
        assertEquals(1, log.stackTraces());
    }
}
