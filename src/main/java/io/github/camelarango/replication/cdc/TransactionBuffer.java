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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.github.camelarango.replication.client.Ticks;

/**
 * Holds the events of open WAL transactions (markers with a {@code tid} other than "0") from their begin (2200)
 * until their commit (2201), and drops them on abort (2202), so that a transaction is delivered only once it is
 * known to be committed.
 * <p>
 * Transactions may span several tail responses: the buffer lives as long as the tailer. A document marker whose
 * transaction was not seen to begin opens it implicitly at its own tick. Memory is bounded: when an event would take
 * the events held over all open transactions beyond {@code maxBytes} (counted as the bytes of their markers) or
 * {@code maxEvents}, its transaction <em>streams</em>: {@link #add} hands back the events held for it and the new
 * one, and every later event of it at once. A streamed transaction stays open until its commit, so the position
 * handed out stays before its begin and a restart replays it whole. Not thread-safe.
 */
final class TransactionBuffer {

    private static final class OpenTransaction {
        final long beginTick;
        final List<ChangeEvent> events = new ArrayList<>();
        long bytes;
        boolean streaming;

        OpenTransaction(long beginTick) {
            this.beginTick = beginTick;
        }
    }

    private final long maxBytes;
    private final int maxEvents;
    private final Map<String, OpenTransaction> open = new LinkedHashMap<>();
    private long bufferedBytes;
    private int buffered;

    /**
     * A buffer holding at most {@code maxBytes} bytes of markers and {@code maxEvents} events (the validated options
     * transactionBufferSize and maxTransactionEvents) before a transaction streams.
     */
    TransactionBuffer(long maxBytes, int maxEvents) {
        this.maxBytes = maxBytes;
        this.maxEvents = maxEvents;
    }

    /** Opens the transaction (no-op if it is already open). */
    void begin(String tid, long tick) {
        open.putIfAbsent(tid, new OpenTransaction(tick));
    }

    /**
     * Adds an event of {@code bytes} marker bytes to the transaction, opening it at the event's tick if needed.
     *
     * @return the events to deliver now, in WAL order: none while the transaction is held; once it streams (see the
     *         class comment), the events held for it and this one
     */
    List<ChangeEvent> add(String tid, long tick, ChangeEvent event, int bytes) {
        OpenTransaction trx = open.computeIfAbsent(tid, t -> new OpenTransaction(tick));
        if (trx.streaming) {
            return List.of(event);
        }
        if (bufferedBytes + bytes > maxBytes || buffered + 1 > maxEvents) {
            trx.streaming = true;
            List<ChangeEvent> held = new ArrayList<>(trx.events);
            held.add(event);
            release(trx);
            trx.events.clear();
            return held;
        }
        trx.events.add(event);
        trx.bytes += bytes;
        bufferedBytes += bytes;
        buffered++;
        return List.of();
    }

    /** Whether the transaction's events are streamed through rather than held. */
    boolean isStreaming(String tid) {
        OpenTransaction trx = open.get(tid);
        return trx != null && trx.streaming;
    }

    /**
     * Closes the transaction and returns its held events in WAL order (empty if it was unknown, held none, or
     * streamed them).
     */
    List<ChangeEvent> commit(String tid) {
        OpenTransaction trx = open.remove(tid);
        if (trx == null) {
            return List.of();
        }
        List<ChangeEvent> events = trx.events;
        release(trx);
        return events;
    }

    /**
     * Drops the transaction.
     *
     * @return whether events of it were already streamed through (their delivery cannot be undone)
     */
    boolean abort(String tid) {
        OpenTransaction trx = open.remove(tid);
        if (trx == null) {
            return false;
        }
        release(trx);
        return trx.streaming;
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

    /** The begin tick of the transaction, empty when it is not open. */
    OptionalLong beginTick(String tid) {
        OpenTransaction trx = open.get(tid);
        return trx == null ? OptionalLong.empty() : OptionalLong.of(trx.beginTick);
    }

    int bufferedEvents() {
        return buffered;
    }

    long bufferedBytes() {
        return bufferedBytes;
    }

    int openTransactions() {
        return open.size();
    }

    /** Takes what the transaction holds off the totals. */
    private void release(OpenTransaction trx) {
        buffered -= trx.events.size();
        bufferedBytes -= trx.bytes;
        trx.bytes = 0;
    }
}
