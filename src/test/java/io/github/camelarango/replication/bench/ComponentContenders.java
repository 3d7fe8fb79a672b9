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

import io.github.camelarango.replication.cdc.ChangeStreamOptions;

/** The component-side contenders of each comparison: the cdc engine driven directly (and the Camel route). */
final class ComponentContenders {

    /** A flat 100 ms between idle calls: the engine probe to compare the defaults with. */
    static final Duration FLAT_WAIT = Duration.ofMillis(100);

    /** The route with batch exchanges (issue 13 item 3). */
    static final String BATCHING = "batching=true";
    /** Fewer position writes (issue 13 item 4): the default writes once per poll. */
    static final String COMMIT_INTERVAL = "commitInterval=1s";

    private ComponentContenders() {
    }

    /**
     * The route with its defaults (file offsets, the JSON text as body), with batch exchanges, with batch exchanges
     * and a commit interval, the first two also reading each change's key header, and the engine; with diagnostics
     * also memory offsets, a Map body and 1 MiB chunks.
     */
    static List<Contender> snapshot(String url, String collection, long documents, boolean diagnostics) {
        List<Contender> list = new ArrayList<>();
        CamelRouteContender route = CamelRouteContender.snapshot(url, collection, documents, CamelRoute.Offsets.FILE);
        list.add(route);
        list.add(route.readingKey());
        list.add(route.withOptions(BATCHING));
        list.add(route.withOptions(BATCHING).readingKey());
        list.add(route.withOptions(BATCHING + "&" + COMMIT_INTERVAL));
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

    /**
     * The route with its defaults, with batch exchanges, with batch exchanges and a commit interval, the first two
     * also reading each change's key header, and the engine; with diagnostics also memory offsets and a Map body.
     */
    static List<Contender> tail(String url, String collection, long afterTick, long documents, boolean diagnostics) {
        List<Contender> list = new ArrayList<>();
        CamelRouteContender route = CamelRouteContender.tail(url, collection, afterTick, documents,
                CamelRoute.Offsets.FILE);
        list.add(route);
        list.add(route.readingKey());
        list.add(route.withOptions(BATCHING));
        list.add(route.withOptions(BATCHING).readingKey());
        list.add(route.withOptions(BATCHING + "&" + COMMIT_INTERVAL));
        if (diagnostics) {
            list.add(CamelRouteContender.tail(url, collection, afterTick, documents, CamelRoute.Offsets.MEMORY));
            list.add(route.withBodyType("Map"));
        }
        list.add(ChangeStreamContender.tail(url, collection, afterTick, documents, true));
        list.add(ChangeStreamContender.tail(url, collection, afterTick, documents, false));
        return list;
    }

    static List<LatencyProbe> latencyProbes() {
        ChangeStreamOptions defaults = ChangeStreamOptions.builder().build();
        // the first probe of the JVM pays its warm-up (class loading, JIT): not the defaults, whose figures count
        return List.of(new CamelLatencyProbe("idleMinWait=100&idleMaxWait=200"), // the defaults before issue 13 item 7
                new CamelLatencyProbe(""),
                new ChangeStreamLatencyProbe(defaults.idleMinWait(), defaults.idleMaxWait()),
                new ChangeStreamLatencyProbe(FLAT_WAIT, FLAT_WAIT));
    }
}
