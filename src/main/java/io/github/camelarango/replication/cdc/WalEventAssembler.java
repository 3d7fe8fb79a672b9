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

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.client.Ticks;
import io.github.camelarango.replication.client.WalMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns WAL markers into {@link StreamStep}s: resolves collection names, applies the filter, holds transactions until
 * their commit, and gives every step the position that is safe to commit after it.
 * <p>
 * Position rule: a committed position never lies inside an open transaction. While a transaction is open, the
 * committable tick stays below its begin marker; the events of a committed transaction all carry the position from
 * before the transaction except the last one, which carries the commit tick. A crash therefore replays a
 * transaction whole. Positions only move forward (unsigned tick order).
 * <p>
 * Large transactions: the {@link TransactionBuffer} holds transactions up to {@code transactionBufferSize} bytes;
 * a transaction beyond it is streamed through as it comes, each event carrying the position from before the
 * transaction, and its commit marker moves the position to the commit tick. The stream never stops for size.
 * <p>
 * A marker it does not know goes as the {@link UnknownMarkerPolicy} says, a line that could not be read as the
 * {@link BadLinePolicy} says; under their FAIL policies it ends with a {@link StreamStep#halt halt} and ignores the
 * markers after it.
 */
final class WalEventAssembler {

    /** The data of a marker without one: an empty object. */
    private static final RawDocument NO_DATA = new RawDocument(null, null, RawJson.EMPTY_OBJECT);

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);

    private final String database;
    private final CollectionCatalog catalog;
    private final ChangeFilter filter;
    private final TransactionBuffer transactions;
    private final ChangeStreamOptions options;
    private final ChangeStreamMetrics metrics;
    /** The unknown marker types already reported at WARN (policy SKIP). */
    private final Set<String> warnedTypes = new HashSet<>();
    private final BadLineRule badLines;
    private ChangePosition position;
    /** The tick of the last marker read, for the messages about a bad line after it. */
    private long lastTick;
    private boolean halted;

    WalEventAssembler(String database, CollectionCatalog catalog, TransactionBuffer transactions,
                      ChangePosition start, ChangeStreamOptions options, ChangeStreamMetrics metrics) {
        this.database = database;
        this.catalog = catalog;
        this.filter = options.filter();
        this.transactions = transactions;
        this.options = options;
        this.metrics = metrics;
        this.badLines = new BadLineRule(options);
        this.position = start;
        this.lastTick = start.from();
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

    /** Processes one marker of a tail response, in WAL order; nothing after a halt. */
    void accept(WalMarker marker, Consumer<StreamStep> out) {
        if (halted) {
            return;
        }
        long tick = marker.tick();
        String tid = marker.tid();
        lastTick = tick;
        switch (marker.markerType()) {
            case TRANSACTION_START -> transactions.begin(tid, tick);
            case TRANSACTION_COMMIT -> release(transactions.commit(tid), tick, out);
            case TRANSACTION_ABORT -> {
                long beginTick = transactions.beginTick(tid).orElse(tick);
                if (transactions.abort(tid)) {
                    String db = marker.db() != null ? marker.db() : database;
                    halt(new StreamedTransactionAbortedException(options.streamKey(), db, tid, beginTick, tick), out);
                    return;
                }
                out.accept(StreamStep.positionOnly(advanceTo(tick, 0)));
            }
            default -> change(marker, out);
        }
    }

    /**
     * A line of the answer that could not be read, in its place among the markers: a halt or a SKIPPED event as the
     * {@link BadLinePolicy} says; nothing after a halt.
     */
    void badLine(ReplicationSource.BadLine line, Consumer<StreamStep> out) {
        if (!halted) {
            halted = badLines.inTail(line, database, lastTick, position, out);
        }
    }

    /** The collection to name in the tail's server-side filter, when one may be named (see the catalog). */
    Optional<String> serverSideCollection() {
        return catalog.serverSideCollection();
    }

    private void change(WalMarker marker, Consumer<StreamStep> out) {
        long tick = marker.tick();
        ChangeType changeType = ChangeType.ofMarkerType(marker.type());
        ChangeEvent event = changeType == null ? unknown(marker, out) : decode(marker, changeType, out);
        if (halted) {
            return;
        }
        boolean wanted = event != null;
        if (marker.inTransaction()) {
            if (wanted) {
                inTransaction(marker, event, out);
            } else {
                transactions.begin(marker.tid(), tick);
            }
            return;
        }
        ChangePosition next = advanceTo(tick, 0);
        out.accept(wanted ? StreamStep.of(event.withPosition(next)) : StreamStep.positionOnly(next));
    }

    /**
     * Holds an event of an open transaction, or hands it out at once with the position from before the transaction
     * when the transaction streams (see {@link TransactionBuffer}).
     */
    private void inTransaction(WalMarker marker, ChangeEvent event, Consumer<StreamStep> out) {
        String tid = marker.tid();
        boolean streaming = transactions.isStreaming(tid);
        List<ChangeEvent> now = transactions.add(tid, marker.tick(), event, marker.rawLine().length());
        if (now.isEmpty()) {
            return;
        }
        if (!streaming) {
            LOG.info("Change stream '{}' delivers WAL transaction {} (begun at tick {}) as its changes come: it "
                    + "outgrew transactionBufferSize ({} bytes) or maxTransactionEvents ({}); the position stays "
                    + "before the transaction until its commit", options.streamKey(), tid,
                    Ticks.format(transactions.beginTick(tid).orElse(marker.tick())),
                    options.transactionBufferSize(), options.maxTransactionEvents());
        }
        ChangePosition before = advanceTo(marker.tick(), 0);
        for (ChangeEvent e : now) {
            out.accept(StreamStep.of(at(e, before)));
        }
    }

    /**
     * A marker the engine does not know: the event to deliver ({@link UnknownMarkerPolicy#DELIVER}), or null to pass
     * it ({@link UnknownMarkerPolicy#SKIP}, or a marker of a collection this stream does not capture);
     * {@link UnknownMarkerPolicy#FAIL} halts the stream right before it.
     */
    private ChangeEvent unknown(WalMarker marker, Consumer<StreamStep> out) {
        String cuid = marker.cuid();
        String collection = catalog.resolve(cuid);
        if (!catalog.wants(ChangeType.UNKNOWN, cuid, collection)) {
            return null;
        }
        metrics.unknownMarker();
        String type = typeOf(marker);
        String db = marker.db() != null ? marker.db() : database;
        switch (options.unknownMarkerPolicy()) {
            case DELIVER -> {
                return ChangeEvent.unknown(marker.tick(), Math.max(marker.type(), 0), db, collection, cuid,
                        marker.inTransaction() ? marker.tid() : null, marker.rawLine(), position);
            }
            case SKIP -> {
                if (warnedTypes.add(type)) {
                    LOG.warn("Change stream '{}' skips write-ahead log markers it does not know: {} at tick {} of "
                            + "database '{}' (unknownMarkerPolicy SKIP; this is said once per type, the "
                            + "unknownMarkers count has them all)", options.streamKey(), type,
                            Ticks.format(marker.tick()), db);
                }
                return null;
            }
            default -> {
                if (marker.tick() != 0) {
                    out.accept(StreamStep.positionOnly(advanceTo(marker.tick() - 1, 0)));
                }
                halt(new UnknownMarkerException(options.streamKey(), marker.tick(), type, db,
                        abbreviate(marker.rawLine().toString())), out);
                return null;
            }
        }
    }

    /** Stops the stream after the steps handed to {@code out} so far; the markers after this one are ignored. */
    private void halt(ChangeStreamException failure, Consumer<StreamStep> out) {
        LOG.error(failure.getMessage());
        out.accept(StreamStep.halt(failure));
        halted = true;
    }

    /** The marker's type as the messages name it: {@code type 9999}, {@code no type}, {@code type 'x' (not a number)}. */
    private static String typeOf(WalMarker marker) {
        JsonNode type = marker.raw().get("type");
        if (type == null || type.isNull()) {
            return "no type";
        }
        if (type.isIntegralNumber()) {
            return "type " + type.asText();
        }
        return "type '" + (type.isTextual() ? type.asText() : type.toString()) + "' (not a number)";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Called after a response: the reader moved to {@code readFrom}, the server reported {@code lastScanned}. */
    void endOfResponse(long readFrom, long lastScanned, Consumer<StreamStep> out) {
        if (halted) {
            return;
        }
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
            out.accept(StreamStep.of(at(events.get(i), last ? after : before)));
        }
    }

    /**
     * The event at {@code position}: itself when it carries it already — the events of a transaction are decoded at
     * the position from before it, which is where most of them are released — else a copy.
     */
    private static ChangeEvent at(ChangeEvent event, ChangePosition position) {
        return event.position() == position ? event : event.withPosition(position);
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

    /**
     * The event of a marker the engine knows, or null when the stream does not want it; learns the names and the
     * captured collections from it first (a drop last), and halts instead at a rename that
     * {@link CollectionRenamePolicy#FAIL} does not follow.
     */
    private ChangeEvent decode(WalMarker marker, ChangeType changeType, Consumer<StreamStep> out) {
        RawDocument document = marker.rawData() != null ? marker.rawData() : NO_DATA;
        RawJson data = document.json();
        String cuid = marker.cuid();
        String db = marker.db() != null ? marker.db() : database;
        if (changeType == ChangeType.COLLECTION_RENAME) {
            data = withOldName(data, catalog.resolve(cuid));
            if (haltsAtRename(marker, db, data, out)) {
                return null;
            }
        }
        catalog.learn(marker.type(), cuid, data);
        String collection = catalog.resolve(cuid);
        if (collection == null && changeType == ChangeType.UPSERT) {
            collection = collectionOfId(data.tree().path("_id").asText(""));
        }
        boolean wanted = catalog.wants(changeType, cuid, collection);
        if (changeType == ChangeType.COLLECTION_DROP || changeType == ChangeType.VIEW_DROP) {
            catalog.dropped(cuid);
        }
        if (!wanted) {
            return null;
        }
        String tid = marker.inTransaction() ? marker.tid() : null;
        return switch (changeType) {
            case UPSERT -> ChangeEvent.upsert(marker.tick(), db, collection, cuid, tid, document, position);
            case DELETE -> ChangeEvent.delete(marker.tick(), db, collection, cuid, tid, document, position);
            default -> ChangeEvent.schemaChange(marker.tick(), changeType, db, collection, cuid, tid, data, position);
        };
    }

    /**
     * Under {@link CollectionRenamePolicy#FAIL}, a rename that takes a captured collection to a name the filter does
     * not capture is delivered with the position before it, and then halts the stream; returns whether it did. The
     * catalog does not learn the rename, so the positions keep the collection's old name.
     */
    private boolean haltsAtRename(WalMarker marker, String db, RawJson data, Consumer<StreamStep> out) {
        String cuid = marker.cuid();
        String newName = data.tree().path("name").asText("");
        if (options.collectionRenamePolicy() != CollectionRenamePolicy.FAIL || !catalog.isCaptured(cuid)
                || filter.acceptsCollection(newName)) {
            return false;
        }
        if (filter.acceptsType(ChangeType.COLLECTION_RENAME)) {
            out.accept(StreamStep.of(ChangeEvent.schemaChange(marker.tick(), ChangeType.COLLECTION_RENAME, db, newName,
                    cuid, null, data, position)));
        }
        halt(new CollectionRenamedException(options.streamKey(), db, catalog.resolve(cuid), newName, cuid,
                marker.tick()), out);
        return true;
    }

    /** A rename's data with the name the collection had before ({@code oldName}), as logger-follow writes it. */
    private static RawJson withOldName(RawJson data, String oldName) {
        JsonNode tree = data.tree();
        if (oldName == null || !tree.isObject()) {
            return data;
        }
        return RawJson.of(((ObjectNode) tree.deepCopy()).put("oldName", oldName));
    }

    private static String collectionOfId(String id) {
        int slash = id.indexOf('/');
        return slash > 0 ? id.substring(0, slash) : null;
    }
}
