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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.ArangoReplicationChangesConsumer;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.faults.ClusterMember.Election;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fail-over with one active {@code changes} consumer (issue 14 item 1): several instances of the route share one
 * position store (the default file store on one offset file) and a cluster service, which lets one of them run; the
 * leader goes away during the snapshot or the tail — its CamelContext stops, its ZooKeeper session expires, or its
 * JVM is killed with SIGKILL — and another takes over from the last committed position. Each test asserts that the
 * sink's replay equals the emulator's documents by (collection, _key, _rev), that redeliveries stay within the
 * documented at-least-once window, and prints its figures: changes delivered, duplicates, lost.
 */
class FailoverIT {

    private static final long SEED = Long.getLong("faults.seed", 14L);
    /** Documents per captured collection before the start: the snapshot spans many polls and commits. */
    private static final int DOCUMENTS = 150;

    @TempDir
    Path dir;

    private static ClusterMember fileLockMember(FailoverGroup group, String name, Election election) throws Exception {
        return group.join(name, ChildRouteMain.fileLockService(group.dir.resolve("cluster").toString()), election);
    }

    @Test
    void fileLockLeaderStoppedDuringTheSnapshot(TestInfo test) throws Exception {
        try (FailoverGroup group = new FailoverGroup(dir, SEED, DOCUMENTS)) {
            ClusterMember[] deposed = new ClusterMember[1];
            CountDownLatch stopped = group.when((s, d) -> d.isSnapshotRow() && s.snapshotDocuments() >= 100, () -> {
                deposed[0] = group.lastDeliverer();
                deposed[0].stopFromTheRoute();
            });
            group.emulator.faults().delay("DELETE", "/_api/replication/batch/*", Duration.ZERO, 1); // counts one
            ClusterMember first = fileLockMember(group, "first", Election.ROUTE_POLICY);
            ClusterMember second = fileLockMember(group, "second", Election.ROUTE_POLICY);
            group.sink.await(stopped, "snapshot row 100");
            deposed[0].awaitStopped();
            // the other member cannot start before the stop released the offset key: all of this is the old leader's
            assertEquals(ChangePosition.parse(group.lastDeliveryBy(deposed[0].name).position()),
                    ChangePosition.parse(storedPosition(group)),
                    "the deposed leader committed its last delivered change, and nothing after it");
            assertEquals(0, group.emulator.faults().pending(), "the deposed leader deleted its dump batch");
            group.awaitSnapshot();
            group.workload.run(40);
            assertConverged(group, test, first, second, group.deliveredBy(group.firstDeliverer()));
        }
    }

    @Test
    void fileLockLeaderStoppedDuringTheTail(TestInfo test) throws Exception {
        fileLockLeaderStoppedDuringTheTail(test, Election.ROUTE_POLICY);
    }

    /** {@code master:} (camel-master 4.18.0, the newest served, on the 4.22 core) instead of the route policy. */
    @Test
    void masterEndpointLeaderStoppedDuringTheTail(TestInfo test) throws Exception {
        fileLockLeaderStoppedDuringTheTail(test, Election.MASTER);
    }

    private void fileLockLeaderStoppedDuringTheTail(TestInfo test, Election election) throws Exception {
        try (FailoverGroup group = new FailoverGroup(dir, SEED, DOCUMENTS)) {
            ClusterMember first = fileLockMember(group, "first", election);
            ClusterMember second = fileLockMember(group, "second", election);
            tailFailover(group, () -> group.lastDeliverer().stopFromTheRoute());
            assertConverged(group, test, first, second, Workload.LARGEST_TRANSACTION);
        }
    }

