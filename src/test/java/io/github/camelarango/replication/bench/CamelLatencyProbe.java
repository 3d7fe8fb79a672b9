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

import java.util.function.LongConsumer;

import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;

/** The changes consumer in a route, tailing from the current tick (snapshotMode NEVER), default options otherwise. */
final class CamelLatencyProbe implements LatencyProbe {

    private final String extraOptions;
    private CamelRoute route;

    /** {@code extraOptions}: endpoint options added to the URI, e.g. {@code idleMaxWait=100}; empty for defaults. */
    CamelLatencyProbe(String extraOptions) {
        this.extraOptions = extraOptions;
    }

    @Override
    public String name() {
        ArangoReplicationConsumerConfiguration defaults = new ArangoReplicationConsumerConfiguration();
        return "camel route" + (extraOptions.isEmpty() ? " (defaults: idleMinWait " + defaults.getIdleMinWait()
                + " ms, idleMaxWait " + defaults.getIdleMaxWait() + " ms, delay 10 ms)"
                : ", " + extraOptions.replace('&', ' '));
    }

    @Override
    public void start(String url, String collection, LongConsumer received) throws Exception {
        route = new CamelRoute(CamelRoute.Offsets.MEMORY);
        route.start(url, "collections=" + collection + "&snapshotMode=NEVER"
                + (extraOptions.isEmpty() ? "" : "&" + extraOptions), exchange -> {
            Object stamp = CamelRoute.document(exchange).get("sentNanos");
            if (stamp instanceof Number n) {
                received.accept(n.longValue());
            }
        });
    }

    @Override
    public void close() {
        if (route != null) {
            route.close();
        }
    }
}
