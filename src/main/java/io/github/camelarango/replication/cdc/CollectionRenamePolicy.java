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

/**
 * What a {@link ChangeStream} does when a collection it captures is renamed to a name its collection filter does not
 * capture (not in the included collections, or excluded). The rename itself is always delivered, as a
 * {@link ChangeType#COLLECTION_RENAME} event whose data names the new {@code name} and the {@code oldName}. A rename
 * to a name the filter captures anyway is simply followed.
 */
public enum CollectionRenamePolicy {
    /**
     * Keep capturing the collection under its new name (the default): the stream follows the collection's identity,
     * also across restarts (the position lists the captured collections).
     */
    FOLLOW,
    /**
     * Stop after delivering the rename, with a {@link CollectionRenamedException} naming the old and the new name and
     * the way out; the position stays before the rename, so a restart with the collections option naming the new
     * name delivers the rename again and goes on.
     */
    FAIL
}
