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
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.fail;

/** Engine tests against {@link FakeReplicationSource}: small chunks, no idle waits, and a loop that catches up. */
final class FakeStreams {

    private FakeStreams() {
    }

    /** Options with stream key "test", no idle wait, small dump and tail chunks. */
    static ChangeStreamOptions.Builder options() {
        return ChangeStreamOptions.builder().streamKey("test").idleMinWait(Duration.ZERO).idleMaxWait(Duration.ZERO)
                .initialDumpChunkSize(300).maxDumpChunkSize(1000).tailChunkSize(16384);
    }

    /**
     * Polls, hands each batch of events to {@code sink} and commits its last event, until the stream's committed tail
     * position is level with the source; returns every event handed out.
     */
    static List<ChangeEvent> catchUp(ChangeStream stream, FakeReplicationSource source,
                                     Consumer<List<ChangeEvent>> sink) {
        List<ChangeEvent> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            List<ChangeEvent> events = stream.poll(50);
            sink.accept(events);
            all.addAll(events);
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1));
            } else if (stream.committedPosition().map(p -> !p.isSnapshot()
                    && Long.compareUnsigned(p.from(), source.lastTick()) >= 0).orElse(false)) {
                return all;
            }
        }
        return fail("stream did not catch up; committed " + stream.committedPosition());
    }
}
