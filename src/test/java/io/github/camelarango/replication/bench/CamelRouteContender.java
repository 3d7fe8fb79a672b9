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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.cdc.ChangePosition;
import org.apache.camel.Exchange;

/**
 * The component as users run it: {@code from("arango-replication:changes?collections=<c>&snapshotMode=...")} into
 * a processor that takes the document out of each exchange, as the body type it was delivered as (the JSON text by
 * default), and counts it; with {@code batching=true} each change of the batch exchange. Snapshot: {@code INITIAL_ONLY}, until every document arrived. Tail: {@code NEVER} with a
 * position stored in the offset repository beforehand.
 */
final class CamelRouteContender implements Contender {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String url;
    private final String collection;
    private final CamelRoute.Offsets offsets;
    private final ChangePosition resumeFrom;
    private final long expected;
    /** More URI options (bodyType, batching, commitInterval), null for the defaults. */
    private final String options;
    /** Whether the processor also reads each change's key header, as a route that keys its Kafka records does. */
    private final boolean readsKey;
    /** The last run's time from its first exchange to its last change. */
    private volatile long deliveryNanos;
    /** The consumer thread's CPU time over it. */
    private volatile long deliveryCpuNanos;

    private CamelRouteContender(String url, String collection, CamelRoute.Offsets offsets, ChangePosition resumeFrom,
                                long expected, String options, boolean readsKey) {
        this.url = url;
        this.collection = collection;
        this.offsets = offsets;
        this.resumeFrom = resumeFrom;
        this.expected = expected;
        this.options = options;
        this.readsKey = readsKey;
    }

    static CamelRouteContender snapshot(String url, String collection, long documents, CamelRoute.Offsets offsets) {
        return new CamelRouteContender(url, collection, offsets, null, documents, null, false);
    }

    static CamelRouteContender tail(String url, String collection, long afterTick, long events,
                                    CamelRoute.Offsets offsets) {
        return new CamelRouteContender(url, collection, offsets, ChangePosition.tail(afterTick, 0), events, null,
                false);
    }

    /** The same contender with the bodyType option set. */
    CamelRouteContender withBodyType(String type) {
        return withOptions("bodyType=" + type);
    }

    /** The same contender with more URI options, e.g. {@code batching=true}. */
    CamelRouteContender withOptions(String more) {
        return new CamelRouteContender(url, collection, offsets, resumeFrom, expected, more, readsKey);
    }

    /** The same contender with a processor that also reads each change's key header. */
    CamelRouteContender readingKey() {
        return new CamelRouteContender(url, collection, offsets, resumeFrom, expected, options, true);
    }

    @Override
    public String name() {
        return "camel route, " + (offsets == CamelRoute.Offsets.FILE ? "file offsets" : "memory offsets")
               + (options == null ? (offsets == CamelRoute.Offsets.FILE && !readsKey ? " (default)" : "") : ", " + options)
               + (readsKey ? ", key header read" : "");
    }

    @Override
    public long run() throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong documentFields = new AtomicLong();
        long[] firstExchange = new long[2]; // wall and CPU time of the consumer thread
        long[] lastChange = new long[2];
        CountDownLatch done = new CountDownLatch(1);
        boolean batching = options != null && options.contains(ComponentContenders.BATCHING);
        try (CamelRoute route = new CamelRoute(offsets)) {
            if (resumeFrom != null) {
                route.seedPosition(resumeFrom.toJson());
            }
            route.start(url, "collections=" + collection + "&snapshotMode="
                    + (resumeFrom == null ? "INITIAL_ONLY" : "NEVER") + (options == null ? "" : "&" + options),
                    exchange -> {
                if (firstExchange[0] == 0) {
                    firstExchange[0] = System.nanoTime();
                    firstExchange[1] = THREADS.getCurrentThreadCpuTime();
                }
                for (Exchange change : batching ? batch(exchange) : List.of(exchange)) {
                    documentFields.addAndGet(documentSize(change.getMessage().getBody()));
                    if (readsKey && change.getMessage().getHeader(ArangoReplicationConstants.KEY) == null) {
                        throw new IllegalStateException("a change without its key header");
                    }
                    if (received.incrementAndGet() == expected) {
                        lastChange[0] = System.nanoTime();
                        lastChange[1] = THREADS.getCurrentThreadCpuTime();
                        done.countDown();
                    }
                }
            });
            if (!done.await(60, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the route received " + received.get() + " of " + expected
                        + " exchanges within 60 minutes");
            }
        }
        deliveryNanos = lastChange[0] - firstExchange[0]; // the latch publishes both (one consumer thread wrote them)
        deliveryCpuNanos = lastChange[1] - firstExchange[1];
        if (documentFields.get() < received.get()) {
            throw new IllegalStateException("exchanges without a document body");
        }
        return received.get();
    }

    @Override
    public long deliveryNanos() {
        return deliveryNanos;
    }

    @Override
    public long deliveryCpuNanos() {
        return deliveryCpuNanos;
    }

    /**
     * The exchanges of a batch exchange's List body (told by the options, not by a header: reading one would have
     * the change's headers written, which a route that reads only the body does not pay for).
     */
    @SuppressWarnings("unchecked")
    private static List<Exchange> batch(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }

    /** Characters of a JSON text body, attributes of a Map body: more than 0 for a document. */
    private static long documentSize(Object body) {
        if (body instanceof String text) {
            return text.startsWith("{\"_key\":") ? text.length() : 0;
        }
        return body instanceof Map<?, ?> map ? map.size() : 0;
    }
}
