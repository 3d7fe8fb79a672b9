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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.offsets.JdbcStateRepository;
import io.github.camelarango.replication.offsets.PausedJdbcStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes consumers of two deployments (a CamelContext and a JDBC store each) on one offset key of one database:
 * the second one is refused while the first runs, naming the key and the holder; a first one that paused past its
 * lease is deposed by the second, its next commit is refused, it stops delivering and its health goes DOWN, and the
 * position stays the second one's.
 */
class ChangesConsumerJdbcStoreIT extends JdbcStoreTestSupport {

    /** Another deployment: a CamelContext named {@code name} with a JDBC store of its own on the same database. */
    private CamelContext deployment(String name, CaptureFixture f, ReplicaSink sink) throws Exception {
        return deployment(name, f, sink, "");
    }

    /** Another deployment whose route has the endpoint options {@code options} ({@code &name=value…}) too. */
    private CamelContext deployment(String name, CaptureFixture f, ReplicaSink sink, String options)
            throws Exception {
        return deployment(name, f, sink, new JdbcStateRepository(database), options);
    }

    private ChangePosition storedPosition() {
        JdbcStateRepository reader = new JdbcStateRepository(database);
        reader.start();
        try {
            return ChangePosition.parse(reader.getState(KEY));
        } finally {
            reader.stop();
        }
    }

    @Test
    void aSecondDeploymentOnTheKeyIsRefusedNamingTheHolderAndContinuesOnceItStopped() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            context.getRegistry().bind("jdbc", new JdbcStateRepository(database));
            ReplicaSink first = new ReplicaSink();
            route(uri(f, "jdbc"), first);
            await("the snapshot", () -> first.count() == 1);

            CamelContext refusedOne = deployment("other", f, new ReplicaSink(), "&offsetKeyWaitTimeout=0");
            try {
                String refused = failure(refusedOne::start);
                assertTrue(refused.contains("offsetKey '" + KEY + "' is already used by "
                                            + ProcessHandle.current().pid() + "@"), refused);
                assertTrue(refused.contains(" (route 'cdc' of CamelContext '" + context.getName()
                                            + "') (epoch 1, lease until "), refused);
                assertTrue(refused.contains("give one of them its own offsetKey"), refused);
            } finally {
                refusedOne.stop();
            }

            context.getRouteController().stopRoute("cdc");
            ReplicaSink second = new ReplicaSink();
            CamelContext other = deployment("other", f, second);
            try {
                other.start();
                assertEquals(ServiceStatus.Started, other.getRouteController().getRouteStatus("other"));
                f.insert("orders", Map.of("_key", "o2"));
                await("the change, through the second deployment", () -> second.count() == 1);
                assertEquals("o2", second.received().get(0).key(), "it continues from the first one's position");
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void aPausedOwnerIsDeposedItsCommitRefusedAndItStopsDelivering() throws Exception {
        try (CaptureFixture f = fixture("orders"); LogCapture log = new LogCapture()) {
            f.insert("orders", Map.of("_key", "o1"));
            Instant pausedAt = Instant.now();
            Duration lease = Duration.ofSeconds(1);
            context.getRegistry().bind("paused", PausedJdbcStore.pausedAt(pausedAt, database, lease));
            ReplicaSink old = new ReplicaSink();
            route(uri(f, "paused"), old);
            await("the snapshot", () -> old.count() == 1);
            await("the lease of the paused owner to run out", () -> Instant.now().isAfter(pausedAt.plus(lease)));

            ReplicaSink next = new ReplicaSink();
            CamelContext other = deployment("next", f, next);
            try {
                other.start();
                f.insert("orders", Map.of("_key", "o2"));
                await("the change, through the new owner", () -> next.count() == 1);
                await("the old owner's health DOWN", () -> health().getState() == HealthCheck.State.DOWN);
                String down = health().getMessage().orElse("");
                assertTrue(down.startsWith("offsetKey '" + KEY + "' was claimed by " + ProcessHandle.current().pid()
                                           + "@"), down);
                assertTrue(down.contains(" (route 'next' of CamelContext 'next') (epoch 2, lease until "), down);
                assertTrue(down.contains("since this stream claimed it (epoch 1); the commit of this deposed stream "
                                         + "is refused"), down);

                f.insert("orders", Map.of("_key", "o3"));
                await("the next change, through the new owner", () -> next.count() == 2);
                Thread.sleep(1_000); // time enough for the old owner to deliver it, if it still delivered
                assertEquals(List.of("o2", "o3"), next.received().stream().map(ReplicaSink.Received::key).toList());
                List<String> oldKeys = old.received().stream().map(ReplicaSink.Received::key).toList();
                assertFalse(oldKeys.contains("o3"), "the deposed owner stopped delivering: " + oldKeys);
                assertEquals("o1", oldKeys.get(0));

                String last = next.received().get(1).tick();
                assertEquals(Long.parseUnsignedLong(last),
                        storedPosition().from(),
                        "the position is the new owner's last commit, never the old one's");
                List<String> stopped = log.lines("ERROR", ArangoReplicationChangesConsumer.class);
                assertEquals(1, stopped.size(), String.join("\n", stopped));
                assertTrue(stopped.get(0).contains("Route 'cdc' stopped delivering changes: offsetKey '" + KEY
                                                   + "' was claimed by "), stopped.get(0));
            } finally {
                other.stop();
            }
        }
    }

    @Test
    void aDeposedOwnerWhoseHeartbeatCommitIsRefusedStopsDelivering() throws Exception {
        try (CaptureFixture f = fixture("orders"); CaptureFixture elsewhere = fixture("events")) {
            f.insert("orders", Map.of("_key", "o1"));
            Instant pausedAt = Instant.now();
            Duration lease = Duration.ofSeconds(1);
            context.getRegistry().bind("paused", PausedJdbcStore.pausedAt(pausedAt, database, lease));
            ReplicaSink old = new ReplicaSink();
            route(uri(f, "paused") + "&heartbeatInterval=200&delay=20", old);
            await("the snapshot", () -> old.count() == 1);
            await("the lease of the paused owner to run out", () -> Instant.now().isAfter(pausedAt.plus(lease)));

            CamelContext other = deployment("next", f, new ReplicaSink());
            try {
                other.start();
                elsewhere.insert("events", Map.of("_key", "e1")); // the old owner's idle position moves: its
                elsewhere.insert("events", Map.of("_key", "e2")); // heartbeat commits it, and is refused
                await("the old owner's health DOWN", () -> health().getState() == HealthCheck.State.DOWN);
                String down = health().getMessage().orElse("");
                assertTrue(down.startsWith("offsetKey '" + KEY + "' was claimed by "), down);
                f.insert("orders", Map.of("_key", "o2"));
                Thread.sleep(1_000); // time enough for the old owner to deliver it, if it still delivered
                assertEquals(List.of("o1"), old.received().stream().map(ReplicaSink.Received::key).toList());
            } finally {
                other.stop();
            }
        }
    }
}
