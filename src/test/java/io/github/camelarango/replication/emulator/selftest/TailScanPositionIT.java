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
package io.github.camelarango.replication.emulator.selftest;

import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@code x-arango-replication-lastscanned} points (§0.3 gotcha 3, §3.5, §4.4): the start or the end of a
 * write batch, which is why it can be below {@code from} or below {@code lastincluded}. Each test uses its own
 * emulator, because the write batches and purges matter.
 */
class TailScanPositionIT {

    private static final String THREE_DOCUMENTS = "[{\"_key\":\"a\"},{\"_key\":\"b\"},{\"_key\":\"c\"}]";

    /** Commits one multi-document write batch into collection {@code c}; returns its start tick. */
    private static long writeOneTransaction(ArangoEmulator emu, RawHttp http) {
        long start = emu.lastTick() + 1;
        assertEquals(202, http.post("/_api/document/c", THREE_DOCUMENTS).status());
        assertEquals(start + 4, emu.lastTick(), "begin, three documents, commit");
        return start;
    }

    @Test
    void version312ReportsTheStartOfTheWriteBatchContainingFromWhenIdle() {
        try (ArangoEmulator emu = ArangoEmulator.builder().version("3.12.4").build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals(200, http.post("/_api/collection", "{\"name\":\"c\"}").status());
            long batchStart = writeOneTransaction(emu, http);
            long from = emu.lastTick();
            RawHttp.Reply idle = http.get("/_api/wal/tail?from=" + from);
            assertEquals(204, idle.status());
            assertEquals("0", idle.header("x-arango-replication-lastincluded"));
            assertEquals(String.valueOf(from), idle.header("x-arango-replication-lasttick"));
            assertEquals(String.valueOf(batchStart), idle.header("x-arango-replication-lastscanned"),
                    "like [REAL 3.12.0-devel] from=189438 -> lastscanned 189435: below from");
            RawHttp.Reply naive = http.get("/_api/wal/tail?from=" + idle.header("x-arango-replication-lastscanned"));
            assertEquals(200, naive.status(), "a client copying lastscanned into from would receive the batch again");
            assertEquals(4, naive.lines().size());
            RawHttp.Reply resumed = http.get("/_api/wal/tail?from=" + from + "&lastScanned=" + batchStart);
            assertEquals(204, resumed.status(), "keeping from monotonic and sending lastScanned back delivers nothing twice");
        }
    }

    @Test
    void version311ReportsTheEndOfThatBatchWhenIdle() {
        try (ArangoEmulator emu = ArangoEmulator.builder().version("3.11.4").build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals(200, http.post("/_api/collection", "{\"name\":\"c\"}").status());
            writeOneTransaction(emu, http);
            long from = emu.lastTick();
            RawHttp.Reply idle = http.get("/_api/wal/tail?from=" + from);
            assertEquals(204, idle.status());
            assertEquals(String.valueOf(from), idle.header("x-arango-replication-lastscanned"), "[REAL 3.11.4]: lastscanned = from");
        }
    }

    @Test
    void loggerFollowReportsTheBatchEndAsLastIncludedAndItsStartAsLastScanned() {
        try (ArangoEmulator emu = ArangoEmulator.builder().build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals(200, http.post("/_api/collection", "{\"name\":\"c\"}").status());
            long from = emu.lastTick();
            writeOneTransaction(emu, http);
            RawHttp.Reply reply = http.get("/_api/replication/logger-follow?from=" + from);
            assertEquals(200, reply.status());
            long lastIncluded = Long.parseLong(reply.header("x-arango-replication-lastincluded"));
            long lastScanned = Long.parseLong(reply.header("x-arango-replication-lastscanned"));
            assertEquals(emu.lastTick(), lastIncluded, "the end tick of the last processed write batch");
            assertEquals(from + 1, lastScanned, "the start of that batch");
            assertTrue(lastIncluded > lastScanned, "as in the [REAL 3.11.4] buffer-limit example (§3.5)");
        }
    }

    @Test
    void aScanStoppedByToBeforeTheFirstRetainedBatchReportsThatBatchStart() {
        try (ArangoEmulator emu = ArangoEmulator.builder().build().start()) {
            RawHttp http = new RawHttp(emu.url());
            assertEquals(200, http.post("/_api/collection", "{\"name\":\"c\"}").status());
            long purged = emu.lastTick();
            emu.purgeWalUpTo(purged);
            long firstRetained = writeOneTransaction(emu, http);
            http.post("/_api/document/c", "{}");
            RawHttp.Reply reply = http.get("/_api/wal/tail?from=1&to=2");
            assertEquals(204, reply.status());
            assertEquals("false", reply.header("x-arango-replication-frompresent"));
            assertEquals(String.valueOf(firstRetained), reply.header("x-arango-replication-lastscanned"),
                    "the scan stopped at the first batch beyond to, not at the latest tick " + emu.lastTick());
        }
    }
}
