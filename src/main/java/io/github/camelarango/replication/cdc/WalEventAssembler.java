package io.github.camelarango.replication.cdc;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.client.Ticks;
import io.github.camelarango.replication.client.WalMarker;

/**
 * Turns WAL markers into {@link StreamStep}s: resolves collection names, applies the filter, holds transactions until
 * their commit, and gives every step the position that is safe to commit after it.
 * <p>
 * Position rule: a committed position never lies inside an open transaction. While a transaction is open, the
 * committable tick stays below its begin marker; the events of a committed transaction all carry the position from
 * before the transaction except the last one, which carries the commit tick. A crash therefore replays a
 * transaction whole. Positions only move forward (unsigned tick order).
 */
final class WalEventAssembler {

    private final String database;
    private final CollectionCatalog catalog;
    private final ChangeFilter filter;
    private final TransactionBuffer transactions;
    private ChangePosition position;

    WalEventAssembler(String database, CollectionCatalog catalog, ChangeFilter filter, TransactionBuffer transactions,
                      ChangePosition start) {
        this.database = database;
        this.catalog = catalog;
        this.filter = filter;
        this.transactions = transactions;
        this.position = start;
    }

    /** The position after everything assembled so far. */
    ChangePosition position() {
        return position;
    }

    /** Open WAL transactions whose events are held. */
    int openTransactions() {
        return transactions.openTransactions();
    }

    /** Events held for open transactions. */
    int bufferedEvents() {
        return transactions.bufferedEvents();
    }

    /** Processes one marker of a tail response, in WAL order. */
    void accept(WalMarker marker, Consumer<StreamStep> out) {
        long tick = marker.tick();
        String tid = marker.tid();
        switch (marker.markerType()) {
            case TRANSACTION_START -> transactions.begin(tid, tick);
            case TRANSACTION_COMMIT -> release(transactions.commit(tid), tick, out);
            case TRANSACTION_ABORT -> {
                transactions.abort(tid);
                out.accept(StreamStep.positionOnly(advanceTo(tick, 0)));
            }
            default -> change(marker, out);
        }
    }

    private void change(WalMarker marker, Consumer<StreamStep> out) {
        long tick = marker.tick();
        ChangeType changeType = ChangeType.ofMarkerType(marker.type());
        if (changeType == null) {
            out.accept(StreamStep.positionOnly(advanceTo(tick, 0)));
            return;
        }
        ChangeEvent event = decode(marker, changeType);
        boolean wanted = filter.accepts(changeType, event.collection());
        if (marker.inTransaction()) {
            if (wanted) {
                transactions.add(marker.tid(), tick, event);
            } else {
                transactions.begin(marker.tid(), tick);
            }
            return;
        }
        ChangePosition next = advanceTo(tick, 0);
        out.accept(wanted ? StreamStep.of(event.withPosition(next)) : StreamStep.positionOnly(next));
    }

    /** Called after a response: the reader moved to {@code readFrom}, the server reported {@code lastScanned}. */
    void endOfResponse(long readFrom, long lastScanned, Consumer<StreamStep> out) {
        boolean idle = transactions.oldestBeginTick().isEmpty();
        out.accept(StreamStep.positionOnly(advanceTo(readFrom, idle ? lastScanned : 0)));
    }

    private void release(List<ChangeEvent> events, long commitTick, Consumer<StreamStep> out) {
        ChangePosition before = position;
        ChangePosition after = advanceTo(commitTick, 0);
        if (events.isEmpty()) {
            out.accept(StreamStep.positionOnly(after));
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            boolean last = i == events.size() - 1;
            out.accept(StreamStep.of(events.get(i).withPosition(last ? after : before)));
        }
    }

    private ChangePosition advanceTo(long tick, long lastScanned) {
        long safe = tick;
        OptionalLong oldestOpen = transactions.oldestBeginTick();
        if (oldestOpen.isPresent() && Ticks.isAfter(safe, oldestOpen.getAsLong() - 1)) {
            safe = oldestOpen.getAsLong() - 1;
        }
        if (Ticks.isAfter(safe, position.from())
                || (safe == position.from() && lastScanned != position.lastScanned() && lastScanned != 0)) {
            position = ChangePosition.tail(safe, lastScanned);
        }
        return position;
    }

    private ChangeEvent decode(WalMarker marker, ChangeType changeType) {
        RawDocument data = marker.rawData() != null ? marker.rawData() : new RawDocument(null, null, RawJson.EMPTY_OBJECT);
        String cuid = marker.cuid();
        catalog.learn(marker.type(), cuid, data.json());
        String collection = catalog.resolve(cuid);
        if (collection == null && changeType == ChangeType.UPSERT) {
            collection = collectionOfId(data.json().tree().path("_id").asText(""));
        }
        String db = marker.db() != null ? marker.db() : database;
        String tid = marker.inTransaction() ? marker.tid() : null;
        return switch (changeType) {
            case UPSERT -> ChangeEvent.upsert(marker.tick(), db, collection, cuid, tid, data, position);
            case DELETE -> ChangeEvent.delete(marker.tick(), db, collection, cuid, tid, data, position);
            default -> ChangeEvent.schemaChange(marker.tick(), changeType, db, collection, cuid, tid, data.json(), position);
        };
    }

    private static String collectionOfId(String id) {
        int slash = id.indexOf('/');
        return slash > 0 ? id.substring(0, slash) : null;
    }
}
