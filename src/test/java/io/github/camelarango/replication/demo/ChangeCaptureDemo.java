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
package io.github.camelarango.replication.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.github.camelarango.replication.ArangoReplicationComponent;
import io.github.camelarango.replication.ArangoReplicationConfiguration;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * The README's first command: change data capture from ArangoDB to JSON lines files, end to end.
 * <ol>
 * <li>starts the in-JVM ArangoDB emulator (or uses the server named by {@code -Darango.url});</li>
 * <li>loads sample orders with the official ArangoDB Java driver;</li>
 * <li>runs a {@code changes} route that writes the snapshot, then the live changes, one JSON line per change;</li>
 * <li>makes live changes from a writer thread while the route runs;</li>
 * <li>prints a summary: documents in the snapshot, changes by type, files written, committed tick.</li>
 * </ol>
 * Run with {@code mvn -B -q test-compile exec:java@demo}; the settings are in {@link DemoSettings}. It fails (non-zero
 * exit) when not every change arrived in time.
 */
public final class ChangeCaptureDemo {

    private static final String EMULATOR_VERSION = "3.11.4";

    private ChangeCaptureDemo() {
    }

    public static void main(String[] args) throws Exception {
        run(DemoSettings.fromSystemProperties());
    }

    /** Runs the demo; throws when not every change reached the file in time. */
    static void run(DemoSettings settings) throws Exception {
        if (!settings.embedded()) {
            run(settings, "ArangoDB at " + settings.url());
            return;
        }
        try (ArangoEmulator emulator = ArangoEmulator.builder().version(EMULATOR_VERSION).build().start()) {
            run(settings.withUrl(emulator.url()),
                    "embedded ArangoDB emulator " + emulator.version() + " at " + emulator.url());
        }
    }

    private static void run(DemoSettings settings, String server) throws Exception {
        System.out.println("Change capture demo: " + server + ", collection " + settings.database() + "/"
                + settings.collection());
        Path file = settings.output().resolve(settings.collection() + ".jsonl");
        Files.createDirectories(settings.output());
        Files.deleteIfExists(file);

        ChangeTally tally = new ChangeTally();
        MemoryStateRepository offsets = new MemoryStateRepository();
        try (DemoDatabase database = new DemoDatabase(settings);
             CamelContext camel = new DefaultCamelContext()) {
            database.loadSampleOrders(settings.documents());
            System.out.println("Loaded " + settings.documents() + " sample orders with the ArangoDB Java driver");

            configureComponent(camel, settings);
            camel.getRegistry().bind(ChangesToFilesRoute.OFFSETS, offsets);
            camel.addRoutes(new ChangesToFilesRoute(settings, tally));
            camel.start();

            DemoWriter writer = new DemoWriter(database.orders(), settings.documents(), settings.changes());
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
            progress.scheduleAtFixedRate(() -> printProgress(settings, tally, writer), 1, 1, TimeUnit.SECONDS);
            try {
                long deadline = System.nanoTime() + settings.timeout().toNanos();
                await(() -> tally.count(ChangeTally.SNAPSHOT) >= settings.documents(), deadline);
                Thread writing = new Thread(writer, "demo-writer");
                writing.start();
                writing.join(settings.timeout().toMillis());
                if (writer.failure() != null) {
                    throw new IllegalStateException("the demo writer failed: " + writer.failure(), writer.failure());
                }
                await(() -> !writing.isAlive() && liveChanges(tally) >= settings.changes(), deadline);
            } finally {
                progress.shutdownNow();
            }
            camel.getRouteController().stopRoute(ChangesToFilesRoute.ROUTE_ID);
            printProgress(settings, tally, writer);
            printSummary(settings, tally, writer, file, committedTick(offsets));
            verify(settings, tally, writer, file);
        }
    }

    private static void configureComponent(CamelContext camel, DemoSettings settings) {
        ArangoReplicationConfiguration connection =
                camel.getComponent("arango-replication", ArangoReplicationComponent.class).getConfiguration();
        connection.setHost(settings.host());
        connection.setPort(settings.port());
        connection.setUseSsl(settings.useSsl());
        connection.setDatabase(settings.database());
        connection.setUser(settings.user());
        connection.setPassword(settings.password());
    }

    private static int liveChanges(ChangeTally tally) {
        return tally.count(ChangeTally.UPSERT) + tally.count(ChangeTally.DELETE);
    }

    private static void await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (!condition.getAsBoolean() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(50);
        }
    }

    private static void printProgress(DemoSettings settings, ChangeTally tally, DemoWriter writer) {
        System.out.printf("  progress: snapshot %d/%d documents, live changes %d/%d written by the app, last tick %s%n",
                tally.count(ChangeTally.SNAPSHOT), settings.documents(), liveChanges(tally),
                writer.inserts() + writer.updates() + writer.deletes(), tally.lastTick());
    }

    /** The tick the consumer committed last: where a restart would resume. */
    private static String committedTick(MemoryStateRepository offsets) {
        String position = offsets.getState(ChangesToFilesRoute.OFFSET_KEY);
        return position == null ? "none" : Long.toUnsignedString(ChangePosition.parse(position).from());
    }

    private static void printSummary(DemoSettings settings, ChangeTally tally, DemoWriter writer, Path file,
            String committedTick) throws IOException {
        System.out.println("Summary");
        System.out.println("  snapshot         : " + tally.count(ChangeTally.SNAPSHOT) + " documents");
        System.out.println("  live changes     : " + tally.count(ChangeTally.UPSERT) + " upserts, "
                + tally.count(ChangeTally.DELETE) + " deletes (the app made " + writer.inserts() + " inserts, "
                + writer.updates() + " updates, " + writer.deletes() + " deletes; the WAL logs inserts and updates alike)");
        System.out.println("  changes by type  : " + tally.counts());
        System.out.println("  files written    : " + file + " (" + lineCount(file) + " lines)");
        System.out.println("  committed tick   : " + committedTick + " (last change written at tick " + tally.lastTick()
                + ")");
    }

    private static void verify(DemoSettings settings, ChangeTally tally, DemoWriter writer, Path file)
            throws IOException {
        boolean complete = tally.count(ChangeTally.SNAPSHOT) == settings.documents()
                && tally.count(ChangeTally.UPSERT) == writer.upserts()
                && tally.count(ChangeTally.DELETE) == writer.deletes()
                && lineCount(file) == tally.total();
        if (!complete) {
            throw new IllegalStateException("the demo did not capture every change within " + settings.timeout()
                    + ": expected " + settings.documents() + " snapshot documents, " + writer.upserts() + " upserts and "
                    + writer.deletes() + " deletes, got " + tally.counts() + " and " + lineCount(file) + " lines in "
                    + file);
        }
        System.out.println("OK: every document and every change reached " + file);
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
