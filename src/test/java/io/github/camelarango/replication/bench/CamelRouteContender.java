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

    private final String url;
    private final String collection;
    private final CamelRoute.Offsets offsets;
    private final ChangePosition resumeFrom;
    private final long expected;
    /** More URI options (bodyType, batching, commitInterval), null for the defaults. */
    private final String options;

    private CamelRouteContender(String url, String collection, CamelRoute.Offsets offsets, ChangePosition resumeFrom,
                                long expected, String options) {
        this.url = url;
        this.collection = collection;
        this.offsets = offsets;
        this.resumeFrom = resumeFrom;
        this.expected = expected;
        this.options = options;
    }

    static CamelRouteContender snapshot(String url, String collection, long documents, CamelRoute.Offsets offsets) {
        return new CamelRouteContender(url, collection, offsets, null, documents, null);
    }

    static CamelRouteContender tail(String url, String collection, long afterTick, long events,
                                    CamelRoute.Offsets offsets) {
        return new CamelRouteContender(url, collection, offsets, ChangePosition.tail(afterTick, 0), events, null);
    }

    /** The same contender with the bodyType option set. */
    CamelRouteContender withBodyType(String type) {
        return withOptions("bodyType=" + type);
    }

    /** The same contender with more URI options, e.g. {@code batching=true}. */
    CamelRouteContender withOptions(String more) {
        return new CamelRouteContender(url, collection, offsets, resumeFrom, expected, more);
    }

    @Override
    public String name() {
        return "camel route, " + (offsets == CamelRoute.Offsets.FILE ? "file offsets" : "memory offsets")
               + (options == null ? (offsets == CamelRoute.Offsets.FILE ? " (default)" : "") : ", " + options);
    }

    @Override
    public long run() throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong documentFields = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (CamelRoute route = new CamelRoute(offsets)) {
            if (resumeFrom != null) {
                route.seedPosition(resumeFrom.toJson());
            }
            route.start(url, "collections=" + collection + "&snapshotMode="
                    + (resumeFrom == null ? "INITIAL_ONLY" : "NEVER") + (options == null ? "" : "&" + options),
                    exchange -> {
                for (Exchange change : changes(exchange)) {
                    documentFields.addAndGet(documentSize(change.getMessage().getBody()));
                    if (received.incrementAndGet() == expected) {
                        done.countDown();
                    }
                }
            });
            if (!done.await(60, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the route received " + received.get() + " of " + expected
                        + " exchanges within 60 minutes");
            }
        }
        if (documentFields.get() < received.get()) {
            throw new IllegalStateException("exchanges without a document body");
        }
        return received.get();
    }

    /** The exchange, or the exchanges of a batch exchange's List body. */
    @SuppressWarnings("unchecked")
    private static List<Exchange> changes(Exchange exchange) {
        if (exchange.getMessage().getHeader(ArangoReplicationConstants.BATCH_SIZE) != null) {
            return exchange.getMessage().getBody(List.class);
        }
        return List.of(exchange);
    }

    /** Characters of a JSON text body, attributes of a Map body: more than 0 for a document. */
    private static long documentSize(Object body) {
        if (body instanceof String text) {
            return text.startsWith("{\"_key\":") ? text.length() : 0;
        }
        return body instanceof Map<?, ?> map ? map.size() : 0;
    }
}
