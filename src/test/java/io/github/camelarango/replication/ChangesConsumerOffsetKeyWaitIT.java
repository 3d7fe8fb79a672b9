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

import io.github.camelarango.replication.consumer.OffsetKeyWait;
import io.github.camelarango.replication.offsets.JdbcStateRepository;
import io.github.camelarango.replication.offsets.PausedJdbcStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A changes consumer whose offset key another deployment holds (a CamelContext and a JDBC store each, on one H2
 * database), with offsetKeyWaitTimeout: it starts without the key, creates no stream, delivers nothing and is DOWN
 * naming the key and the holder; once the holder stopped (or its lease ran out) it claims the key and continues
 * from the position the holder committed last; after the timeout it gives up loudly; stopped while waiting it
 * releases nothing.
 */
class ChangesConsumerOffsetKeyWaitIT extends JdbcStoreTestSupport {

    /** The deployment that holds the key: a CamelContext {@code name} with a JDBC store of its own, started. */
    private CamelContext holder(String name, CaptureFixture f, ReplicaSink sink, JdbcStateRepository store)
            throws Exception {
        CamelContext holder = deployment(name, f, sink, store, "");
        holder.start();
        return holder;
    }

    /** The holder with o1 captured, and this context's route {@code cdc} started behind it on the key. */
    private record Waiting(CamelContext holder, ReplicaSink first, ReplicaSink next) implements AutoCloseable {
        @Override
        public void close() {
            holder.stop();
        }
    }

    /**
     * Inserts o1, starts the holder on {@code store} and, once it captured o1, this context's route {@code cdc} on
     * the same key with offsetKeyWaitTimeout {@code timeout}.
     */
    private Waiting waitingBehind(CaptureFixture f, JdbcStateRepository store, String timeout) throws Exception {
        f.insert("orders", Map.of("_key", "o1"));
        ReplicaSink first = new ReplicaSink();
        CamelContext holder = holder("holder", f, first, store);
        try {
            await("the holder's snapshot", () -> first.count() == 1);
            context.getRegistry().bind("jdbc", new JdbcStateRepository(database));
            ReplicaSink next = new ReplicaSink();
            route(uri(f, "jdbc") + "&offsetKeyWaitTimeout=" + timeout, next);
            return new Waiting(holder, first, next);
        } catch (Exception | Error e) {
            holder.stop();
            throw e;
        }
    }

    private String healthMessage() {
        return health().getMessage().orElse("");
    }

    /** The waiting consumer's health message begins so, naming the key and the holder. */
    private static String heldBy() {
        return "offsetKey '" + KEY + "' is held by " + ProcessHandle.current().pid() + "@";
    }

