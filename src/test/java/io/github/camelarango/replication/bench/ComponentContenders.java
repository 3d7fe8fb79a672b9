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
import java.util.ArrayList;
import java.util.List;

/** The component-side contenders of each comparison: the cdc engine driven directly (and the Camel route). */
final class ComponentContenders {

    /** idleMinWait configured for the latency runs (the engine's default). */
    static final Duration IDLE_MIN_WAIT = Duration.ofMillis(100);
    /** idleMaxWait of the engine's default backoff. */
    static final Duration IDLE_MAX_WAIT = Duration.ofMillis(2000);

    private ComponentContenders() {
    }

    /**
     * The route with its defaults (file offsets, the JSON text as body) and the engine; with diagnostics also memory
     * offsets, a Map body and 1 MiB chunks.
     */
    static List<Contender> snapshot(String url, String collection, long documents, boolean diagnostics) {
        List<Contender> list = new ArrayList<>();
        CamelRouteContender route = CamelRouteContender.snapshot(url, collection, documents, CamelRoute.Offsets.FILE);
        list.add(route);
        if (diagnostics) {
            list.add(CamelRouteContender.snapshot(url, collection, documents, CamelRoute.Offsets.MEMORY));
            list.add(route.withBodyType("Map"));
        }
        list.add(ChangeStreamContender.snapshot(url, collection));
        list.add(ChangeStreamContender.snapshotWithoutPrefetch(url, collection));
        if (diagnostics) {
            list.add(ChangeStreamContender.snapshot(url, collection, 1024 * 1024));
        }
        return list;
    }

    /** The route with its defaults and the engine; with diagnostics also memory offsets and a Map body. */
    static List<Contender> tail(String url, String collection, long afterTick, long documents, boolean diagnostics) {
        List<Contender> list = new ArrayList<>();
        CamelRouteContender route = CamelRouteContender.tail(url, collection, afterTick, documents,
                CamelRoute.Offsets.FILE);
        list.add(route);
        if (diagnostics) {
            list.add(CamelRouteContender.tail(url, collection, afterTick, documents, CamelRoute.Offsets.MEMORY));
            list.add(route.withBodyType("Map"));
        }
        list.add(ChangeStreamContender.tail(url, collection, afterTick, documents));
        return list;
    }

    static List<LatencyProbe> latencyProbes() {
        return List.of(new CamelLatencyProbe(""),
                new CamelLatencyProbe("idleMaxWait=" + IDLE_MIN_WAIT.toMillis() + "&delay=10"),
                new ChangeStreamLatencyProbe(IDLE_MIN_WAIT, IDLE_MAX_WAIT),
                new ChangeStreamLatencyProbe(IDLE_MIN_WAIT, IDLE_MIN_WAIT));
    }
}
