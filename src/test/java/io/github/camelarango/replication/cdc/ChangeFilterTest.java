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
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeFilterTest {

    @Test
    void systemCollectionsAreOffByDefault() {
        ChangeFilter filter = ChangeFilter.acceptAll();
        assertTrue(filter.acceptsCollection("products"));
        assertFalse(filter.acceptsCollection("_users"));
        assertTrue(new ChangeFilter(Set.of(), Set.of(), true, ChangeType.all()).acceptsCollection("_users"));
    }

    @Test
    void includeAndExcludeListsByName() {
        ChangeFilter filter = new ChangeFilter(Set.of("a", "b"), Set.of("b"), false, ChangeType.all());
        assertTrue(filter.acceptsCollection("a"));
        assertFalse(filter.acceptsCollection("b"), "excluded wins over included");
        assertFalse(filter.acceptsCollection("c"));
        assertFalse(filter.acceptsCollection(null), "changes of no collection only pass without include list");
        assertTrue(ChangeFilter.acceptAll().acceptsCollection(null));
    }

    @Test
    void operationTypesGapsAndUnknownMarkers() {
        ChangeFilter filter = new ChangeFilter(Set.of("a"), Set.of(), false, EnumSet.of(ChangeType.DELETE));
        assertTrue(filter.accepts(ChangeType.DELETE, "a"));
        assertFalse(filter.accepts(ChangeType.UPSERT, "a"));
        assertTrue(filter.accepts(ChangeType.GAP, null), "a gap is always reported");
        assertTrue(filter.accepts(ChangeType.UNKNOWN, "a"), "the unknownMarkerPolicy decides, not the types");
        assertTrue(filter.accepts(ChangeType.UNKNOWN, null), "an unknown marker naming no collection");
        assertFalse(filter.accepts(ChangeType.UNKNOWN, "b"), "an unknown marker of a collection not captured");
        assertEquals("Invalid value for option changeTypes: '[]'; allowed is at least one of [SNAPSHOT_READ, UPSERT, DELETE,"
                     + " COLLECTION_CREATE, COLLECTION_DROP, COLLECTION_RENAME, COLLECTION_CHANGE, COLLECTION_TRUNCATE,"
                     + " INDEX_CREATE, INDEX_DROP, VIEW_CREATE, VIEW_DROP, VIEW_CHANGE, DATABASE_CREATE, DATABASE_DROP,"
                     + " GAP, SKIPPED, UNKNOWN] (with none nothing would ever be delivered)",
                assertThrows(IllegalArgumentException.class, () -> new ChangeFilter(Set.of(), Set.of(), false, Set.of()))
                        .getMessage());
    }

    @Test
    void singleIncludedCollectionIsPushedToTheServer() {
        assertEquals(Optional.of("a"), new ChangeFilter(Set.of("a"), Set.of(), false, ChangeType.all())
                .serverSideCollection());
        assertEquals(Optional.empty(), new ChangeFilter(Set.of("a", "b"), Set.of(), false, ChangeType.all())
                .serverSideCollection());
        assertEquals(Optional.empty(), ChangeFilter.acceptAll().serverSideCollection());
        assertEquals(Optional.of("a"), new ChangeFilter(Set.of("a"), Set.of("b"), false, ChangeType.all())
                .serverSideCollection(), "an exclude list of other collections does not matter");
        assertEquals(Optional.empty(), new ChangeFilter(Set.of("a"), Set.of("a"), false, ChangeType.all())
                .serverSideCollection());
        assertEquals(Optional.empty(), new ChangeFilter(Set.of("_users"), Set.of(), false, ChangeType.all())
                .serverSideCollection(), "a system collection without includeSystem passes nothing");
    }

    @Test
    void optionsNameTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangeStreamOptions.builder().tailChunkSize(100));
        assertEquals("Invalid value for option tailChunkSize: '100'; allowed is 16384 to 134217728 bytes", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ChangeStreamOptions.builder().initialDumpChunkSize(1 << 20).maxDumpChunkSize(1 << 16).build());
        assertTrue(e.getMessage().contains("initialDumpChunkSize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ChangeStreamOptions.builder().includeCollections(Set.of(" ")));
        assertTrue(e.getMessage().contains("includeCollections"), e.getMessage());
    }
}
