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
package io.github.camelarango.replication.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import org.apache.camel.cluster.CamelClusterService;

/**
 * A fail-over group: one emulator with the fault suite's schema and seeded {@link Workload}, one shared position
 * store (the default file store on one {@code offsetFile}), and several instances of the {@code changes} route of
 * which only the leader of {@link ClusterMember#NAMESPACE} consumes. All deliveries go, in order, to one
 * {@link RecordingSink}; the outcome compares its replay with the emulator's documents by collection, _key and _rev.
 */
final class FailoverGroup implements AutoCloseable {

    private static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(40);

    final ArangoEmulator emulator = ArangoEmulator.builder().build().start();
    final Path dir;
    final Workload workload;
    final RecordingSink sink = new RecordingSink();
    final int snapshotSize;
    private final ArangoDB driver;
    private final List<ClusterMember> members = new ArrayList<>();
    private final List<String> deliverers = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    FailoverGroup(Path dir, long seed, int documentsPerCollection) {
        this.dir = dir;
        EmulatorAdmin admin = new EmulatorAdmin(emulator.url(), null, null);
        admin.createDatabase(FaultRun.DB);
        FaultRun.CAPTURED.forEach(c -> admin.createCollection(FaultRun.DB, c));
        admin.createCollection(FaultRun.DB, FaultRun.UNCAPTURED);
        driver = new ArangoDB.Builder().host("127.0.0.1", emulator.port()).protocol(Protocol.HTTP_JSON).user("root")
                .password("").build();
        workload = new Workload(driver.db(FaultRun.DB), FaultRun.CAPTURED, FaultRun.UNCAPTURED, seed);
        workload.seed(documentsPerCollection);
        snapshotSize = documentsPerCollection * FaultRun.CAPTURED.size();
    }

    /** The changes route every instance runs: one offset file and one offset key for all. */
    String uri() {
        return "arango-replication:changes?host=127.0.0.1&port=" + emulator.port() + "&database=" + FaultRun.DB
               + "&collections=" + String.join(",", FaultRun.CAPTURED) + "&offsetFile=" + offsetFile()
               + "&offsetKey=" + FaultRun.OFFSET_KEY + "&" + FaultRun.DEFAULT_OPTIONS;
    }

    Path offsetFile() {
        return dir.resolve("offsets.dat");
    }

    ClusterMember join(String name, CamelClusterService service, ClusterMember.Election election) throws Exception {
        ClusterMember member = new ClusterMember(name, service, election, uri(), this);
        members.add(member);
        return member;
    }

    /** Closes {@code resource} (e.g. a ZooKeeper client) once the members stopped. */
    void closeAfterwards(AutoCloseable resource) {
        resources.add(resource);
    }

    synchronized void record(String member, Delivery delivery) throws Exception {
        deliverers.add(member);
        sink.record(delivery);
    }

    /** The instance that delivered the last change (the leader, as far as the sink can tell). */
    synchronized ClusterMember lastDeliverer() {
        String name = deliverers.get(deliverers.size() - 1);
        return members.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** The instance that delivered the first change (the first leader). */
    synchronized String firstDeliverer() {
        return deliverers.get(0);
    }

    /** The last change {@code member} delivered. */
    synchronized Delivery lastDeliveryBy(String member) {
        List<Delivery> all = sink.deliveries();
        for (int i = deliverers.size() - 1; i >= 0; i--) {
            if (deliverers.get(i).equals(member)) {
                return all.get(i);
            }
        }
        throw new AssertionError(member + " delivered nothing");
    }

    /** Deliveries made by {@code member} so far. */
    synchronized int deliveredBy(String member) {
        return (int) deliverers.stream().filter(member::equals).count();
    }

    /** Runs {@code action} on the deliverer's thread once {@code condition} first holds (see {@link RecordingSink}). */
    CountDownLatch when(BiPredicate<RecordingSink, Delivery> condition, RecordingSink.Action action) {
        return sink.when(condition, action);
    }

    void awaitSnapshot() throws InterruptedException {
        FaultRun.await("the snapshot of " + snapshotSize + " documents", Duration.ofSeconds(60),
                () -> sink.snapshotDocuments() >= snapshotSize);
    }

    /** Ground truth: {@code collection -> _key -> _rev}. */
    Map<String, Map<String, String>> truth() {
        Map<String, Map<String, String>> truth = new TreeMap<>();
        FaultRun.CAPTURED.forEach(c -> {
            Map<String, String> revs = new TreeMap<>();
            emulator.documents(FaultRun.DB, c).forEach((key, doc) -> revs.put(key, String.valueOf(doc.get("_rev"))));
            truth.put(c, revs);
        });
        return truth;
    }

    /**
     * Waits until the replay of {@code deliveries} (read again each time) equals the truth, or the timeout.
     *
     * @return the replay at the end
     */
    Replay awaitConverged(Supplier<List<Delivery>> deliveries) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
        Replay replay = Replay.of(deliveries.get(), n -> n);
        while (replay.lost(truth()) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            replay = Replay.of(deliveries.get(), n -> n);
        }
        return replay;
    }

    Replay awaitConverged() throws InterruptedException {
        return awaitConverged(sink::deliveries);
    }

    /** The figures of one fail-over test, as the closing note of issue 14 lists them. */
    static String figures(String test, Replay replay, int lost) {
        String line = String.format("FAIL-OVER %-44s changes %5d, duplicates %3d, lost %d", test, replay.applied(),
                replay.duplicates(), lost);
        System.out.println(line);
        return line;
    }

    @Override
    public void close() throws Exception {
        try {
            for (ClusterMember member : members) {
                member.close();
            }
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        } finally {
            driver.shutdown();
            emulator.close();
        }
    }
}
