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

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.RawDocument;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.client.Ticks;

/**
 * One change delivered by a {@link ChangeStream}: a snapshot row, a document upsert or delete, a schema change, or a
 * declared gap, or a marker the engine does not know. Build one with the factory of its kind ({@link #snapshotRead},
 * {@link #upsert}, {@link #delete}, {@link #schemaChange}, {@link #gap}, {@link #unknown}).
 *
 * @param tick          the WAL tick of the marker (unsigned 64-bit; use {@link #tickString()}); for snapshot rows the
 *                      snapshot tick; for a gap the tick the stream resumed from
 * @param type          what happened
 * @param markerType    the WAL marker type (2300, 2302, 2000…), 0 for snapshot rows and gaps (and for an unknown
 *                      marker without a numeric type)
 * @param database      the database name
 * @param collection    the collection (or view) name, resolved from the marker's {@code cuid}; null when the change
 *                      concerns no collection or the name could not be resolved
 * @param cuid          the collection's globally unique id, null when not applicable or unknown (snapshot rows carry
 *                      it from the inventory)
 * @param key           the document {@code _key} for document changes, else null
 * @param rev           the document {@code _rev} (for deletes: the revision removed), else null
 * @param transactionId the WAL transaction id of a multi-document transaction, null for standalone operations
 * @param snapshot      true for rows read by the snapshot
 * @param rawData       the JSON text of the document (snapshot, upsert), of {@code {_key,_rev}} (delete), of the
 *                      marker's {@code data} (schema changes), of a description of the gap or of the whole marker
 *                      (unknown markers), as the server wrote it; never null (an empty object when absent).
 *                      {@link #data()} is its tree, built when asked
 * @param position      the position to {@link ChangeStream#commit commit} once this event was delivered; inside a
 *                      transaction, every event but the last carries the position before the transaction
 * @param origin        where the change came from in a cluster (shard, DB-Server); null when read from a single server
 */
