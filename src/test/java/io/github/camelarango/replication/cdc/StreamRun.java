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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a {@link ChangeStream} the way a consumer does, for the engine tests of collections and markers. */
final class StreamRun {

    private StreamRun() {
    }

    /** Options for a {@link FakeReplicationSource}: no idle waits, small chunks. */
    static ChangeStreamOptions.Builder options() {
        return ChangeStreamOptions.builder().streamKey("test").idleMinWait(Duration.ZERO).idleMaxWait(Duration.ZERO)
                .initialDumpChunkSize(300).maxDumpChunkSize(1000).tailChunkSize(16384);
    }

    /**
     * Polls and commits every event (as a consumer whose deliveries all succeed) until three polls in a row bring
     * nothing; a poll that fails ends the run with its exception.
     */
    static List<ChangeEvent> deliverAll(ChangeStream stream) {
        return deliverInto(stream, new ArrayList<>());
    }

    /** As {@link #deliverAll}, adding the delivered events to {@code delivered}, which keeps them when a poll fails. */
    static List<ChangeEvent> deliverInto(ChangeStream stream, List<ChangeEvent> delivered) {
        for (int idle = 0, polls = 0; idle < 3; polls++) {
            if (polls > 10_000) {
                throw new AssertionError("the stream never went idle; delivered " + delivered.size());
            }
            List<ChangeEvent> events = stream.poll(50);
            for (ChangeEvent event : events) {
                delivered.add(event);
                stream.commit(event.position());
            }
            idle = events.isEmpty() ? idle + 1 : 0;
        }
        return delivered;
    }

    /** The events that are not snapshot rows. */
    static List<ChangeEvent> changes(List<ChangeEvent> events) {
        return events.stream().filter(e -> !e.snapshot()).toList();
    }
}
