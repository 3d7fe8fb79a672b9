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
package io.github.camelarango.replication.client;

/** WAL marker types ({@code type} of a wal/tail line). */
public enum MarkerType {
    DATABASE_CREATE(1100),
    DATABASE_DROP(1101),
    COLLECTION_CREATE(2000),
    COLLECTION_DROP(2001),
    COLLECTION_RENAME(2002),
    COLLECTION_CHANGE(2003),
    COLLECTION_TRUNCATE(2004),
    INDEX_CREATE(2100),
    INDEX_DROP(2101),
    VIEW_CREATE(2110),
    VIEW_DROP(2111),
    VIEW_CHANGE(2112),
    TRANSACTION_START(2200),
    TRANSACTION_COMMIT(2201),
    TRANSACTION_ABORT(2202),
    /** Insert, update, replace (indistinguishable in the WAL). */
    DOCUMENT(2300),
    /** Legacy edge marker (RocksDB uses 2300 for edges). */
    EDGE(2301),
    REMOVE(2302),
    /** A type number this client does not know. */
    UNKNOWN(-1);

    private final int code;

    MarkerType(int code) {
        this.code = code;
    }

    /** The numeric type. */
    public int code() {
        return code;
    }

    /** The type of a numeric code; {@link #UNKNOWN} for codes this client does not know. */
    public static MarkerType fromCode(int code) {
        for (MarkerType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