    @Test
    void theWaitingConsumerTakesOverFromTheCommittedPositionOnceTheHolderStops() throws Exception {
        try (CaptureFixture f = fixture("orders"); LogCapture log = new LogCapture();
             Waiting w = waitingBehind(f, new JdbcStateRepository(database), "PT20S")) {
            assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("cdc"),
                    "the start does not wait for the key");
            await("the waiting consumer's health DOWN", () -> health().getState() == HealthCheck.State.DOWN);
            String down = healthMessage();
            assertTrue(down.startsWith(heldBy()), down);
            assertTrue(down.contains(" (route 'holder' of CamelContext 'holder') (epoch 1, lease until "), down);
            assertTrue(down.contains("; route 'cdc' of CamelContext '" + context.getName() + "' waits for it "
                                     + "until "), down);
            assertTrue(down.endsWith(" (offsetKeyWaitTimeout PT20S) and delivers nothing until it holds it"),
                    down);

            f.insert("orders", Map.of("_key", "o2")); // delivered and committed by the holder while the other waits
            await("o2 through the holder", () -> w.first().count() == 2);
            Thread.sleep(1_500); // more than one claim retry
            assertEquals(0, w.next().count(), "nothing is delivered without the key");
            assertEquals("", changesConsumer().consumerStatus().phase(), "no stream before the claim");
            assertEquals(HealthCheck.State.DOWN, health().getState());

            w.holder().getRouteController().stopRoute("holder");
            await("the waiting consumer's health UP", () -> health().getState() == HealthCheck.State.UP);
            f.insert("orders", Map.of("_key", "o3"));
            await("o3 through the consumer that waited", () -> w.next().count() == 1);
            Thread.sleep(500);
            assertEquals(List.of("o3"), w.next().received().stream().map(ReplicaSink.Received::key).toList(),
                    "it continues from the holder's last commit: o1 and o2 are not delivered again");

            List<String> info = log.lines("INFO", OffsetKeyWait.class);
            assertEquals(2, info.size(), String.join("\n", info));
            assertTrue(info.get(0).contains("offsetKey '" + KEY + "' is held by "), info.get(0));
            assertTrue(info.get(0).contains("waits for it up to PT20S (offsetKeyWaitTimeout)"), info.get(0));
            assertTrue(info.get(1).contains("route 'cdc' of CamelContext '" + context.getName()
                                            + "' holds offsetKey '" + KEY + "' after waiting "), info.get(1));
            assertEquals(List.of(), log.lines("ERROR", OffsetKeyWait.class));
        }
    }

    @Test
    void aHolderWhoseLeaseRunsOutIsTakenOverAfterIt() throws Exception {
        Instant pausedAt = Instant.now(); // the holder stops renewing: as a killed process, its lease runs out
        Duration lease = Duration.ofSeconds(2);
        try (CaptureFixture f = fixture("orders");
             Waiting w = waitingBehind(f, PausedJdbcStore.pausedAt(pausedAt, database, lease), "PT20S")) {
            await("the waiting consumer's health DOWN", () -> health().getState() == HealthCheck.State.DOWN);
            assertTrue(healthMessage().startsWith(heldBy()), healthMessage());
            assertTrue(healthMessage().contains(" (epoch 1, lease until "
                                                + Instant.ofEpochMilli(pausedAt.toEpochMilli()).plus(lease) + ")"),
                    healthMessage());

            await("the health UP after the lease", () -> health().getState() == HealthCheck.State.UP);
            assertTrue(Instant.now().isAfter(pausedAt.plus(lease)), "claimed once the lease ran out");
            f.insert("orders", Map.of("_key", "o2"));
            await("o2 through the consumer that waited", () -> w.next().count() == 1);
            assertEquals("o2", w.next().received().get(0).key(), "it continues from the holder's position");
        }
    }

    @Test
    void afterTheTimeoutItGivesUpLoudlyAndNeverDelivers() throws Exception {
        try (CaptureFixture f = fixture("orders"); LogCapture log = new LogCapture();
             Waiting w = waitingBehind(f, new JdbcStateRepository(database), "1500")) {
            await("the wait to give up", () -> healthMessage().contains("gave up"));
            String down = healthMessage();
            assertEquals(HealthCheck.State.DOWN, health().getState());
            assertTrue(down.startsWith("route 'cdc' of CamelContext '" + context.getName() + "' gave up waiting "
                                       + "for offsetKey '" + KEY + "' after PT1.5S (offsetKeyWaitTimeout): it is "
                                       + "still held by " + ProcessHandle.current().pid() + "@"), down);
            assertTrue(down.contains("(route 'holder' of CamelContext 'holder') (epoch 1, lease until "), down);
            assertTrue(down.endsWith(". It delivers nothing; restart the route once that stream stopped (or its "
                                     + "lease ran out), or give one of them its own offsetKey"), down);
            List<String> errors = log.lines("ERROR", OffsetKeyWait.class);
            assertEquals(1, errors.size(), String.join("\n", errors));
            assertTrue(errors.get(0).contains(down), errors.get(0));

            w.holder().getRouteController().stopRoute("holder"); // the key is free now, but the wait is over
            f.insert("orders", Map.of("_key", "o2"));
            Thread.sleep(2_500); // more than two claim retries
            assertEquals(0, w.next().count(), "a consumer that gave up never delivers without the key");
            assertTrue(healthMessage().contains("gave up"), healthMessage());
            assertEquals(1, log.lines("ERROR", OffsetKeyWait.class).size());

            context.getRouteController().stopRoute("cdc");
            context.getRouteController().startRoute("cdc");
            await("o2 after the restart", () -> w.next().count() == 1);
            assertEquals("o2", w.next().received().get(0).key(), "the restart claims the key and continues");
        }
    }

    @Test
    void stoppedWhileWaitingItReleasesNothingItDoesNotHold() throws Exception {
        try (CaptureFixture f = fixture("orders");
             Waiting w = waitingBehind(f, new JdbcStateRepository(database), "PT20S")) {
            await("the waiting consumer's health DOWN", () -> health().getState() == HealthCheck.State.DOWN);
            context.getRouteController().stopRoute("cdc");

            f.insert("orders", Map.of("_key", "o2"));
            await("o2 through the holder, which still holds the key", () -> w.first().count() == 2);
            JdbcStateRepository third = new JdbcStateRepository(database);
            third.start();
            try {
                String refused = failure(() -> third.claim(KEY, "a third one"));
                assertTrue(refused.contains("is already used by " + ProcessHandle.current().pid()
                                            + "@"), refused);
                assertTrue(refused.contains("(route 'holder' of CamelContext 'holder') (epoch 1, "), refused);
            } finally {
                third.stop();
            }
            assertEquals(0, w.next().count());
        }
    }
}
