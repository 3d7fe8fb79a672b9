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

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.consumer.OffsetKey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The move to the offset key that names the server and the filters: a position stored under the earlier default
 * key ({@code changes:<database>:<collections>}) is adopted once, so an upgrade neither snapshots again nor skips
 * a change; from its first commit on the stream keeps its position under the new key, and the earlier key is cleared.
 */
class ChangesConsumerOffsetKeyIT extends ChangesConsumerTestSupport {

    @Test
    void aPositionUnderTheEarlierDefaultKeyIsAdoptedOnce() throws Exception {
        try (CaptureFixture f = fixture("orders"); LogCapture log = new LogCapture()) {
            f.insert("orders", Map.of("_key", "before1"));
            f.insert("orders", Map.of("_key", "before2"));
            String legacyKey = "changes:" + f.database + ":orders";
            String legacyPosition = ChangePosition.tail(f.emulator.lastTick(), 0).toJson();
            offsets.setState(legacyKey, legacyPosition);

            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&offsetRepository=#offsets&" + f.connection(), sink);
            String key = changesConsumer().getOffsetKey();
            assertNotEquals(legacyKey, key);
            f.insert("orders", Map.of("_key", "after"));
            await("the change after the adopted position", () -> sink.count() >= 1);
            awaitCommitted(key);
            List<ReplicaSink.Received> received = sink.received();
            assertEquals(1, received.size(), "no snapshot, nothing before the adopted position: " + received);
            assertEquals(ChangeType.UPSERT, received.get(0).type());
            assertEquals("after", received.get(0).key());
            assertTrue(ChangePosition.parse(offsets.getState(key)).from() > ChangePosition.parse(legacyPosition).from(),
                    "the new key holds the position after the change");
            assertEquals("", offsets.getState(legacyKey), "the earlier key is cleared: no other stream adopts it");

            context.getRouteController().stopRoute("cdc");
            offsets.setState(legacyKey, ChangePosition.tail(0, 0).toJson()); // read again, it would replay everything
            context.getRouteController().startRoute("cdc");
            f.insert("orders", Map.of("_key", "later"));
            await("the later change", () -> sink.count() >= 2);
            assertEquals(List.of("after", "later"), sink.received().stream().map(ReplicaSink.Received::key).toList(),
                    "once the new key holds a position, the earlier one is no longer read");
            List<String> adopted = log.lines("INFO", OffsetKey.class);
            assertEquals(1, adopted.size(), "one INFO line, at the first start: " + adopted);
            assertTrue(adopted.get(0).endsWith("Change stream '" + key + "' continues from the position stored under '"
                                               + legacyKey + "', the offset key of earlier versions: " + legacyPosition
                                               + ". Its next commit saves the position under the new key and clears "
                                               + "the earlier one, so that no other stream adopts it"), adopted.get(0));
        }
    }

    @Test
    void anOffsetKeyOptionAdoptsNothing() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "before"));
            offsets.setState("changes:" + f.database + ":orders", ChangePosition.tail(f.emulator.lastTick(), 0).toJson());
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&offsetRepository=#offsets&offsetKey=mine&"
                  + f.connection(), sink);
            await("the snapshot", () -> sink.count() == 1);
            assertEquals(ChangeType.SNAPSHOT_READ, sink.received().get(0).type(), "no stored position under 'mine'");
        }
    }
}
