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
package io.github.camelarango.replication.offsets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every store shared over the network must do, whatever it stores in (the JDBC store's test and the Kafka
 * store's test of the module {@code offsets-kafka} extend it; published as the {@code store-contract} jar): any key
 * and value round-trip and survive a restart, stores of several processes (one repository each) write their keys at
 * once, a second claim of a held key is refused naming the key and the holder, a running claim renews its lease, and
 * a deposed owner's commit is refused without moving the position.
 */
public abstract class LeasedStateRepositoryContract {

    private static final String THIS_PROCESS = ProcessHandle.current().pid() + "@";

    private final List<LeasedStateRepository> started = new ArrayList<>();

    /**
     * A store of its own, as another process has, on the same table or topic as every other of the test, configured
     * but not started.
     *
     * @param clock the clock of its leases
     * @param lease its leaseDuration
     */
    protected abstract LeasedStateRepository newProcess(Clock clock, Duration lease);

    /** The longest key the store holds. */
    protected abstract int longestKey();

    @AfterEach
    void stopProcesses() {
        started.forEach(LeasedStateRepository::stop);
    }

    /** A store of its own, started. */
    protected final LeasedStateRepository process(Clock clock, Duration lease) {
        LeasedStateRepository repository = newProcess(clock, lease);
        repository.start();
        started.add(repository);
        return repository;
    }

    protected final LeasedStateRepository process() {
        return process(Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Test
    void anyKeyAndValueRoundTripAndSurviveARestart() {
        Map<String, String> positions = new LinkedHashMap<>();
        positions.put("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"18446744073709551615\"}");
        positions.put("it's \"quoted\"; DROP TABLE arango_replication_offsets; --", "'; --");
        positions.put("claim/x", "a key that looks like a record of the store's own");
        positions.put("ünïcødé ✓ 🚀 日本", "värde ✓ 🚀");
        positions.put("line\nbreak\ttab\\ ", "a\nb");
        positions.put("", "empty key");
        positions.put("k".repeat(longestKey()), "x".repeat(200_000));
        LeasedStateRepository first = process();
        positions.forEach(first::setState);
        first.setState("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"42\"}");
        positions.put("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"42\"}");
        positions.forEach((key, value) -> assertEquals(value, first.getState(key), key));
        assertNull(first.getState("never saved"));
        assertNull(first.getState("x"));
        first.stop();

        LeasedStateRepository restarted = process();
        positions.forEach((key, value) -> assertEquals(value, restarted.getState(key), key));
    }

    @Test
    void twoProcessesWriteTheirOwnKeysAtOnce() throws Exception {
        LeasedStateRepository one = process();
        LeasedStateRepository two = process();
        int commits = 100;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> writers = new ArrayList<>();
            for (LeasedStateRepository repository : List.of(one, two)) {
                String key = repository == one ? "orders" : "customers";
                writers.add(threads.submit((Callable<Object>) () -> {
                    try (OffsetOwnership.Claim claim = repository.claim(key, "route '" + key + "'")) {
                        together.await();
                        for (int i = 1; i <= commits; i++) {
                            repository.setState(key, Integer.toString(i));
                            assertEquals(Integer.toString(i), repository.getState(key));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Object> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Integer.toString(commits), two.getState("orders"));
        assertEquals(Integer.toString(commits), one.getState("customers"));
    }

    @Test
    void aSecondClaimWhileTheFirstRunsIsRefusedNamingTheKeyAndTheHolder() {
        LeasedStateRepository first = process();
        LeasedStateRepository second = process();
        OffsetOwnership.Claim claim = first.claim("k", "route 'first' of CamelContext 'a'");
        first.setState("k", "1");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> second.claim("k", "route 'second' of CamelContext 'b'"));
        assertTrue(refused.getMessage().startsWith("offsetKey 'k' is already used by " + THIS_PROCESS),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(" (route 'first' of CamelContext 'a') (epoch 1, lease until "),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; give one of them its own offsetKey"), refused.getMessage());
        IllegalStateException unclaimed = assertThrows(IllegalStateException.class, () -> second.setState("k", "0"));
        assertTrue(unclaimed.getMessage().startsWith("offsetKey 'k' is claimed by " + THIS_PROCESS),
                unclaimed.getMessage());
        assertTrue(unclaimed.getMessage().endsWith("; only its holder may save a position under it"),
                unclaimed.getMessage());
        assertEquals("1", second.getState("k"));

        claim.close();
        try (OffsetOwnership.Claim taken = second.claim("k", "route 'second' of CamelContext 'b'")) {
            assertEquals("1", second.getState("k"), "a claim keeps the position");
            second.setState("k", "2");
        }
        assertEquals("2", first.getState("k"));
        first.setState("k", "3"); // nobody claims it now: written as any StateRepository
        assertEquals("3", second.getState("k"));
    }

    @Test
    void aRunningClaimRenewsItsLease() throws InterruptedException {
        LeasedStateRepository first = process(Clock.systemUTC(), Duration.ofSeconds(1));
        LeasedStateRepository second = process();
        first.claim("k", "route 'first'");
        Thread.sleep(2_500); // two and a half leases, renewed every third of one
        assertThrows(IllegalStateException.class, () -> second.claim("k", "route 'second'"));
    }

    /**
     * The old owner pauses (its clock and its renewals stand still) past its lease; the new owner claims the key and
     * commits; the old one resumes and commits: refused, the position stays the new owner's, and the old one's
     * release leaves the new claim alone.
     */
    @Test
    void theCommitOfADeposedOwnerIsRefusedAndThePositionNeverMovesBack() throws InterruptedException {
        Instant pausedAt = Instant.now();
        LeasedStateRepository old = process(Clock.fixed(pausedAt, ZoneOffset.UTC), Duration.ofSeconds(1));
        LeasedStateRepository next = process();
        OffsetOwnership.Claim oldClaim = old.claim("k", "route 'old'");
        old.setState("k", "10");
        while (Instant.now().isBefore(pausedAt.plusSeconds(1))) {
            Thread.sleep(50);
        }

        OffsetOwnership.Claim nextClaim = next.claim("k", "route 'next'");
        assertEquals("10", next.getState("k"), "the new owner continues from the old one's last commit");
        next.setState("k", "20");

        OffsetFencedException fenced = assertThrows(OffsetFencedException.class, () -> old.setState("k", "11"));
        assertEquals("k", fenced.offsetKey());
        assertTrue(fenced.getMessage().startsWith("offsetKey 'k' was claimed by " + THIS_PROCESS), fenced.getMessage());
        assertTrue(fenced.getMessage().contains(" (route 'next') (epoch 2, lease until "), fenced.getMessage());
        assertTrue(fenced.getMessage().contains("since this stream claimed it (epoch 1); the commit of this deposed "
                                                + "stream is refused"), fenced.getMessage());
        assertEquals("20", next.getState("k"), "the refused commit changed nothing");
        assertEquals("20", old.getState("k"));
        assertThrows(OffsetFencedException.class, () -> old.setState("k", "12"), "and every later one too");

        oldClaim.close();
        next.setState("k", "21");
        assertEquals("21", old.getState("k"), "the old owner's release left the new claim alone");
        assertThrows(IllegalStateException.class, () -> old.claim("k", "route 'old'"));
        nextClaim.close();
    }
}
