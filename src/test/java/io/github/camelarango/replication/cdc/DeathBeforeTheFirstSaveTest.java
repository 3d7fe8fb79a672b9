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
package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A caller that saves once per poll ({@link ChangeStream#acknowledge}, {@link ChangeStream#saveDelivered}) and dies
 * (SIGKILL: no close, no save) in the first poll of a snapshot, after it delivered rows: the restart must still
 * deliver the delete of a delivered row, as FailoverIT.leaderJvmKilledDuringTheSnapshot expects of the consumer.
 */
class DeathBeforeTheFirstSaveTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();
    private final ReplayedState replica = new ReplayedState();

    @Test
    void theDeleteOfARowDeliveredBeforeTheFirstSaveReachesTheCopyAfterARestart() {
        source.createCollection("a");
        for (int i = 0; i < 10; i++) {
            source.upsert("a", "a" + i);
        }
        ChangeStream dying = new ChangeStream(source, FakeStreams.options().build(), store, Clock.systemUTC(), null);
        List<ChangeEvent> first = dying.poll(5);
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4"), first.stream().map(ChangeEvent::key).toList());
        for (ChangeEvent event : first.subList(0, 4)) { // delivered; the JVM dies during the fifth, before the save
            replica.apply(event);
            dying.acknowledge(event);
        }
        source.remove("a", "a2"); // a delivered row is deleted before the restart
        source.upsert("a", "a10");
        try (ChangeStream restarted = new ChangeStream(source, FakeStreams.options().build(), store,
                Clock.systemUTC(), null)) {
            FakeStreams.catchUp(restarted, source, replica::apply);
        }
        assertTrue(source.state().get("a").get("a2") == null, "deleted on the server");
        assertEquals(source.state(), replica.state(), "the copy has every change, the delete of a2 included");
    }
}
