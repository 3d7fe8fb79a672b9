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
package io.github.camelarango.replication.faults;

import java.nio.file.Path;
import java.util.List;

import io.github.camelarango.replication.cdc.ChangePosition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The redelivery window after a crash, for each way of writing the position (once per poll, or per commitInterval)
 * and of delivering (one exchange per change, or batches): a child JVM capturing the fault suite's workload is
 * killed (SIGKILL, no stop, no last write) while it tails, then restarted on the same offset file. The replay must
 * equal the emulator's documents by collection, _key and _rev, and the changes delivered twice must be no more than
 * the window: the deliveries from the position the offset file held at the kill on. Written once per poll, that
 * window is at most one poll (maxEventsPerPoll), plus the earlier changes of a WAL transaction the poll ended in.
 */
class CommitWindowIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "batching={0}, commitInterval={1} ms")
    @CsvSource({"false,0", "true,0", "false,500", "true,500"})
    void aKilledJvmDeliversAgainNoMoreThanTheWindow(boolean batching, long commitInterval) throws Exception {
        long seed = 1300 + commitInterval + (batching ? 1 : 0);
        try (FaultRun r = new FaultRun(seed, 30, true, dir.resolve("run"))) {
            r.options("batching=" + batching + "&commitInterval=" + commitInterval);
            r.at(Phase.TAIL, r::kill);
            List<Delivery> beforeKill = settled(r);
            String stored = r.storedPosition();
            assertNotNull(stored, "the killed JVM had written a position");
            int window = window(beforeKill, stored);

            r.workload.run(20);
            r.start();
            r.workload.run(10);
            int lost = r.awaitConverged();
            assertEquals(0, lost, () -> "the replay differs from the server: " + r.replay().differences(r.truth(), 10)
                                        + r.healthNow());
            int duplicates = r.replay().duplicates();
            assertTrue(duplicates <= window, "the restart delivered " + duplicates + " changes again, more than the "
                                             + window + " delivered from the written position on");
            if (commitInterval == 0) {
                assertTrue(window <= FaultRun.MAX_EVENTS_PER_POLL + Workload.LARGEST_TRANSACTION + 1,
                        "written once per poll, the window is one poll and a transaction's earlier changes, not "
                        + window + " changes");
            }
        }
    }

    /** The deliveries once the killed JVM's last lines were read. */
    private static List<Delivery> settled(FaultRun r) throws InterruptedException {
        int size;
        do {
            size = r.sink.size();
            Thread.sleep(300);
        } while (r.sink.size() != size);
        return r.sink.deliveries();
    }

    /**
     * How many deliveries a restart from {@code stored} may repeat: those from the first one that carried that position
     * on (a snapshot position: the rows of the collection it was dumping; a tail position: the changes after it and
     * those of a transaction open at it), or, for a tail position written without a change, from the first tailed
     * one at or after its tick.
     */
    private static int window(List<Delivery> deliveries, String stored) {
        ChangePosition position = ChangePosition.parse(stored);
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).position() != null
                && position.equals(ChangePosition.parse(deliveries.get(i).position()))) {
                return deliveries.size() - i;
            }
        }
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            if (!d.isSnapshotRow() && d.position() != null
                && Long.compareUnsigned(ChangePosition.parse(d.position()).from(), position.from()) >= 0) {
                return deliveries.size() - i;
            }
        }
        return 0;
    }
}
