package io.github.camelarango.replication.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelarango.replication.cdc.ChangePosition;

/**
 * The component as users run it: {@code from("arango-replication:changes?collections=<c>&snapshotMode=...")} into
 * a processor that takes the document out of each exchange and counts it. Snapshot: {@code INITIAL_ONLY}, until
 * every document arrived. Tail: {@code NEVER} with a position stored in the offset repository beforehand.
 */
final class CamelRouteContender implements Contender {

    private final String url;
    private final String collection;
    private final CamelRoute.Offsets offsets;
    private final ChangePosition resumeFrom;
    private final long expected;

    private CamelRouteContender(String url, String collection, CamelRoute.Offsets offsets, ChangePosition resumeFrom,
                                long expected) {
        this.url = url;
        this.collection = collection;
        this.offsets = offsets;
        this.resumeFrom = resumeFrom;
        this.expected = expected;
    }

    static CamelRouteContender snapshot(String url, String collection, long documents, CamelRoute.Offsets offsets) {
        return new CamelRouteContender(url, collection, offsets, null, documents);
    }

    static CamelRouteContender tail(String url, String collection, long afterTick, long events,
                                    CamelRoute.Offsets offsets) {
        return new CamelRouteContender(url, collection, offsets, ChangePosition.tail(afterTick, 0), events);
    }

    @Override
    public String name() {
        return "camel route, " + (offsets == CamelRoute.Offsets.FILE ? "file offsets (default)" : "memory offsets");
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
                    + (resumeFrom == null ? "INITIAL_ONLY" : "NEVER"), exchange -> {
                documentFields.addAndGet(CamelRoute.document(exchange).size());
                if (received.incrementAndGet() == expected) {
                    done.countDown();
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
}
