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

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelarango.replication.offsets.OffsetOwnership;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer waiting for its offset key (offsetKeyWaitTimeout) is stopped while a poll's claim of the key is under
 * way: the stop waits for that poll, closes the stream it opened and releases the claim it obtained; nothing is
 * delivered, and a claim is never left held by a stopped route.
 */
class ChangesConsumerStopDuringClaimIT extends ChangesConsumerTestSupport {

    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final CountDownLatch secondClaimBegun = new CountDownLatch(1);
    private final CountDownLatch secondClaimMayEnd = new CountDownLatch(1);

    /** A store whose first claim is refused and whose second one takes as long as the test says. */
    private final class SlowClaims extends MemoryStateRepository implements OffsetOwnership {
        @Override
        public Claim claim(String offsetKey, String owner) {
            if (claims.incrementAndGet() == 1) {
                throw OffsetOwnership.alreadyUsed(offsetKey, "route 'holder' of CamelContext 'holder'");
            }
            secondClaimBegun.countDown();
            try {
                secondClaimMayEnd.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return released::incrementAndGet;
        }
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        super.bindToRegistry(registry);
        registry.bind("slow", new SlowClaims());
    }

    @Test
    void aStopDuringThePollsClaimReleasesTheClaimAndClosesTheStream() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&offsetKey=slow-claims&offsetRepository=#slow"
                  + "&offsetKeyWaitTimeout=PT20S&" + f.connection(), sink);
            assertTrue(secondClaimBegun.await(20, TimeUnit.SECONDS), "a poll claims the key again");

            Thread stop = new Thread(() -> {
                try {
                    context.getRouteController().stopRoute("cdc");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            stop.start();
            Thread.sleep(300); // the stop waits for the poll that claims
            secondClaimMayEnd.countDown();
            stop.join(30_000);

            assertEquals(ServiceStatus.Stopped, context.getRouteController().getRouteStatus("cdc"));
            assertEquals(1, released.get(), "the claim obtained while stopping is released");
            Thread.sleep(500);
            assertEquals(0, sink.count(), "nothing is delivered by a stopping consumer");
            assertEquals(2, claims.get(), "no claim after the stop");
        }
    }
}
