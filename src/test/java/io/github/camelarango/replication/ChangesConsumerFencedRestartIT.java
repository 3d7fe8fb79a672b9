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

import io.github.camelarango.replication.offsets.OffsetFencedException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer fenced once (the store refused its commit: another stream claimed its key since) and then restarted on
 * the same consumer object, as the stop and start operations of its JMX ManagedConsumer do (a route stop and start
 * creates a new consumer in Camel 4): it claims the key again, delivers from the last committed position and is
 * healthy again.
 */
class ChangesConsumerFencedRestartIT extends ChangesConsumerTestSupport {

    private static final String KEY = "orders-fenced";

    /** A store that refuses every write while {@link #fenced} is set, as a store whose key another stream claimed. */
    private final AtomicBoolean fenced = new AtomicBoolean();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        super.bindToRegistry(registry);
        registry.bind("fencing", new MemoryStateRepository() {
            @Override
            public void setState(String key, String value) {
                if (fenced.get()) {
                    throw new OffsetFencedException(key, 1, "route 'other' of CamelContext 'other'");
                }
                super.setState(key, value);
            }
        });
    }

    @Test
    void aFencedConsumerRestartedOnTheSameObjectDeliversAgain() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&offsetKey=" + KEY + "&offsetRepository=#fencing&"
                  + f.connection(), sink);
            await("o1", () -> sink.count() == 1);
            ArangoReplicationChangesConsumer consumer = changesConsumer();
            await("o1's position written", () -> consumer.getCommittedTick().length() > 0
                                                 && !"SNAPSHOT".equals(consumer.getPhase()));

            fenced.set(true);
            f.insert("orders", Map.of("_key", "o2"));
            await("the consumer fenced", () -> health().getState() == HealthCheck.State.DOWN
                                              && health().getMessage().orElse("").contains("was claimed by"));

            fenced.set(false); // the other stream stopped
            consumer.stop();
            consumer.start();
            f.insert("orders", Map.of("_key", "o3"));
            await("o3 after the restart", () -> sink.received().stream().anyMatch(r -> "o3".equals(r.key())));
            List<String> keys = sink.received().stream().map(ReplicaSink.Received::key).toList();
            assertTrue(keys.lastIndexOf("o2") > keys.indexOf("o1") && keys.lastIndexOf("o2") < keys.indexOf("o3"),
                    "o2, whose commit was refused, is delivered again before o3: " + keys);
            await("the health UP again", () -> health().getState() == HealthCheck.State.UP);
            assertEquals(HealthCheck.State.UP, health().getState(), health().getMessage().orElse(""));
        }
    }
}
