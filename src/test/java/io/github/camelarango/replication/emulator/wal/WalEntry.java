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
package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.DocumentVersion;

/**
 * One WAL marker (§5). It references its database and collection objects rather than copying names, so that
 * rendering at tail time can use the current collection name and hide markers of since-dropped collections.
 * {@code batchStart..batchEnd} is the write batch (a single operation, or a whole transaction) it belongs to.
 *
 * @param payload a {@link DocumentVersion} for 2300 (the new document) and 2302 (the removed revision),
 *                the {@code data} JSON bytes for 1100/2000/2003/2100/2101, the old name (String) for 2002,
 *                a {@link RawMarker} for a marker a test appended as given (any type), otherwise null
 */
public record WalEntry(long tick, int type, Database database, Collection collection, String tid, Object payload,
                       long batchStart, long batchEnd) {

    public static final int DATABASE_CREATE = 1100;
    public static final int DATABASE_DROP = 1101;
    public static final int COLLECTION_CREATE = 2000;
    public static final int COLLECTION_DROP = 2001;
    public static final int COLLECTION_RENAME = 2002;
    public static final int COLLECTION_CHANGE = 2003;
    public static final int COLLECTION_TRUNCATE = 2004;
    public static final int INDEX_CREATE = 2100;
    public static final int INDEX_DROP = 2101;
    public static final int TRANSACTION_START = 2200;
    public static final int TRANSACTION_COMMIT = 2201;
    public static final int DOCUMENT = 2300;
    public static final int REMOVE = 2302;
}
