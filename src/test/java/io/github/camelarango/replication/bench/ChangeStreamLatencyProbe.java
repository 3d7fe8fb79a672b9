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
package io.github.camelarango.replication.bench;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;

/** The change-capture engine polled by a thread of its own, tailing from the current tick (snapshotMode NEVER). */
final class ChangeStreamLatencyProbe implements LatencyProbe {

    private final Duration idleMinWait;
    private final Duration idleMaxWait;
    private HttpArangoReplicationClient client;
    private ChangeStream stream;
    private Thread poller;
    private volatile boolean running;

    ChangeStreamLatencyProbe(Duration idleMinWait, Duration idleMaxWait) {
        this.idleMinWait = idleMinWait;
        this.idleMaxWait = idleMaxWait;
    }

    @Override
    public String name() {
        return "cdc ChangeStream, idleMinWait " + idleMinWait.toMillis() + " ms, idleMaxWait " + idleMaxWait.toMillis()
                + " ms";
    }

    @Override
    public void start(String url, String collection, LongConsumer received) {
        client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(url).build());
        stream = new ChangeStream(client, ChangeStreamOptions.builder().streamKey("latency")
                .snapshotMode(SnapshotMode.NEVER).includeCollections(Set.of(collection))
                .idleMinWait(idleMinWait).idleMaxWait(idleMaxWait).build(), new InMemoryPositionStore());
        stream.poll(1);
        running = true;
        poller = new Thread(() -> {
            while (running) {
                try {
                    for (ChangeEvent event : stream.poll(ChangeStreamContender.MAX_EVENTS_PER_POLL)) {
                        JsonNode stamp = event.data().get("sentNanos");
                        if (event.type() == ChangeType.UPSERT && stamp != null) {
                            received.accept(stamp.asLong());
                        }
                        stream.commit(event.position());
                    }
                } catch (IllegalStateException closed) {
                    return;
                }
            }
        }, "latency-poller");
        poller.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (stream != null) {
            stream.close();
        }
        if (poller != null) {
            poller.join(5000);
        }
        if (client != null) {
            client.close();
        }
    }
}
