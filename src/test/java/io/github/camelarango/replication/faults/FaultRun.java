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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import com.arangodb.ArangoDB;
import com.arangodb.ArangoDatabase;
import com.arangodb.Protocol;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.EmulatorAdmin;
import io.github.camelarango.replication.emulator.Faults;
import io.github.camelarango.replication.offsets.AtomicFileStateRepository;
import org.apache.camel.health.HealthCheck;

/**
 * One run of one cell: an emulator, a database {@code faults} with the captured collections {@code orders} and
 * {@code customers} and the uncaptured {@code audit}, a seeded {@link Workload} through the official driver, the
 * {@code changes} route (in this JVM, or in a child JVM for SIGKILL) with a {@link RecordingSink}, and the checks of
 * the two outcomes against the emulator's ground truth.
 */
final class FaultRun implements AutoCloseable {

    static final String DB = "faults";
    static final List<String> CAPTURED = List.of("orders", "customers");
    static final String UNCAPTURED = "audit";
    static final String OFFSET_KEY = "faults";
    /** The maxEventsPerPoll of {@link #DEFAULT_OPTIONS}: one poll, the window a position written per poll leaves. */
    static final int MAX_EVENTS_PER_POLL = 20;
    /** Small chunks and polls, so that every phase spans several server calls and polls. */
    static final String DEFAULT_OPTIONS = "initialDelay=0&backoffErrorThreshold=3&backoffMultiplier=10"
            + "&snapshotChunkSize=4096&snapshotMaxChunkSize=16384&maxEventsPerPoll=" + MAX_EVENTS_PER_POLL
            + "&tailChunkSize=16384";
    private static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** No delivery for this long while the copy is wrong: the stream stopped (or loops without delivering). */
    private static final Duration STALL = Duration.ofSeconds(20);

    final long seed;
    final Random random;
    final ArangoEmulator emulator;
    final EmulatorAdmin admin;
    final RecordingSink sink = new RecordingSink();
    final Positions positions = new Positions();
    final int seedDocuments;
    private final boolean childJvm;
    private final Path dir;
    private final long[] sinkFileOffset = {0};
    private final Map<String, String> currentNames = new LinkedHashMap<>();
    private final Map<String, String> logicalNames = new LinkedHashMap<>();
    private ArangoDB driver;
    Workload workload;
    private final Map<String, String> options = parse(DEFAULT_OPTIONS);
    private InJvmRoute route;
    private ChildJvmRoute child;
    private int resetAt = -1;
    private final List<String> notes = new ArrayList<>();

