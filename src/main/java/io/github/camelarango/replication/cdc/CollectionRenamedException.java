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

import io.github.camelarango.replication.client.Ticks;

/**
 * A captured collection was renamed to a name the stream's collection filter does not capture, and
 * {@link CollectionRenamePolicy#FAIL} stopped the stream after delivering the rename.
 */
public class CollectionRenamedException extends ChangeStreamException {

    CollectionRenamedException(String streamKey, String database, String oldName, String newName, String cuid,
                               long tick) {
        super("Change stream '" + streamKey + "' stops: collection '" + oldName + "' was renamed to '" + newName
                + "' at tick " + Ticks.format(tick) + " (database '" + database + "', cuid " + cuid + "), a name its "
                + "collections/excludeCollections options do not capture, and collectionRenamePolicy FAIL does not "
                + "follow it. The rename was delivered; the position stays before it. To go on, restart with the "
                + "collections option naming '" + newName + "' and offsetKey='" + streamKey + "' (the default key "
                + "changes with the collections option; naming this one keeps the position), which delivers the "
                + "rename again; or set collectionRenamePolicy=FOLLOW to follow renamed collections.");
    }
}
