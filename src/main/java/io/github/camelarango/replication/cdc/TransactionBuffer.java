package io.github.camelarango.replication.cdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.github.camelarango.replication.client.Ticks;

/**
 * Holds the events of open WAL transactions (markers with a {@code tid} other than "0") from their begin (2200)
 * until their commit (2201), and drops them on abort (2202), so that no partial transaction is ever delivered.
 * <p>
 * Transactions may span several tail responses: the buffer lives as long as the tailer. A document marker whose
 * transaction was not seen to begin opens it implicitly at its own tick. Memory is bounded: past
 * {@code maxEvents} buffered events (over all open transactions) {@link #add} throws
 * {@link TransactionTooLargeException}. Not thread-safe.
 */
final class TransactionBuffer {

    private static final class OpenTransaction {
        final long beginTick;
        final List<ChangeEvent> events = new ArrayList<>();

        OpenTransaction(long beginTick) {
            this.beginTick = beginTick;
        }
    }

    private final int maxEvents;
    private final Map<String, OpenTransaction> open = new LinkedHashMap<>();
    private int buffered;

    /** A buffer holding at most {@code maxEvents} events (the validated option maxTransactionEvents). */
    TransactionBuffer(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Opens the transaction (no-op if it is already open). */
    void begin(String tid, long tick) {
        open.putIfAbsent(tid, new OpenTransaction(tick));
    }

    /** Adds an event to the transaction, opening it at the event's tick if needed. */
    void add(String tid, long tick, ChangeEvent event) {
        if (buffered >= maxEvents) {
            throw new TransactionTooLargeException(tid, maxEvents);
        }
        open.computeIfAbsent(tid, t -> new OpenTransaction(tick)).events.add(event);
        buffered++;
    }

    /** Closes the transaction and returns its events in WAL order (empty if it was unknown or held none). */
    List<ChangeEvent> commit(String tid) {
        OpenTransaction trx = open.remove(tid);
        if (trx == null) {
            return List.of();
        }
        buffered -= trx.events.size();
        return trx.events;
    }

    /** Drops the transaction and returns how many events were discarded. */
    int abort(String tid) {
        OpenTransaction trx = open.remove(tid);
        if (trx == null) {
            return 0;
        }
        buffered -= trx.events.size();
        return trx.events.size();
    }

    /** The begin tick of the oldest open transaction, empty when none is open. */
    OptionalLong oldestBeginTick() {
        long oldest = 0;
        boolean any = false;
        for (OpenTransaction trx : open.values()) {
            if (!any || Ticks.isAfter(oldest, trx.beginTick)) {
                oldest = trx.beginTick;
                any = true;
            }
        }
        return any ? OptionalLong.of(oldest) : OptionalLong.empty();
    }

    int bufferedEvents() {
        return buffered;
    }

    int openTransactions() {
        return open.size();
    }
}
