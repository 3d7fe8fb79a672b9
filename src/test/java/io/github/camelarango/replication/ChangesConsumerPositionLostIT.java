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
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelarango.replication.ReplicaSink.Received;
import io.github.camelarango.replication.cdc.ChangeType;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lost position — the write-ahead log purged past it ({@code emulator.purgeWalUpTo}), or the dump batch expired
 * during a snapshot — under each positionLostPolicy.
 */
class ChangesConsumerPositionLostIT extends ChangesConsumerTestSupport {

    private static final List<String> ORDERS = List.of("orders");

    /** Captures d1, stops the route, writes d2..d4 with a purge of the WAL in between, starts the route again. */
    private ReplicaSink loseTailPosition(CaptureFixture f, String policy) throws Exception {
        ReplicaSink sink = new ReplicaSink();
        route("arango-replication:changes?collections=orders&snapshotMode=NEVER&positionLostPolicy=" + policy
              + "&offsetRepository=#offsets&initialDelay=0&" + f.connection(), sink);
        awaitCommitted(changesConsumer().getOffsetKey());
        f.insert("orders", Map.of("_key", "d1"));
        await("d1", () -> sink.count() == 1);
        context.getRouteController().stopRoute("cdc");
        f.insert("orders", Map.of("_key", "d2"));
        f.insert("orders", Map.of("_key", "d3"));
        f.emulator.purgeWalUpTo(f.emulator.lastTick());
        f.insert("orders", Map.of("_key", "d4"));
        context.getRouteController().startRoute("cdc");
        return sink;
    }

    @Test
    void failStopsWithAHealthMessageThatSaysHowToRecover() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = loseTailPosition(f, "FAIL");
            await("the lost position", () -> changesConsumer().isPositionLost());
            HealthCheck.Result result = health();
            assertEquals(HealthCheck.State.DOWN, result.getState());
            String message = result.getMessage().orElse("");
            assertTrue(message.contains("lost its position") && message.contains("purged"), message);
            assertTrue(message.contains("positionLostPolicy=RESNAPSHOT") && message.contains("positionLostPolicy=SKIP"),
                    "says how to recover: " + message);
            assertEquals(changesConsumer().getOffsetKey(), result.getDetails().get("offsetKey"));
            assertTrue(changesConsumer().getOffsetKey().startsWith("changes:127.0.0.1:" + f.emulator.port() + "/" + f.database
                                                                  + "/orders?"), changesConsumer().getOffsetKey());
            assertTrue(changesConsumer().getPositionLostCount() >= 1);
            HealthCheckHelper.getHealthCheckRepository(context, "consumers");
            HealthCheck.Result readiness = HealthCheckHelper.invokeReadiness(context).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:cdc")).findFirst()
                    .orElseThrow(() -> new AssertionError("the consumer check is not in Camel's readiness checks"));
            assertEquals(HealthCheck.State.DOWN, readiness.getState());
            assertTrue(readiness.getMessage().orElse("").contains("lost its position"), readiness.getMessage().toString());
            Thread.sleep(300);
            assertEquals(1, sink.count(), "nothing is delivered past a lost position");
        }
    }

    @Test
    void resnapshotDeliversTheCurrentDocumentsAgain() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = loseTailPosition(f, "RESNAPSHOT");
            await("the new snapshot", () -> sink.count() == 5);
            List<Received> snapshot = sink.received().subList(1, 5);
            assertTrue(snapshot.stream().allMatch(r -> r.type() == ChangeType.SNAPSHOT_READ), snapshot.toString());
            assertEquals(f.truth(ORDERS), sink.state(ORDERS));
            f.insert("orders", Map.of("_key", "d5"));
            await("d5 after the new snapshot", () -> sink.count() == 6);
            assertEquals(f.truth(ORDERS), sink.state(ORDERS));
            assertEquals(1, changesConsumer().getPositionLostCount());
            assertEquals(HealthCheck.State.UP, health().getState());
        }
    }

    @Test
    void skipDeliversAGapEventAndContinuesFromTheOldestTickTheServerStillHas() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            ReplicaSink sink = loseTailPosition(f, "SKIP");
            await("the gap and d4", () -> sink.count() == 3);
            Received gap = sink.received().get(1);
            assertEquals(ChangeType.GAP, gap.type());
            Map<?, ?> body = map(gap.body());
            assertTrue(body.get("reason").toString().contains("purged"), body.toString());
            f.insert("orders", Map.of("_key", "d5"));
            await("d5", () -> sink.count() == 4);
            assertEquals(List.of("d1", "d4", "d5"), sink.received().stream().filter(r -> r.type() == ChangeType.UPSERT)
                    .map(Received::key).toList(), "d2 and d3 were purged; d4 the server still has");
        }
    }

    @Test
    void expiredBatchDuringASnapshotResumesWithANewBatch() throws Exception {
        try (CaptureFixture f = fixture("orders", "customers")) {
            for (int i = 0; i < 20; i++) {
                f.insert("orders", Map.of("_key", "o" + i, "pad", "x".repeat(50)));
                f.insert("customers", Map.of("_key", "c" + i));
            }
            AtomicBoolean expired = new AtomicBoolean();
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?positionLostPolicy=RESNAPSHOT&snapshotChunkSize=200&maxEventsPerPoll=2"
                  + "&offsetRepository=#offsets&initialDelay=0&" + f.connection(), exchange -> {
                      if (expired.compareAndSet(false, true)) {
                          f.emulator.expireAllBatches();
                      }
                  }, sink);
            List<String> both = List.of("orders", "customers");
            await("the complete snapshot", () -> sink.state(both).equals(f.truth(both)));
            assertEquals(1, changesConsumer().getPositionLostCount());
            f.remove("orders", "o3");
            await("the delete after the snapshot", () -> sink.state(both).equals(f.truth(both)));
        }
    }

    @Test
    void expiredBatchWithPolicyFailReportsTheLostSnapshot() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 0; i < 10; i++) {
                f.insert("orders", Map.of("_key", "o" + i, "pad", "x".repeat(50)));
            }
            AtomicBoolean expired = new AtomicBoolean();
            route("arango-replication:changes?snapshotChunkSize=200&maxEventsPerPoll=2&offsetRepository=#offsets"
                  + "&initialDelay=0&" + f.connection(), exchange -> {
                      if (expired.compareAndSet(false, true)) {
                          f.emulator.expireAllBatches();
                      }
                  });
            await("the lost snapshot", () -> changesConsumer().isPositionLost());
            String message = health().getMessage().orElse("");
            assertTrue(message.contains("lost its snapshot") && message.contains("batchTtl"), message);
        }
    }
}