    /**
     * The old leader still holds the offset key when the new one starts: its file lock is gone (its cluster service
     * stopped, which does not tell its route policy, as a leader that missed the loss of its lock) while its route
     * runs and captures on. The new leader's route policy starts its route once, without retry: the consumer waits
     * for the key (offsetKeyWaitTimeout, one minute by default) instead of failing its start, and continues from the
     * old leader's last commit once that one stopped.
     */
    @Test
    void fileLockOldLeaderStillHoldsTheKeyWhenTheNewOneStarts(TestInfo test) throws Exception {
        try (FailoverGroup group = new FailoverGroup(dir, SEED, DOCUMENTS)) {
            ClusterMember first = fileLockMember(group, "first", Election.ROUTE_POLICY);
            ClusterMember second = fileLockMember(group, "second", Election.ROUTE_POLICY);
            group.awaitSnapshot();
            group.workload.run(20);
            ClusterMember old = group.lastDeliverer();
            ClusterMember next = old == first ? second : first;
            old.service.stop();
            FaultRun.await("the other member's election", Duration.ofSeconds(20), next::leads);
            FaultRun.await("the new leader's route started, waiting for the key", Duration.ofSeconds(20),
                    () -> next.camel.getRouteController().getRouteStatus(ClusterMember.ROUTE_ID)
                          == ServiceStatus.Started);
            group.workload.run(30); // the old leader, still holding the key, captures these
            assertEquals(0, next.delivered(), "the new leader delivers nothing while the old one holds the key");
            old.camel.stop(); // its last poll commits, then it releases the key
            group.workload.run(30);
            assertConverged(group, test, first, second, Workload.LARGEST_TRANSACTION);
        }
    }

    @Test
    void zooKeeperLeaderStoppedDuringTheSnapshot(TestInfo test) throws Exception {
        try (TestingServer zooKeeper = new TestingServer(true);
             FailoverGroup group = new FailoverGroup(dir, SEED, DOCUMENTS)) {
            CountDownLatch stopped = group.when((s, d) -> d.isSnapshotRow() && s.snapshotDocuments() >= 100,
                    () -> group.lastDeliverer().stopFromTheRoute());
            ClusterMember first = group.join("first", zooKeeperService(zooKeeper, group, "first"), Election.ROUTE_POLICY);
            ClusterMember second = group.join("second", zooKeeperService(zooKeeper, group, "second"),
                    Election.ROUTE_POLICY);
            group.sink.await(stopped, "snapshot row 100");
            group.awaitSnapshot();
            group.workload.run(40);
            assertConverged(group, test, first, second, group.deliveredBy(group.firstDeliverer()));
        }
    }

    /**
     * The leader's ZooKeeper session expires while it tails. camel-zookeeper 4.18.0 (the newest whose POM resolves
     * from Central) then tells the route policy that this member still leads (it fires the change while Curator still
     * says so), so its route keeps running, while ZooKeeper elects the other member. The offset key's claim keeps the
     * second member from capturing alongside: it waits for the key naming the first, nothing is delivered twice,
     * nothing is lost. (camel-zookeeper 4.22.1 fires the loss; its POM's parent is missing from Central.)
     */
    @Test
    void zooKeeperSessionOfTheLeaderExpiresDuringTheTail(TestInfo test) throws Exception {
        try (TestingServer zooKeeper = new TestingServer(true);
             FailoverGroup group = new FailoverGroup(dir, SEED, DOCUMENTS)) {
            ClusterMember first = group.join("first", zooKeeperService(zooKeeper, group, "first"), Election.ROUTE_POLICY);
            ClusterMember second = group.join("second", zooKeeperService(zooKeeper, group, "second"),
                    Election.ROUTE_POLICY);
            ClusterMember[] expired = new ClusterMember[1];
            tailFailover(group, () -> {
                expired[0] = group.lastDeliverer();
                expireSession(expired[0]);
            });
            ClusterMember other = expired[0] == first ? second : first;
            FaultRun.await("the other member's election", Duration.ofSeconds(20),
                    other::leads);
            Replay replay = group.awaitConverged();
            int lost = replay.lost(group.truth());
            FailoverGroup.figures(test.getDisplayName(), replay, lost);
            assertEquals(0, lost, replay.differences(group.truth(), 10));
            assertEquals(0, replay.duplicates(), "one member captured at a time");
            assertEquals(0, other.delivered(), "the elected member waits while the other holds the key");
            String waiting = ((ArangoReplicationChangesConsumer) other.camel.getRoute(ClusterMember.ROUTE_ID)
                    .getConsumer()).consumerStatus().lastFailure().getMessage();
            assertTrue(waiting.startsWith("offsetKey '" + FaultRun.OFFSET_KEY + "' is held by route '"
                                          + ClusterMember.ROUTE_ID + "' of CamelContext '" + expired[0].name + "'; "),
                    waiting);
        }
    }