public record ChangeEvent(long tick, ChangeType type, int markerType, String database, String collection, String cuid,
                          String key, String rev, String transactionId, boolean snapshot, RawJson rawData,
                          ChangePosition position, ShardOrigin origin) {

    public ChangeEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawData, "rawData");
        Objects.requireNonNull(position, "position");
    }

    /** An event read from a single server: no {@link #origin()}. */
    public ChangeEvent(long tick, ChangeType type, int markerType, String database, String collection, String cuid,
                       String key, String rev, String transactionId, boolean snapshot, RawJson rawData,
                       ChangePosition position) {
        this(tick, type, markerType, database, collection, cuid, key, rev, transactionId, snapshot, rawData, position,
                null);
    }

    /**
     * A document read by the snapshot; its key and revision are the document's {@code _key} and {@code _rev}.
     *
     * @param snapshotTick the tick the snapshot shows
     */
    public static ChangeEvent snapshotRead(long snapshotTick, String database, String collection, String cuid,
                                           RawDocument document, ChangePosition position) {
        return new ChangeEvent(snapshotTick, ChangeType.SNAPSHOT_READ, ChangeType.SNAPSHOT_READ.markerType(), database,
                collection, cuid, document.key(), document.rev(), null, true, document.json(), position);
    }

    /**
     * A document inserted, updated or replaced (WAL marker 2300); its key and revision are the document's.
     *
     * @param transactionId the WAL transaction, null for a standalone operation
     */
    public static ChangeEvent upsert(long tick, String database, String collection, String cuid, String transactionId,
                                     RawDocument document, ChangePosition position) {
        return new ChangeEvent(tick, ChangeType.UPSERT, ChangeType.UPSERT.markerType(), database, collection, cuid,
                document.key(), document.rev(), transactionId, false, document.json(), position);
    }

    /**
     * A document removed (WAL marker 2302).
     *
     * @param transactionId the WAL transaction, null for a standalone operation
     * @param removed       the marker's data: the removed {@code _key} and {@code _rev}
     */
    public static ChangeEvent delete(long tick, String database, String collection, String cuid, String transactionId,
                                     RawDocument removed, ChangePosition position) {
        return new ChangeEvent(tick, ChangeType.DELETE, ChangeType.DELETE.markerType(), database, collection, cuid,
                removed.key(), removed.rev(), transactionId, false, removed.json(), position);
    }

    /**
     * A change of a collection, index, view or database.
     *
     * @param type          a type whose {@link ChangeType#isSchemaChange()} is true
     * @param collection    the collection or view concerned, null for database changes
     * @param transactionId the WAL transaction, null for a standalone operation
     * @param data          the marker's data (an empty object when the marker has none)
     */
    public static ChangeEvent schemaChange(long tick, ChangeType type, String database, String collection, String cuid,
                                           String transactionId, RawJson data, ChangePosition position) {
        if (!type.isSchemaChange()) {
            throw new IllegalArgumentException(type + " is not a schema change");
        }
        return new ChangeEvent(tick, type, type.markerType(), database, collection, cuid, null, null, transactionId,
                false, data, position);
    }

    /**
     * A write-ahead log marker the engine does not know ({@link UnknownMarkerPolicy#DELIVER}).
     *
     * @param markerType    the marker's type when it is a number, else 0
     * @param collection    the collection named by the marker's {@code cuid}, null when none or unknown
     * @param transactionId the WAL transaction, null for a standalone marker
     * @param marker        the whole marker as the server sent it
     */
    public static ChangeEvent unknown(long tick, int markerType, String database, String collection, String cuid,
                                      String transactionId, RawJson marker, ChangePosition position) {
        return new ChangeEvent(tick, ChangeType.UNKNOWN, markerType, database, collection, cuid, null, null,
                transactionId, false, marker, position);
    }

    /**
     * The event declaring that the changes after {@code lostAfter} up to {@code resumedAfter} were not delivered (the
     * stream's position was lost — the WAL was purged past it, or another server answers — and
     * {@link PositionLostPolicy#SKIP} continued); committing it moves the stream to {@code resumedAfter}.
     *
     * @param reason why the position was lost, in a few words
     */
    public static ChangeEvent gap(String database, long lostAfter, long resumedAfter, String reason) {
        RawJson data = RawJson.write(gap -> {
            gap.writeStartObject();
            gap.writeStringField("lostAfterTick", Ticks.format(lostAfter));
            gap.writeStringField("resumedAfterTick", Ticks.format(resumedAfter));
            gap.writeStringField("reason", reason);
            gap.writeEndObject();
        });
        return new ChangeEvent(resumedAfter, ChangeType.GAP, ChangeType.GAP.markerType(), database, null, null, null,
                null, null, false, data, ChangePosition.tail(resumedAfter, 0));
    }

    /**
     * The event standing for a line that could not be read ({@link BadLinePolicy#SKIP}): its data names the reason,
     * the line number, the tick or the collection, and the first 200 bytes of the line; committing it moves the
     * stream no further than {@code position}, the position reached before the line.
     */
    public static ChangeEvent skipped(long tick, String database, String collection, ReplicationSource.BadLine line,
                                      ChangePosition position) {
        RawJson data = RawJson.write(skipped -> {
            skipped.writeStartObject();
            skipped.writeStringField("reason", line.reason());
            skipped.writeNumberField("lineNumber", line.lineNumber());
            if (line.tick() != null) {
                skipped.writeStringField("tick", Ticks.format(line.tick()));
            }
            if (collection != null) {
                skipped.writeStringField("collection", collection);
            }
            skipped.writeStringField("lineStart", line.lineStart());
            skipped.writeEndObject();
        });
        return new ChangeEvent(tick, ChangeType.SKIPPED, ChangeType.SKIPPED.markerType(), database, collection, null,
                null, null, null, collection != null, data, position);
    }

    /**
     * The tree of {@link #rawData()}, built on the first call (numbers as written: see {@link RawJson}). Read it, do
     * not change it.
     */
    public JsonNode data() {
        return rawData.tree();
    }

    /** The tick as the unsigned decimal text ArangoDB uses. */
    public String tickString() {
        return Ticks.format(tick);
    }

    /**
     * The document's identity across collections, {@code <collection>/<_key>} (the form of ArangoDB's {@code _id}):
     * the {@code _key} alone is only unique within its collection. Null when the change concerns no document, or when
     * the collection's name could not be resolved.
     */
    public String documentId() {
        return key == null || collection == null ? null : collection + "/" + key;
    }

    /** This event carrying another commit position (used when a transaction's events are released). */
    public ChangeEvent withPosition(ChangePosition newPosition) {
        return new ChangeEvent(tick, type, markerType, database, collection, cuid, key, rev, transactionId, snapshot,
                rawData, newPosition, origin);
    }

    /**
     * This event as captured from a cluster: read from {@code newOrigin}'s shard, whose collection is
     * {@code collectionName} (a DB-Server names the shard where the cluster names the collection; the {@link #cuid()}
     * stays the shard's {@code c<planId>/<shard>}).
     */
    public ChangeEvent withOrigin(String collectionName, ShardOrigin newOrigin) {
        return new ChangeEvent(tick, type, markerType, database, collectionName, cuid, key, rev, transactionId,
                snapshot, rawData, position, Objects.requireNonNull(newOrigin, "origin"));
    }

    @Override
    public String toString() {
        return "ChangeEvent[" + type + " tick=" + tickString() + " db=" + database + " collection=" + collection
                + (key != null ? " key=" + key : "") + (rev != null ? " rev=" + rev : "")
                + (transactionId != null ? " tid=" + transactionId : "")
                + (origin != null ? " shard=" + origin.shard() + " server=" + origin.serverId() : "")
                + " position=" + position + "]";
    }
}
