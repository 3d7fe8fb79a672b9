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

import java.util.EnumSet;
import java.util.Set;

import io.github.camelarango.replication.client.MarkerType;

/**
 * What a {@link ChangeEvent} reports.
 * <p>
 * ArangoDB's write-ahead log writes one marker type (2300) for inserts, updates, replaces and upserts, so the engine
 * reports all of them as {@link #UPSERT}: it never guesses whether a document is new. Removals (2302) are
 * {@link #DELETE}; rows read by the initial snapshot are {@link #SNAPSHOT_READ}. {@link #GAP} is the engine's own
 * event, emitted once when the stored position was lost and the {@link PositionLostPolicy#SKIP} policy continues
 * from the oldest tick the server still has; {@link #SKIPPED} stands for a line it could not read
 * ({@link BadLinePolicy#SKIP}). {@link #UNKNOWN} carries a marker the engine does not know
 * ({@link UnknownMarkerPolicy#DELIVER}).
 */
public enum ChangeType {
    /** A document read by the snapshot (dump); no marker type. */
    SNAPSHOT_READ(0),
    /** Insert, update, replace or upsert of a document (marker 2300). */
    UPSERT(MarkerType.DOCUMENT.code()),
    /** Removal of a document (marker 2302). */
    DELETE(MarkerType.REMOVE.code()),
    COLLECTION_CREATE(MarkerType.COLLECTION_CREATE.code()),
    COLLECTION_DROP(MarkerType.COLLECTION_DROP.code()),
    COLLECTION_RENAME(MarkerType.COLLECTION_RENAME.code()),
    COLLECTION_CHANGE(MarkerType.COLLECTION_CHANGE.code()),
    COLLECTION_TRUNCATE(MarkerType.COLLECTION_TRUNCATE.code()),
    INDEX_CREATE(MarkerType.INDEX_CREATE.code()),
    INDEX_DROP(MarkerType.INDEX_DROP.code()),
    VIEW_CREATE(MarkerType.VIEW_CREATE.code()),
    VIEW_DROP(MarkerType.VIEW_DROP.code()),
    VIEW_CHANGE(MarkerType.VIEW_CHANGE.code()),
    DATABASE_CREATE(MarkerType.DATABASE_CREATE.code()),
    DATABASE_DROP(MarkerType.DATABASE_DROP.code()),
    /** The stored position was lost and skipped: changes between two ticks were not delivered. */
    GAP(0),
    /**
     * A line of a dump or wal/tail answer that could not be read, passed under {@link BadLinePolicy#SKIP}: the change
     * it held was not delivered.
     */
    SKIPPED(0),
    /**
     * A write-ahead log marker the engine does not know, delivered as it is under
     * {@link UnknownMarkerPolicy#DELIVER}; its marker type is the marker's, when it has a numeric one.
     */
    UNKNOWN(0);

    private final int markerType;

    ChangeType(int markerType) {
        this.markerType = markerType;
    }

    /**
     * The WAL marker type this change comes from, 0 for {@link #SNAPSHOT_READ}, {@link #GAP}, {@link #SKIPPED} and
     * {@link #UNKNOWN}
     * (whose events carry the marker's own type).
     */
    public int markerType() {
        return markerType;
    }

    /** True for changes of document data (snapshot rows, upserts, deletes). */
    public boolean isDocumentChange() {
        return this == SNAPSHOT_READ || this == UPSERT || this == DELETE;
    }

    /** True for schema changes (collections, indexes, views, databases). */
    public boolean isSchemaChange() {
        return markerType >= 1100 && markerType < 2200;
    }

    /**
     * The change type of a WAL marker type, or {@code null} for markers that are not changes themselves
     * (transaction begin/commit/abort 2200–2202), for types without a change of their own (2301, 1000, 1001) and for
     * unknown types.
     */
    public static ChangeType ofMarkerType(int markerType) {
        for (ChangeType type : values()) {
            if (type.markerType == markerType && markerType != 0) {
                return type;
            }
        }
        return null;
    }

    /** All types: the default of the operation-type filter. */
    public static Set<ChangeType> all() {
        return EnumSet.allOf(ChangeType.class);
    }
}
