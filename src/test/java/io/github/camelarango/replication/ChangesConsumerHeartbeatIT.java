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
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.client.RegisteredClient;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Heartbeats (issue 15 item 4): a tail answer that shows nothing moves the position to the server's
 * {@code lastscanned} minus one (docs/protocol.md §7.1, as arangod's tailing syncer; the emulator's lastscanned is the
 * start of the last write batch, one tick per single-document write), so {@code scanned(t)} is {@code t - 1}. Then, on a stream that captures nothing while the server writes to other databases, the
 * stored position and the registered tick follow what the server scanned; heartbeat exchanges come at the interval,
 * not while changes flow, and their position is committed only once they completed.
 */
class ChangesConsumerHeartbeatIT extends ChangesConsumerTestSupport {

    private static final long INTERVAL = 400;

    /** One exchange the route saw: when, whether a heartbeat, its tick header and the position stored then. */
    record Seen(long nanos, boolean heartbeat, String tick, String key, Object body, String position) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private static List<RegisteredClient> registrations(String offsetKey) {
        try (HttpArangoReplicationClient client = new HttpArangoReplicationClient(ArangoClientConfiguration
                .builder(SERVER.emulator().url()).user("root").password("secret").build())) {
            return client.loggerState().clients().stream()
                    .filter(c -> c.clientInfo() != null && c.clientInfo().endsWith(" " + offsetKey)).toList();
        }
    }

    /** The position reached after the server scanned up to the write batch at {@code tick}. */
    private static long scanned(long tick) {
        return tick - 1;
    }

    private long committedTick(String offsetKey) {
        return ChangePosition.parse(offsets.getState(offsetKey)).from();
    }

    private String uri(CaptureFixture f, String key, String heartbeat) {
        return "arango-replication:changes?collections=orders&offsetKey=" + key + "&snapshotMode=NEVER"
               + "&offsetRepository=#offsets&initialDelay=0&delay=20&registrationInterval=100ms" + heartbeat + "&"
               + f.connection();
    }

    private void record(Exchange exchange) {
        var m = exchange.getMessage();
        seen.add(new Seen(System.nanoTime(), Boolean.TRUE.equals(m.getHeader(ArangoReplicationConstants.HEARTBEAT)),
                m.getHeader(ArangoReplicationConstants.TICK, String.class),
                m.getHeader(ArangoReplicationConstants.KEY, String.class), m.getBody(),
                m.getHeader(ArangoReplicationConstants.POSITION, String.class)));
    }

    private List<Seen> heartbeats() {
        return seen.stream().filter(Seen::heartbeat).toList();
    }

    @Test
    void theStoredPositionAndTheRegisteredTickFollowWritesToAnotherDatabase() throws Exception {
        try (CaptureFixture f = fixture("orders"); CaptureFixture other = fixture("events")) {
            String key = "hb-" + f.database;
            route(uri(f, key, "&heartbeatInterval=" + INTERVAL), this::record);
            awaitCommitted(key);
            long start = committedTick(key);
            for (int i = 0; i < 10; i++) {
                other.insert("events", Map.of("_key", "e" + i));
                Thread.sleep(100);
            }
            long written = f.emulator.lastTick();
            assertTrue(Ticks.isAfter(written, start), "the other database moved the server's tick");
            await("the stored position at the last write elsewhere", () -> committedTick(key) == scanned(written));
            assertTrue(Ticks.isAfter(committedTick(key), start));
            await("the registration there too", () -> registrations(key).size() == 1
                    && registrations(key).get(0).lastServedTick() == scanned(written));
            assertEquals(List.of(), seen, "no heartbeat exchanges without heartbeatExchange, and no changes");
        }
    }

    @Test
    void heartbeatExchangesComeAtTheIntervalWhileIdleAndNotWhileChangesFlow() throws Exception {
        try (CaptureFixture f = fixture("orders"); CaptureFixture other = fixture("events")) {
            String key = "hbx-" + f.database;
            route(uri(f, key, "&heartbeatInterval=" + INTERVAL + "&heartbeatExchange=true"), this::record);
            awaitCommitted(key);
            long start = committedTick(key);
            other.insert("events", Map.of("_key", "e0"));
            other.insert("events", Map.of("_key", "e1"));
            long written = f.emulator.lastTick();
            assertTrue(Ticks.isAfter(scanned(written), start));
            await("two heartbeats after the writes", () -> heartbeats().stream()
                    .filter(s -> Ticks.format(scanned(written)).equals(s.tick())).count() >= 2);
            await("three heartbeats", () -> heartbeats().size() >= 3);
            List<Seen> idle = heartbeats();
            for (int i = 1; i < idle.size(); i++) {
                long gapMillis = (idle.get(i).nanos() - idle.get(i - 1).nanos()) / 1_000_000;
                assertTrue(gapMillis >= INTERVAL - 50 && gapMillis < INTERVAL * 4, "gap " + gapMillis + " ms");
            }
            Seen last = idle.get(idle.size() - 1);
            assertNull(last.body());
            assertEquals(Ticks.format(scanned(written)), last.tick(), "what the server scanned: e1 elsewhere");
            assertEquals(scanned(written), ChangePosition.parse(last.position()).from());
            await("its position committed", () -> committedTick(key) == scanned(written));
            assertEquals(List.of(scanned(written)), registrations(key).stream().map(RegisteredClient::lastServedTick)
                    .toList(), "the registration follows");

            int before = seen.size();
            for (int i = 0; i < 12; i++) { // a change every INTERVAL / 4 for three intervals
                f.insert("orders", Map.of("_key", "o" + i));
                Thread.sleep(INTERVAL / 4);
            }
            await("the twelve changes", () -> seen.stream().filter(s -> !s.heartbeat()).count() == 12);
            List<Seen> flowing = seen.subList(before, seen.size());
            int firstChange = indexOfChange(flowing, "o0");
            int lastChange = indexOfChange(flowing, "o11");
            assertEquals(List.of(), flowing.subList(firstChange, lastChange).stream().filter(Seen::heartbeat).toList(),
                    "no heartbeat while changes flow");
        }
    }

    private static int indexOfChange(List<Seen> seen, String key) {
        for (int i = 0; i < seen.size(); i++) {
            if (key.equals(seen.get(i).key())) {
                return i;
            }
        }
        throw new AssertionError(key + " not among " + seen);
    }

    @Test
    void aFailedHeartbeatExchangeCommitsNothing() throws Exception {
        try (CaptureFixture f = fixture("orders"); CaptureFixture other = fixture("events")) {
            String key = "hbf-" + f.database;
            route(uri(f, key, "&heartbeatInterval=" + INTERVAL + "&heartbeatExchange=true"), exchange -> {
                record(exchange);
                throw new IllegalStateException("the sink is down");
            });
            awaitCommitted(key);
            long start = committedTick(key);
            other.insert("events", Map.of("_key", "e0"));
            other.insert("events", Map.of("_key", "e1"));
            await("two failed heartbeats after the writes", () -> heartbeats().stream()
                    .filter(s -> !Ticks.format(start).equals(s.tick())).count() >= 2);
            assertEquals(start, committedTick(key), "nothing committed past a heartbeat that failed");
            assertEquals(List.of(start), registrations(key).stream().map(RegisteredClient::lastServedTick).toList());
        }
    }
}
