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
package io.github.camelarango.replication.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark: snapshot and tail throughput of the component against a bare HttpClient 5 + Jackson loop and
 * against the emulator's own serve rate (a reader that discards bytes), latency from a write to the consumer, and
 * the heap of the component side. The emulator runs in a JVM of its own; this JVM is meant to run with
 * {@code -Xmx128m} (see BENCHMARKS.md for the one command that does so).
 * <p>
 * System properties: {@code benchmark.mode} = quick (default) | full; {@code benchmark.parts} = comma list of
 * snapshot, tail, latency (default all); {@code benchmark.out} = the Markdown result file (default
 * {@code target/benchmark/results-<mode>.md}); {@code benchmark.sets} = comma list of data set ids to run (e.g.
 * {@code 100k-200B,1M-2KB}; default all of the mode); {@code benchmark.only} = run only the baseline and the
 * contenders whose name contains this text.
 */
public final class BenchmarkMain {

    static final String BARE = "bare HttpClient+Jackson";
    static final String TREES = "bare + Jackson trees";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkMode mode = BenchmarkMode.valueOf(System.getProperty("benchmark.mode", "quick").toUpperCase(Locale.ROOT));
        Set<String> parts = Arrays.stream(System.getProperty("benchmark.parts", "snapshot,tail,latency").split(","))
                .map(String::trim).collect(Collectors.toSet());
        Path out = Path.of(System.getProperty("benchmark.out",
                "target/benchmark/results-" + mode.name().toLowerCase(Locale.ROOT) + ".md"));
        Set<String> sets = Arrays.stream(System.getProperty("benchmark.sets", "").split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet());
        Report report = new Report(mode);
        System.out.println(report.machine());
        if (parts.contains("snapshot")) {
            for (BenchmarkMode.DataSet set : mode.snapshots) {
                if (!sets.isEmpty() && !sets.contains(set.id())) {
                    continue;
                }
                report.snapshot(snapshot(set, report));
            }
        }
        if (parts.contains("tail")) {
            for (BenchmarkMode.DataSet set : mode.tails) {
                if (!sets.isEmpty() && !sets.contains(set.id())) {
                    continue;
                }
                report.tail(tail(set, report));
            }
        }
        if (parts.contains("latency")) {
            report.latency(latency(mode));
        }
        report.write(out);
        System.out.println(report.markdown());
        System.out.println("Results written to " + out.toAbsolutePath());
    }

    private static List<Comparison.Row> snapshot(BenchmarkMode.DataSet set, Report report) throws Exception {
        System.out.println("== snapshot " + set.label());
        try (EmulatorProcess emulator = EmulatorProcess.start(emulatorHeap(set));
             BenchHttp http = new BenchHttp(emulator.url())) {
            String collection = "bench";
            DatasetLoader loader = new DatasetLoader(http);
            loader.createCollection(collection);
            long start = System.nanoTime();
            loader.insertParallel(collection, set.shape(), set.documents(), 1000, 2);
            report.load(set.label(), set.documents(), System.nanoTime() - start);
            BareDumpLoop ceiling = new BareDumpLoop("ceiling (discard bytes)", http, collection, BodySink.DISCARD);
            Sample.measure(ceiling, set.documents());
            long bytes = ceiling.bytes();
            report.dumpSize(set.label(), bytes, set.documents());
            Comparison comparison = new Comparison("snapshot " + set.label(), BARE)
                    .add(ceiling, set.documents())
                    .add(new BareDumpLoop(BARE, http, collection, BodySink.TOKENS), set.documents());
            if (set.diagnostics()) {
                comparison.add(new BareDumpLoop(TREES, http, collection, BodySink.TREES), set.documents());
            }
            for (Contender c : ComponentContenders.snapshot(emulator.url(), collection, set.documents(),
                    set.diagnostics())) {
                comparison.add(c, set.documents());
            }
            return comparison.run(set.warmUps(), rounds(set), bytes);
        }
    }

    /** The measured rounds of a data set: its mode's, or {@code -Dbenchmark.rounds} (more rounds, steadier medians). */
    private static int rounds(BenchmarkMode.DataSet set) {
        return Integer.getInteger("benchmark.rounds", set.rounds());
    }

    private static List<Comparison.Row> tail(BenchmarkMode.DataSet set, Report report) throws Exception {
        System.out.println("== tail " + set.label());
        int batch = 100;
        try (EmulatorProcess emulator = EmulatorProcess.start(emulatorHeap(set));
             BenchHttp http = new BenchHttp(emulator.url())) {
            String collection = "bench";
            DatasetLoader loader = new DatasetLoader(http);
            loader.createCollection(collection);
            long from = http.lastTick();
            long start = System.nanoTime();
            loader.insertParallel(collection, set.shape(), set.documents(), batch, 2);
            report.load("tail " + set.label(), set.documents(), System.nanoTime() - start);
            long to = http.lastTick();
            long markers = set.documents() + 2L * ((set.documents() + batch - 1) / batch);
            BareTailLoop ceiling = new BareTailLoop("ceiling (discard bytes)", http, from, to, BodySink.DISCARD);
            Sample.measure(ceiling, markers);
            report.tailSize(set.label(), ceiling.bytes(), markers, batch);
            Comparison comparison = new Comparison("tail " + set.label(), BARE)
                    .add(new PerDocument(ceiling, markers, set.documents()), set.documents())
                    .add(new PerDocument(new BareTailLoop(BARE, http, from, to, BodySink.TOKENS), markers,
                            set.documents()), set.documents());
            if (set.diagnostics()) {
                comparison.add(new PerDocument(new BareTailLoop(TREES, http, from, to, BodySink.TREES), markers,
                        set.documents()), set.documents());
            }
            for (Contender c : ComponentContenders.tail(emulator.url(), collection, from, set.documents(),
                    set.diagnostics())) {
                comparison.add(c, set.documents());
            }
            return comparison.run(set.warmUps(), rounds(set), ceiling.bytes());
        }
    }

    private static List<LatencyBenchmark.Result> latency(BenchmarkMode mode) throws Exception {
        System.out.println("== latency");
        List<LatencyBenchmark.Result> results = new ArrayList<>();
        try (EmulatorProcess emulator = EmulatorProcess.start("512m")) {
            LatencyBenchmark bench = new LatencyBenchmark(emulator.url());
            int n = 0;
            for (LatencyProbe probe : ComponentContenders.latencyProbes()) {
                List<LatencyBenchmark.Result> r = bench.run(probe, "latency" + n++, mode.idleSamples,
                        mode.idleGapMinMillis, mode.idleGapMaxMillis, mode.loadRate, mode.loadSeconds);
                r.forEach(System.out::println);
                results.addAll(r);
            }
        }
        return results;
    }

    /** Enough heap for the emulator to hold the data set twice over (documents and WAL), at least 768 MB. */
    private static String emulatorHeap(BenchmarkMode.DataSet set) {
        long perDocument = set.shape() == DocumentShape.SMALL ? 600 : 4500;
        return Math.max(768, set.documents() * perDocument / (1 << 20) + 512) + "m";
    }

    /** The bare tail loops count every marker; this reports the document count, so rates compare like for like. */
    private record PerDocument(BareTailLoop loop, long markers, long documents) implements Contender {
        @Override
        public String name() {
            return loop.name();
        }

        @Override
        public long run() throws Exception {
            long read = loop.run();
            if (read != markers) {
                throw new IllegalStateException(loop.name() + " read " + read + " markers, expected " + markers);
            }
            return documents;
        }
    }
}
