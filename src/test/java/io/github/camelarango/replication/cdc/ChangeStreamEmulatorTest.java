package io.github.camelarango.replication.cdc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.arangodb.ArangoDB;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import io.github.camelarango.replication.client.ArangoClientConfiguration;
import io.github.camelarango.replication.client.HttpArangoReplicationClient;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine against the emulator over HTTP, with writes made by the official Java driver while the stream runs:
 * replaying the delivered events must reproduce the server's final documents exactly (every _key and _rev).
 */
class ChangeStreamEmulatorTest {

    private static final String DB = "shop";
    private static final List<String> CAPTURED = List.of("orders", "customers");
    private static final List<String> WRITTEN = List.of("orders", "customers", "audit");

    /** An emulator with the database and collections, a driver to write and a replication client to read. */
    private static final class Setup implements AutoCloseable {
        final ArangoEmulator emulator;
        final ArangoDB driver;
        final ArangoDatabase db;
        final HttpArangoReplicationClient client;

        Setup(String version) {
            emulator = ArangoEmulator.builder().version(version).authentication("root", "secret").build().start();
            driver = new ArangoDB.Builder().host("127.0.0.1", emulator.port()).protocol(Protocol.HTTP_JSON)
                    .user("root").password("secret").build();
            driver.createDatabase(DB);
            db = driver.db(DB);
            WRITTEN.forEach(c -> db.collection(c).create());
            client = new HttpArangoReplicationClient(ArangoClientConfiguration.builder(emulator.url()).database(DB)
                    .password("secret").build());
        }

        Map<String, Map<String, String>> truth() {
            return EmulatorTruth.of(emulator, DB, CAPTURED);
        }

        @Override
        public void close() {
            client.close();
            driver.shutdown();
            emulator.close();
        }
    }

    private static ChangeStreamOptions.Builder options() {
        return ChangeStreamOptions.builder().streamKey("it").excludeCollections(Set.of("audit"))
                .idleMinWait(Duration.ofMillis(5)).idleMaxWait(Duration.ofMillis(50))
                .initialDumpChunkSize(2048).maxDumpChunkSize(8192).tailChunkSize(16384);
    }

    /** Polls, applies and commits until the replica equals the server (the writer must be done). */
    private static List<ChangeEvent> catchUp(ChangeStream stream, ReplayedState replica, Setup setup) {
        List<ChangeEvent> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<ChangeEvent> events = stream.poll(200);
            replica.apply(events);
            all.addAll(events);
            if (!events.isEmpty()) {
                stream.commit(events.get(events.size() - 1).position());
            } else if (EmulatorTruth.of(replica, CAPTURED).equals(setup.truth())) {
                return all;
            }
        }
        assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED), "replica did not converge");
        return fail("unreachable");
    }

    private static Thread writer(RandomWorkload workload, int steps, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; i < steps; i++) {
                    workload.step();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "workload");
        thread.start();
        return thread;
    }

    @ParameterizedTest(name = "ArangoDB {0}")
    @ValueSource(strings = {"3.11.4", "3.12.10"})
    void replayReproducesTheServerExactlyWhileWritesGoOn(String version) throws Exception {
        try (Setup setup = new Setup(version)) {
            RandomWorkload workload = new RandomWorkload(setup.db, WRITTEN, 42);
            workload.seed(60);
            ReplayedState replica = new ReplayedState();
            List<ChangeEvent> delivered = new ArrayList<>();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            try (ChangeStream stream = new ChangeStream(setup.client, options().build(), new InMemoryPositionStore())) {
                List<ChangeEvent> first = stream.poll(25); // creates the batch: later writes come from the WAL
                replica.apply(first);
                delivered.addAll(first);
                Thread writer = writer(workload, 250, writerFailure);
                while (writer.isAlive()) {
                    List<ChangeEvent> events = stream.poll(25);
                    replica.apply(events);
                    delivered.addAll(events);
                    if (!events.isEmpty()) {
                        stream.commit(events.get(events.size() - 1).position());
                    }
                }
                writer.join();
                assertEquals(null, writerFailure.get());
                delivered.addAll(catchUp(stream, replica, setup));
                assertEquals(setup.truth(), EmulatorTruth.of(replica, CAPTURED));
                for (int i = 0; i < 3; i++) {
                    assertTrue(stream.poll(10).isEmpty(), "nothing after the last change");
                }
                assertEquals(0, stream.metrics().positionLostCount());
                assertEquals(ChangePosition.Phase.TAIL, stream.metrics().phase());
            }
            assertTrue(delivered.stream().noneMatch(e -> "audit".equals(e.collection())), "excluded collection");
            assertTrue(delivered.stream().filter(e -> e.key() != null)
                    .noneMatch(e -> workload.abortedKeys().contains(e.key())), "no event of an aborted transaction");
            assertFalse(workload.abortedKeys().isEmpty(), "the workload did abort transactions");
            assertTrue(delivered.stream().anyMatch(e -> e.transactionId() != null), "transactions were captured");
            Set<String> snapshotRows = new HashSet<>();
            Set<Long> tailTicks = new HashSet<>();
            for (ChangeEvent e : delivered) {
                if (e.snapshot()) {
                    assertTrue(snapshotRows.add(e.collection() + "/" + e.key()), "snapshot row twice: " + e);
                } else if (e.type().isDocumentChange()) {
                    assertTrue(tailTicks.add(e.tick()), "WAL change delivered twice: " + e);
                }
            }
            assertEquals(120, snapshotRows.size(), "the snapshot holds exactly the documents at batch time");
        }
    }
}
