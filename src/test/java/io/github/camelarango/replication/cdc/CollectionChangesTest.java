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
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.cdc.StreamRun.changes;
import static io.github.camelarango.replication.cdc.StreamRun.deliverAll;
import static io.github.camelarango.replication.cdc.StreamRun.deliverInto;
import static io.github.camelarango.replication.cdc.StreamRun.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captured collections that are renamed, dropped or truncated, and collections created in a skipped gap (issue 12
 * item 6): the stream follows a collection by its identity (cuid), also across restarts.
 */
class CollectionChangesTest {

    private final FakeReplicationSource source = new FakeReplicationSource();
    private final InMemoryPositionStore store = new InMemoryPositionStore();

    private ChangeStream stream(ChangeStreamOptions.Builder options) {
        return new ChangeStream(source, options.build(), store);
    }

    private static List<String> describe(List<ChangeEvent> events) {
        return events.stream().map(e -> e.type() + " " + e.collection() + (e.key() == null ? "" : "/" + e.key()))
                .toList();
    }

    @Test
    void renamedCapturedCollectionIsFollowedByDefault() {
        source.createCollection("a");
        source.upsert("a", "a0");
        source.createCollection("other");
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a")))) {
            deliverAll(stream);
            source.renameCollection("a", "a2");
            source.upsert("a2", "k");
            source.remove("a2", "a0");
            source.upsert("other", "not-captured");
            List<ChangeEvent> changes = changes(deliverAll(stream));
            assertEquals(List.of("COLLECTION_RENAME a2", "UPSERT a2/k", "DELETE a2/a0"), describe(changes));
            ChangeEvent rename = changes.get(0);
            assertEquals("a2", rename.data().path("name").asText());
            assertEquals("a", rename.data().path("oldName").asText(), "the rename names the old name too");
        }
    }

    @Test
    void followingARenameSurvivesARestart() {
        source.createCollection("a");
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a")))) {
            deliverAll(stream);
            source.renameCollection("a", "a2");
            deliverAll(stream);
        }
        source.upsert("a2", "after-restart");
        source.createCollection("a"); // a new collection under the captured name is captured as well
        source.upsert("a", "new-a");
        try (ChangeStream restarted = stream(options().includeCollections(Set.of("a")))) {
            assertEquals(List.of("UPSERT a2/after-restart", "COLLECTION_CREATE a", "UPSERT a/new-a"),
                    describe(changes(deliverAll(restarted))));
            assertNull(source.lastTailCollection(),
                    "the server-side filter on 'a' would hide the followed collection a2");
        }
    }

    @Test
    void renameFailPolicyDeliversTheRenameThenStopsUntilTheCollectionsAreSet() {
        source.createCollection("a");
        source.upsert("a", "a0");
        long beforeRename;
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a"))
                .collectionRenamePolicy(CollectionRenamePolicy.FAIL))) {
            deliverAll(stream);
            beforeRename = source.lastTick();
            source.renameCollection("a", "a2");
            source.upsert("a2", "k");
            List<ChangeEvent> delivered = new ArrayList<>();
            ChangeStreamException e = assertThrows(ChangeStreamException.class, () -> deliverInto(stream, delivered));
            assertEquals(List.of("COLLECTION_RENAME a2"), describe(delivered), "the rename is delivered, then it stops");
            String message = e.getMessage();
            assertTrue(message.contains("'a' was renamed to 'a2'"), message);
            assertTrue(message.contains("collections"), message);
            assertTrue(message.contains("offsetKey='test'"), message);
            assertTrue(message.contains("collectionRenamePolicy=FOLLOW"), message);
            assertEquals(beforeRename, stream.committedPosition().orElseThrow().from(),
                    "the position stays before the rename");
            assertThrows(ChangeStreamException.class, () -> stream.poll(10), "it stays stopped");
        }
        try (ChangeStream same = stream(options().includeCollections(Set.of("a"))
                .collectionRenamePolicy(CollectionRenamePolicy.FAIL))) {
            assertThrows(ChangeStreamException.class, () -> deliverAll(same), "a restart as before stops again");
        }
        try (ChangeStream renamed = stream(options().includeCollections(Set.of("a2"))
                .collectionRenamePolicy(CollectionRenamePolicy.FAIL))) {
            assertEquals(List.of("COLLECTION_RENAME a2", "UPSERT a2/k"), describe(changes(deliverAll(renamed))),
                    "with collections=a2 it goes on from the kept position");
        }
    }

    @Test
    void renameIntoACapturedNameStartsCapturingThatCollection() {
        source.createCollection("staging");
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a")))) {
            deliverAll(stream);
            source.upsert("staging", "not-yet");
            source.renameCollection("staging", "a");
            source.upsert("a", "k");
            List<ChangeEvent> changes = changes(deliverAll(stream));
            assertEquals(List.of("COLLECTION_RENAME a", "UPSERT a/k"), describe(changes));
            assertEquals("staging", changes.get(0).data().path("oldName").asText());
        }
    }

    @Test
    void dropOfACapturedCollectionWhileStoppedIsDeliveredWithItsName() {
        source.createCollection("a");
        source.upsert("a", "a0");
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a")))) {
            deliverAll(stream);
        }
        source.upsert("a", "a1");
        source.dropCollection("a");
        try (ChangeStream restarted = stream(options().includeCollections(Set.of("a")))) {
            assertEquals(List.of("COLLECTION_DROP a"), describe(changes(deliverAll(restarted))));
        }
    }

    @Test
    void dropWhileStoppedIsNamedInAStreamOfAllCollections() {
        source.createCollection("a");
        try (ChangeStream stream = stream(options())) {
            deliverAll(stream);
        }
        source.dropCollection("a");
        try (ChangeStream restarted = stream(options())) {
            assertEquals(List.of("COLLECTION_DROP a"), describe(changes(deliverAll(restarted))));
        }
    }

    @Test
    void skipAfterAGapResumesAtTheOldestTickTheServerStillHasAndKnowsCollectionsCreatedInTheGap() {
        source.createCollection("a");
        long lostAfter;
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a", "n"))
                .positionLostPolicy(PositionLostPolicy.SKIP))) {
            deliverAll(stream);
            lostAfter = stream.committedPosition().orElseThrow().from();
        }
        source.upsert("a", "lost");
        source.createCollection("n");
        source.upsert("n", "k1");
        source.upsert("a", "x2");
        long oldestKept = source.lastTick();
        source.purgeUpTo(oldestKept - 1);
        source.remove("n", "k1");
        source.upsert("a", "x3");
        try (ChangeStream restarted = stream(options().includeCollections(Set.of("a", "n"))
                .positionLostPolicy(PositionLostPolicy.SKIP))) {
            List<ChangeEvent> events = deliverAll(restarted);
            assertEquals(List.of("GAP null", "UPSERT a/x2", "DELETE n/k1", "UPSERT a/x3"), describe(events));
            ChangeEvent gap = events.get(0);
            assertEquals(Long.toUnsignedString(lostAfter), gap.data().path("lostAfterTick").asText());
            assertEquals(Long.toUnsignedString(oldestKept - 1), gap.data().path("resumedAfterTick").asText(),
                    "the tail resumes at the oldest tick the server still has, not at its last tick");
        }
    }

    @Test
    void truncateOfACapturedCollectionIsDelivered() {
        source.createCollection("a");
        source.createCollection("b");
        source.upsert("a", "a0");
        try (ChangeStream stream = stream(options().includeCollections(Set.of("a")))) {
            deliverAll(stream);
            source.truncateCollection("b");
            source.truncateCollection("a");
            assertEquals(List.of("COLLECTION_TRUNCATE a"), describe(changes(deliverAll(stream))));
        }
    }
}