    @Test
    void leaderJvmKilledDuringTheSnapshot(TestInfo test) throws Exception {
        killedLeaderJvm(test, true);
    }

    @Test
    void leaderJvmKilledDuringTheTail(TestInfo test) throws Exception {
        killedLeaderJvm(test, false);
    }

    /**
     * Two child JVMs with the file-lock cluster service on one folder and one offset file; the leader is killed with
     * SIGKILL (no stop, no commit, no release: the operating system drops its locks) and the other takes over.
     */
    private void killedLeaderJvm(TestInfo test, boolean duringSnapshot) throws Exception {
        try (FailoverGroup group = new FailoverGroup(dir, SEED, DOCUMENTS)) {
            String cluster = "-Dfaults.clusterRoot=" + dir.resolve("cluster");
            List<String> routeArgs = List.of("127.0.0.1", String.valueOf(group.emulator.port()), FaultRun.DB,
                    String.join(",", FaultRun.CAPTURED), group.offsetFile().toString());
            RecordingSink firstSink = new RecordingSink();
            RecordingSink secondSink = new RecordingSink();
            try (ChildJvmRoute first = child(cluster, routeArgs, "first", firstSink);
                 ChildJvmRoute second = startAfterFirstDelivery(firstSink, cluster, routeArgs, secondSink)) {
                CountDownLatch killed;
                if (duringSnapshot) {
                    killed = firstSink.when((s, d) -> d.isSnapshotRow() && s.snapshotDocuments() >= 100, first::kill);
                } else {
                    FaultRun.await("the snapshot", Duration.ofSeconds(60),
                            () -> firstSink.snapshotDocuments() >= group.snapshotSize);
                    int base = firstSink.documentChanges();
                    killed = firstSink.when((s, d) -> d.isDocumentChange() && s.documentChanges() >= base + 20,
                            first::kill);
                    group.workload.run(60);
                }
                firstSink.await(killed, "the kill of the leader JVM");
                group.workload.run(40);
                List<Delivery> all = new ArrayList<>();
                Replay replay = group.awaitConverged(() -> {
                    all.clear();
                    all.addAll(firstSink.deliveries()); // the first JVM died before the second one delivered
                    all.addAll(secondSink.deliveries());
                    return all;
                });
                int lost = replay.lost(group.truth());
                FailoverGroup.figures(test.getDisplayName(), replay, lost);
                assertEquals(0, lost, replay.differences(group.truth(), 10));
                assertTrue(secondSink.size() > 0, "the second JVM took over");
                // a killed leader repeats what it delivered after its last position write: one poll at most (the
                // position is written once per poll), and the earlier changes of a transaction that poll ended in
                int window = duringSnapshot ? firstSink.size() : FaultRun.MAX_EVENTS_PER_POLL + Workload.LARGEST_TRANSACTION;
                assertTrue(replay.duplicates() <= window, replay.duplicates() + " duplicates, more than the window of "
                                                          + window);
            }
        }
    }

    private ChildJvmRoute child(String cluster, List<String> routeArgs, String name, RecordingSink sink)
            throws Exception {
        List<String> args = new ArrayList<>(routeArgs);
        args.addAll(List.of(dir.resolve(name + "-sink.jsonl").toString(), "2"));
        return ChildJvmRoute.start(List.of(cluster), args, dir.resolve(name + "-sink.jsonl"), new long[] {0}, sink,
                dir.resolve(name + ".log"));
    }

