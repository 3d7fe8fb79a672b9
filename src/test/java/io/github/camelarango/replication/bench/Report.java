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

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Collects the figures of a run and renders them as the Markdown tables of BENCHMARKS.md. */
final class Report {

    private final BenchmarkMode mode;
    private final List<String> dataSets = new ArrayList<>();
    private final List<Comparison.Row> snapshots = new ArrayList<>();
    private final List<Comparison.Row> tails = new ArrayList<>();
    private final List<LatencyBenchmark.Result> latencies = new ArrayList<>();

    Report(BenchmarkMode mode) {
        this.mode = mode;
    }

    String machine() {
        Runtime rt = Runtime.getRuntime();
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Run %s, mode %s. %s %s, %d cores seen by the JVM, %s %s (%s), max heap %d MB, GC %s",
                Instant.now(), mode, System.getProperty("os.name"), System.getProperty("os.arch"),
                rt.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), rt.maxMemory() >> 20, gcs);
    }

    void load(String label, long documents, long nanos) {
        dataSets.add(String.format(Locale.ROOT, "- %s: loaded through the document API in %.1f s (%,.0f docs/s)",
                label, nanos / 1e9, documents * 1e9 / nanos));
    }

    void dumpSize(String label, long bytes, long documents) {
        dataSets.add(String.format(Locale.ROOT, "- snapshot %s: dump body %.1f MB, %d bytes per document line",
                label, bytes / 1e6, bytes / documents));
    }

    void tailSize(String label, long bytes, long markers, int batch) {
        dataSets.add(String.format(Locale.ROOT, "- tail %s: %,d markers (transactions of %d inserts), WAL body %.1f MB",
                label, markers, batch, bytes / 1e6));
    }

    void snapshot(List<Comparison.Row> rows) {
        snapshots.addAll(rows);
    }

    void tail(List<Comparison.Row> rows) {
        tails.addAll(rows);
    }

    void latency(List<LatencyBenchmark.Result> results) {
        latencies.addAll(results);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(machine()).append("\n\n");
        md.append(String.join("\n", dataSets)).append("\n\n");
        throughput(md, "Snapshot (dump)", "docs/s", snapshots);
        throughput(md, "Tail (wal/tail)", "events/s", tails);
        if (!latencies.isEmpty()) {
            md.append("### Latency, write to consumer (ms)\n\n");
            md.append("| consumer | phase | samples | p50 | p99 | max | write round trip p50 | wal/tail requests/s |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (LatencyBenchmark.Result r : latencies) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.2f | %.1f |%n",
                        r.probe(), r.phase(), r.samples(), r.p50(), r.p99(), r.max(), r.writeP50(),
                        r.tailRequestsPerSecond()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void throughput(StringBuilder md, String title, String unit, List<Comparison.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("### ").append(title).append("\n\n");
        md.append("| data set | reader | ").append(unit).append(" | MB/s | ratio to bare (range) | ")
                .append("ratio from the first item (range) | delivering thread CPU µs/item | heap peak MB | ")
                .append("heap after GC max MB | GCs/run | GC ms/run | CPU s per M | rounds |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Comparison.Row r : rows) {
            if (r.failure() != null) {
                md.append("| ").append(r.dataSet()).append(" | ").append(r.contender()).append(" | **failed**: ")
                        .append(r.failure().replace('|', '/')).append(" | | | | | | | | | | |\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %s | %d | %d | %d | %d | %.2f | %d |%n",
                    r.dataSet(), r.contender(), r.medianPerSecond(), r.medianMegabytesPerSecond(), r.ratio(),
                    r.ratioMin(), r.ratioMax(), r.deliveryRatio(), r.deliveryRatioMin(), r.deliveryRatioMax(),
                    r.cpuMicrosPerItem() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.cpuMicrosPerItem()),
                    r.peakUsed() >> 20, r.maxAfterGc() >> 20, r.gcCount(), r.gcMillis(),
                    r.cpuSecondsPerMillion(), r.rounds()));
        }
        md.append('\n');
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown());
    }
}
