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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.CannedArangoServer;
import io.github.camelarango.replication.client.CannedArangoServer.Answer;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol headers the engine relies on (issue 12 item 7): an answer without one of them is an invalid answer, a
 * failure of the poll that a later poll retries, never a guess (docs/protocol.md §6.2 D6, §7.1 T8).
 */
class ClientReplicationSourceTest {

    private static final String TAIL = "/_db/shop/_api/wal/tail";
    private static final String DUMP = "/_db/shop/_api/replication/dump";

    private CannedArangoServer server;
    private HttpArangoReplicationClient client;
    private ClientReplicationSource source;

    @BeforeEach
    void start() throws Exception {
        server = new CannedArangoServer();
        client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(server.url()).database("shop")
                .build());
        source = new ClientReplicationSource(client, "test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** A wal/tail or dump answer with the replication headers given, one header left out by name. */
    private static Answer answer(int status, String body, String without, String... headers) {
        Map<String, String> all = new HashMap<>();
        all.put("Content-Type", "application/x-arango-dump");
        for (int i = 0; i < headers.length; i += 2) {
            all.put("x-arango-replication-" + headers[i], headers[i + 1]);
        }
        all.remove("x-arango-replication-" + without);
        return new Answer(status, all, body);
    }

    private static Answer tail(String without) {
        return answer(200, "{\"tick\":\"101\",\"type\":2300,\"db\":\"shop\",\"tid\":\"0\",\"cuid\":\"c\",\"data\":{"
                + "\"_key\":\"k\",\"_id\":\"a/k\",\"_rev\":\"r\"}}\n", without, "checkmore", "false", "frompresent",
                "true", "lastincluded", "101", "lastscanned", "101", "lasttick", "101");
    }

    private ReplicationSource.TailRequest from100() {
        return new ReplicationSource.TailRequest(100, 0, 0, 16384, null, false);
    }

    @Test
    void tailAnswerWithoutFromPresentIsInvalid() {
        server.on("GET", TAIL, tail("frompresent"));
        ChangeStreamException e = assertThrows(ChangeStreamException.class, () -> source.tail(from100()));
        assertEquals("invalid response: the wal/tail answer after tick 100 of database 'shop' has no "
                + "x-arango-replication-frompresent header (header missing); without it a purged write-ahead log "
                + "cannot be told from a present one", e.getMessage());
    }

    @Test
    void tailAnswerWithoutLastIncludedIsInvalid() {
        server.on("GET", TAIL, tail("lastincluded"));
        ChangeStreamException e = assertThrows(ChangeStreamException.class, () -> source.tail(from100()));
        assertTrue(e.getMessage().startsWith("invalid response: the wal/tail answer after tick 100 of database 'shop' "
                + "has no x-arango-replication-lastincluded header (header missing)"), e.getMessage());
    }

    @Test
    void tailAnswerWithEveryHeaderIsRead() {
        server.on("GET", TAIL, tail("none"));
        ReplicationSource.TailChunk chunk = source.tail(from100());
        assertTrue(chunk.fromPresent());
        assertEquals(101, chunk.lastIncluded());
        assertEquals(1, chunk.markers().size());
    }

    @Test
    void dumpAnswerWithoutCheckMoreIsInvalid() {
        server.on("GET", DUMP, answer(200, "{\"_key\":\"k\"}\n", "checkmore", "lastincluded", "1"));
        ChangeStreamException e = assertThrows(ChangeStreamException.class, () -> source.dump("7", "orders", 1000));
        assertTrue(e.getMessage().startsWith("invalid response: the dump answer of collection 'orders' has no "
                + "x-arango-replication-checkmore header (header missing)"), e.getMessage());
    }

    @Test
    void dumpAnswerSayingMoreWithoutLastIncludedIsInvalid() {
        server.on("GET", DUMP, answer(200, "{\"_key\":\"k\"}\n", "lastincluded", "checkmore", "true"));
        ChangeStreamException e = assertThrows(ChangeStreamException.class, () -> source.dump("7", "orders", 1000));
        assertEquals("invalid response: the dump answer of collection 'orders' says checkmore: true but has no "
                + "x-arango-replication-lastincluded header (header missing); without it the dump's progress cannot be "
                + "followed", e.getMessage());
    }

    @Test
    void lastDumpAnswerNeedsNoLastIncluded() {
        server.on("GET", DUMP, answer(200, "{\"_key\":\"k\"}\n", "lastincluded", "checkmore", "false"));
        ReplicationSource.DumpChunk chunk = source.dump("7", "orders", 1000);
        assertEquals(false, chunk.checkMore());
        assertEquals(1, chunk.documents().size());
    }

    @Test
    void aMissingHeaderFailsThePollAndTheNextPollRetries() {
        server.on("POST", "/_db/shop/_api/replication/batch", Answer.json(200, "{\"id\":\"7\",\"lastTick\":\"100\"}"));
        server.on("GET", "/_db/shop/_api/replication/inventory", Answer.json(200,
                "{\"collections\":[{\"parameters\":{\"name\":\"a\",\"globallyUniqueId\":\"c\"},\"indexes\":[]}],"
                + "\"views\":[],\"state\":{\"running\":true,\"lastLogTick\":\"100\"},\"tick\":\"100\"}"));
        server.on("DELETE", "/_db/shop/_api/replication/batch/7", new Answer(204, Map.of(), null));
        // the first tail call registers at the stored position (no batch may be created before it), then it reads
        server.on("GET", TAIL, new Answer(204, Map.of(), null), tail("frompresent"), tail("none"));
        server.on("GET", "/_db/shop/_api/wal/lastTick", Answer.json(200, "{\"time\":\"2026-01-01T00:00:00Z\","
                + "\"tick\":\"101\",\"server\":{\"version\":\"3.11.4\",\"serverId\":\"4711\"}}"));
        InMemoryPositionStore store = new InMemoryPositionStore();
        store.save("test", ChangePosition.tail(100, 0));
        try (ChangeStream stream = new ChangeStream(source, ChangeStreamOptions.builder().streamKey("test")
                .snapshotMode(SnapshotMode.NEVER).idleMinWait(Duration.ZERO).idleMaxWait(Duration.ZERO).build(),
                store)) {
            ChangeStreamException e = assertThrows(ChangeStreamException.class, () -> stream.poll(10));
            assertTrue(e.getMessage().contains("header missing"), e.getMessage());
            assertTrue(stream.failure().isEmpty(), "a transient failure: the next poll tries again");
            List<ChangeEvent> events = stream.poll(10);
            assertEquals(List.of("k"), events.stream().map(ChangeEvent::key).toList());
            assertEquals("a", events.get(0).collection());
        }
    }
}