    FaultRun(long seed, int seedDocuments, boolean childJvm, Path dir) throws Exception {
        this.seed = seed;
        this.random = new Random(seed);
        this.seedDocuments = seedDocuments;
        this.childJvm = childJvm;
        this.dir = dir;
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p); // an earlier run with the same seed: its sink and offset files would mix in
                }
            }
        }
        Files.createDirectories(dir);
        this.emulator = ArangoEmulator.builder().build().start();
        this.admin = new EmulatorAdmin(emulator.url(), null, null);
        CAPTURED.forEach(c -> currentNames.put(c, c));
        connect();
        createSchema();
        workload = new Workload(driver.db(DB), CAPTURED, UNCAPTURED, seed);
        workload.seed(seedDocuments);
    }

    private void connect() {
        if (driver != null) {
            driver.shutdown();
        }
        driver = new ArangoDB.Builder().host("127.0.0.1", emulator.port()).protocol(Protocol.HTTP_JSON).user("root")
                .password("").build();
        if (workload != null) {
            workload.use(driver.db(DB));
        }
    }

    private void createSchema() {
        admin.createDatabase(DB);
        CAPTURED.forEach(c -> admin.createCollection(DB, c));
        admin.createCollection(DB, UNCAPTURED);
    }

    ArangoDatabase db() {
        return driver.db(DB);
    }

    Faults faults() {
        return emulator.faults();
    }

    /** Sets URI options for the next start (e.g. {@code positionLostPolicy=RESNAPSHOT}), replacing earlier values. */
    FaultRun options(String more) {
        options.putAll(parse(more));
        return this;
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    private String optionsQuery() {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }

    void note(String text) {
        notes.add(text);
    }

    List<String> notes() {
        return notes;
    }

    // ------------------------------------------------------------------ the route

    String uri() {
        return "arango-replication:changes?host=127.0.0.1&port=" + emulator.port() + "&database=" + DB
               + "&collections=" + String.join(",", CAPTURED) + "&offsetRepository=#positions&offsetKey=" + OFFSET_KEY
               + "&" + optionsQuery();
    }

    /** Starts the route (a new CamelContext, or a new child JVM) unless it runs. */
    void start() throws Exception {
        if (childJvm) {
            if (child == null || !child.isAlive()) {
                if (child != null) {
                    child.close();
                }
                child = ChildJvmRoute.start(List.of("127.0.0.1", String.valueOf(emulator.port()), DB,
                                String.join(",", CAPTURED), dir.resolve("offsets.dat").toString(),
                                dir.resolve("sink.jsonl").toString(), "2", optionsQuery()),
                        dir.resolve("sink.jsonl"), sinkFileOffset, sink, dir.resolve("child.log"));
            }
            return;
        }
        if (route == null) {
            route = new InJvmRoute(uri(), positions, sink);
        }
    }

    /** Stops the route (the whole CamelContext) and waits until it stopped. */
    void stop() throws Exception {
        if (route != null) {
            route.close();
            route = null;
        }
        if (child != null) {
            child.close();
            child = null;
        }
    }

    /** Stops the route with different options and starts it again (a recovery step). */
    void restartWith(String moreOptions) throws Exception {
        stop();
        options(moreOptions);
        start();
    }

    /** The position the child JVM's offset file holds now (null when none). */
    String storedPosition() throws Exception {
        AtomicFileStateRepository file = new AtomicFileStateRepository(dir.resolve("offsets.dat"));
        file.start();
        try {
            return file.getState(OFFSET_KEY);
        } finally {
            file.stop();
        }
    }

    /** SIGKILL of the child JVM. */
    void kill() throws InterruptedException {
        child.kill();
    }

    /**
     * An action for a trigger: stops the CamelContext from another thread and returns once it is stopping, so the
     * consumer's thread is not blocked while Camel waits for the exchange in flight. {@link #joinStop()} waits for it.
     */
    void stopFromTheRoute() throws InterruptedException {
        InJvmRoute current = route;
        stopper = new Thread(current::close, "stopper");
        stopper.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!current.isStopping() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private Thread stopper;

    void joinStop() throws InterruptedException {
        if (stopper != null) {
            stopper.join(60_000);
            stopper = null;
        }
        route = null;
    }

    Optional<HealthCheck.Result> health() {
        return route == null ? Optional.empty() : route.health();
    }

    // ------------------------------------------------------------------ phases

    private int extraSnapshotDocuments;

    /** Documents in the snapshot when nothing is written during it. */
    int snapshotSize() {
        return seedDocuments * CAPTURED.size() + extraSnapshotDocuments;
    }

    /** Adds generated documents to a captured collection before the start (a large collection). */
    void generate(String logical, int count) {
        emulator.generateDocuments(DB, currentNames.get(logical), count, i -> Map.of("g", i));
        extraSnapshotDocuments += count;
        resyncWorkload();
    }

    /** Runs {@code action} on the consumer's thread when the snapshot delivered its {@code k}-th document. */
    void atSnapshotDocument(int k, RecordingSink.Action action) throws Exception {
        note("at snapshot row " + k);
        CountDownLatch done = sink.when((s, d) -> d.isSnapshotRow() && s.snapshotDocuments() >= k, action);
        start();
        sink.await(done, "snapshot row " + k);
    }

    /**
     * Runs {@code action} on the consumer's thread at a point of the phase: after a random number of snapshot rows;
     * at the last snapshot row; at a random event of a transaction of 150 operations committed after the snapshot;
     * after a random number of changes while tailing. Starts the route and writes what the phase needs; returns when
     * the action ran.
     */
    void at(Phase phase, RecordingSink.Action action) throws Exception {
        CountDownLatch done;
        switch (phase) {
            case SNAPSHOT -> {
                atSnapshotDocument(5 + random.nextInt(snapshotSize() / 2 - 5), action);
                return;
            }
            case HANDOFF -> {
                // a route started here snapshots the documents there are now (writes before the start, removes
                // among them, may have changed the seeded count); one started earlier snapshotted the seeded ones
                boolean started = route != null || child != null && child.isAlive();
                int rows = started ? snapshotSize() : truth().values().stream().mapToInt(Map::size).sum();
                done = sink.when((s, d) -> d.isSnapshotRow() && s.snapshotDocuments() >= rows, action);
                start();
            }
            case IN_TRANSACTION -> {
                start();
                awaitSnapshot();
                int j = 10 + random.nextInt(130);
                note("at transaction event " + j);
                done = sink.when((s, d) -> d.txId() != null && s.transactionEvents(d.txId()) >= j, action);
                workload.run(5);
                workload.transaction(150, true, null);
            }
            case TAIL -> {
                start();
                awaitSnapshot();
                int base = sink.documentChanges();
                int k = 5 + random.nextInt(40);
                note("at tail change " + k);
                done = sink.when((s, d) -> d.isDocumentChange() && d.txId() == null && s.documentChanges() >= base + k, action);
                workload.run(60);
            }
            default -> throw new IllegalArgumentException(phase.name());
        }
        sink.await(done, phase.name());
    }

    void awaitSnapshot() throws InterruptedException {
        await("the snapshot of " + snapshotSize() + " documents", Duration.ofSeconds(30),
                () -> sink.snapshotDocuments() >= snapshotSize());
    }

    // ------------------------------------------------------------------ server changes

    /** After a restore or replacement: a new driver (the old connections were reset). */
    void reconnect() {
        connect();
    }

    /** A replaced server gets the database and collections again (as arangorestore would) with fresh documents. */
    void recreateSchemaAndData(int perCollection) {
        reconnect();
        createSchema();
        CAPTURED.forEach(c -> currentNames.put(c, c));
        workload.resync(Map.of());
        workload.seed(perCollection);
    }

    /** After a restore: the workload learns which keys exist now. */
    void resyncWorkload() {
        Map<String, java.util.Set<String>> existing = new LinkedHashMap<>();
        for (String c : List.of(CAPTURED.get(0), CAPTURED.get(1), UNCAPTURED)) {
            String name = c.equals(UNCAPTURED) ? c : currentNames.get(c);
            existing.put(c, name == null ? java.util.Set.of() : emulator.documents(DB, name).keySet());
        }
        workload.resync(existing);
    }

    /** Renames a captured collection; the workload's writes wait meanwhile and then use the new name. */
    void rename(String logical, String newName) {
        synchronized (workload) {
            admin.renameCollection(DB, currentNames.get(logical), newName);
            currentNames.put(logical, newName);
            logicalNames.put(newName, logical);
            workload.renamed(logical, newName);
        }
    }

    /** Drops a captured collection; the workload no longer writes to it. */
    void drop(String logical) {
        synchronized (workload) {
            admin.dropCollection(DB, currentNames.get(logical));
            currentNames.put(logical, null);
            workload.renamed(logical, null);
        }
    }

    /** Truncates a captured collection. */
    void truncate(String logical) {
        synchronized (workload) {
            admin.truncateCollection(DB, currentNames.get(logical));
            resyncWorkload();
        }
    }

    /** The globallyUniqueId of a captured collection, from its creation marker. */
    String cuid(String logical) {
        return emulator.wal().stream().filter(m -> m.type() == 2000 && logical.equals(m.data().get("name")))
                .map(m -> String.valueOf(m.data().get("globallyUniqueId"))).reduce((a, b) -> b).orElseThrow();
    }

    /** Writes until the server's last tick is above {@code tick} (new writes after a restore reuse old ticks). */
    void writePast(long tick) {
        while (emulator.lastTick() <= tick + 10) {
            workload.run(10);
        }
    }

    // ------------------------------------------------------------------ outcomes

    /** Ground truth: {@code logical collection -> _key -> _rev} (empty for a dropped collection). */
    Map<String, Map<String, String>> truth() {
        Map<String, Map<String, String>> truth = new TreeMap<>();
        currentNames.forEach((logical, name) -> {
            Map<String, String> revs = new TreeMap<>();
            if (name != null) {
                emulator.documents(DB, name).forEach((key, doc) -> revs.put(key, String.valueOf(doc.get("_rev"))));
            }
            truth.put(logical, revs);
        });
        return truth;
    }

    /** The copy a downstream holds: every delivery applied, from the last reload on. */
    Replay replay() {
        List<Delivery> all = sink.deliveries();
        Replay replay = new Replay(name -> logicalNames.getOrDefault(name, name));
        for (int i = 0; i < all.size(); i++) {
            if (i == resetAt) {
                replay.reset();
            }
            replay.apply(all.get(i));
        }
        if (resetAt >= all.size()) {
            replay.reset();
        }
        return replay;
    }

    /** The downstream reloads: deliveries from now on build a new copy (the recovery step of a new snapshot). */
    void reloadDownstream() {
        resetAt = sink.size();
    }

    /**
     * Waits until the copy equals the truth, or nothing was delivered for {@link #STALL} (a stopped stream), or
     * {@link #CONVERGE_TIMEOUT}.
     *
     * @return the number of documents the copy gets wrong (0 when converged)
     */
    int awaitConverged() throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
        int delivered = sink.size();
        long lastProgress = System.nanoTime();
        int lost;
        while ((lost = replay().lost(truth())) != 0 && System.nanoTime() < deadline
               && System.nanoTime() - lastProgress < STALL.toNanos()) {
            Thread.sleep(100);
            if (sink.size() != delivered) {
                delivered = sink.size();
                lastProgress = System.nanoTime();
            }
        }
        return lost;
    }

    /**
     * Waits until the health check is DOWN with a message containing {@code fragment}.
     *
     * @return the message, or empty if it never came
     */
    Optional<String> awaitDown(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<HealthCheck.Result> h = health();
            if (h.isPresent() && h.get().getState() == HealthCheck.State.DOWN
                && h.get().getMessage().orElse("").contains(fragment)) {
                return h.get().getMessage();
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** What the health check says now, for failure messages. */
    String healthNow() {
        if (childJvm) {
            try (var lines = Files.lines(dir.resolve("child.log"))) {
                return "the child JVM's last error: " + lines.filter(l -> l.contains(" ERROR ")).reduce((a, b) -> b)
                        .orElse("(none)");
            } catch (java.io.IOException e) {
                return "(no child log: " + e.getMessage() + ")";
            }
        }
        return health().map(h -> h.getState() + " " + h.getMessage().orElse("")).orElse("(no health check)");
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            if (driver != null) {
                driver.shutdown();
            }
            emulator.close();
        }
    }
}