    private ChildJvmRoute startAfterFirstDelivery(RecordingSink firstSink, String cluster, List<String> routeArgs,
            RecordingSink secondSink) throws Exception {
        FaultRun.await("the first JVM's first delivery", Duration.ofSeconds(60), () -> firstSink.size() > 0);
        return child(cluster, routeArgs, "second", secondSink);
    }

    // ------------------------------------------------------------------ helpers

    /** The snapshot ends, then the leader goes away after 20 changes of a running workload. */
    private static void tailFailover(FailoverGroup group, RecordingSink.Action goAway) throws Exception {
        group.awaitSnapshot();
        int base = group.sink.documentChanges();
        CountDownLatch gone = group.when((s, d) -> d.isDocumentChange() && s.documentChanges() >= base + 20, goAway);
        group.workload.run(60);
        group.sink.await(gone, "change 20 of the tail");
        group.workload.run(40);
    }

    /** A ZooKeeper cluster service with a session timeout of 2 s (60 s by default), on a client the group closes. */
    private static ZooKeeperClusterService zooKeeperService(TestingServer zooKeeper, FailoverGroup group, String id) {
        CuratorFramework curator = CuratorFrameworkFactory.builder().connectString(zooKeeper.getConnectString())
                .sessionTimeoutMs(2000).connectionTimeoutMs(2000).retryPolicy(new RetryOneTime(100)).build();
        curator.start();
        group.closeAfterwards(curator);
        ZooKeeperClusterService service = new ZooKeeperClusterService(new ZooKeeperCuratorConfiguration());
        service.setCuratorFramework(curator);
        service.setId(id);
        service.setBasePath("/camel/cluster");
        return service;
    }

    /** Ends the ZooKeeper session of the member, as the server does when it has not heard of it in time. */
    private static void expireSession(ClusterMember member) throws Exception {
        ((ZooKeeperClusterService) member.service).getCuratorFramework().getZookeeperClient().getZooKeeper()
                .getTestable().injectSessionExpiration();
    }

    /**
     * Waits until the replay equals the truth; asserts nothing lost, that both instances delivered, that the stored
     * position reached the last delivery, and at most {@code window} duplicates.
     */
    private static void assertConverged(FailoverGroup group, TestInfo test, ClusterMember first, ClusterMember second,
            int window) throws Exception {
        Replay replay = group.awaitConverged();
        int lost = replay.lost(group.truth());
        FailoverGroup.figures(test.getDisplayName(), replay, lost);
        assertEquals(0, lost, replay.differences(group.truth(), 10));
        assertTrue(first.delivered() > 0 && second.delivered() > 0,
                "both delivered: first " + first.delivered() + ", second " + second.delivered());
        assertTrue(replay.duplicates() <= window, replay.duplicates() + " duplicates, more than the window of " + window);
        List<Delivery> deliveries = group.sink.deliveries();
        Delivery last = deliveries.get(deliveries.size() - 1);
        long committed = awaitCommitted(group, Long.parseLong(last.tick()));
        assertTrue(committed >= Long.parseLong(last.tick()), "the new leader committed its last delivery, tick "
                                                             + last.tick() + "; the offset file has " + committed);
    }

    /** The position in the shared offset file, as JSON text. */
    private static String storedPosition(FailoverGroup group) throws Exception {
        String text = Files.readString(group.offsetFile());
        return new ObjectMapper().readTree(text).path(FaultRun.OFFSET_KEY).asText();
    }

    /** The committed tick in the shared offset file once it reached {@code tick} (or after 10 s). */
    private static long awaitCommitted(FailoverGroup group, long tick) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long committed = -1;
        while (System.nanoTime() < deadline) {
            committed = ChangePosition.parse(storedPosition(group)).from();
            if (committed >= tick) {
                break;
            }
            Thread.sleep(50);
        }
        return committed;
    }
}
