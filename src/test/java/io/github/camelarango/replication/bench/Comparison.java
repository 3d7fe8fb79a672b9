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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders over the same data set in interleaved rounds (warm-up rounds first, not recorded), so that noise
 * of a shared machine spreads over all of them, and reports each one's median rate and its ratio to the baseline
 * (median of the per-round ratios, with their range).
 */
final class Comparison {

    /** A contender and the number of items it must deliver per run. */
    record Entry(Contender contender, long expected) {
    }

    /**
     * The result for one contender; {@code failure} is set (and the figures are 0) when a run failed. The delivery
     * ratio times the contender from its first item to its last (a route without its CamelContext's start and stop)
     * against the baseline's whole run; it is the ratio for contenders that do not tell the two apart. The CPU
     * figures are the median CPU time of the delivering thread per item (0: not measured) and of the whole JVM per
     * million items.
     */
    record Row(String dataSet, String contender, double medianPerSecond, double medianMegabytesPerSecond,
               double ratio, double ratioMin, double ratioMax, double deliveryRatio, double deliveryRatioMin,
               double deliveryRatioMax, double cpuMicrosPerItem, long peakUsed, long maxAfterGc, long gcCount,
               long gcMillis, double cpuSecondsPerMillion, int rounds, String failure) {
    }

    private final String dataSet;
    private final List<Entry> entries = new ArrayList<>();
    private final String baseline;

    Comparison(String dataSet, String baseline) {
        this.dataSet = dataSet;
        this.baseline = baseline;
    }

    /**
     * Adds a contender; with {@code -Dbenchmark.only=<text>} only the baseline and contenders whose name contains
     * the text run (for profiling one of them).
     */
    Comparison add(Contender contender, long expected) {
        String only = System.getProperty("benchmark.only", "");
        if (only.isEmpty() || contender.name().contains(only) || contender.name().equals(baseline)) {
            entries.add(new Entry(contender, expected));
        }
        return this;
    }

    /** Runs everything; {@code bodyBytes} converts rates to MB/s (0: no MB/s figure). */
    List<Row> run(int warmUps, int rounds, long bodyBytes) throws Exception {
        Map<String, String> failures = new LinkedHashMap<>();
        for (int w = 0; w < warmUps; w++) {
            for (Entry e : entries) {
                Sample s = measure(e, failures);
                if (s != null) {
                    log("warm-up", s, bodyBytes);
                }
            }
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Entry e : entries) {
                Sample s = measure(e, failures);
                if (s != null) {
                    samples.computeIfAbsent(e.contender().name(), k -> new ArrayList<>()).add(s);
                    log("round " + (r + 1), s, bodyBytes);
                }
            }
        }
        List<Sample> base = samples.get(baseline);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> f : failures.entrySet()) {
            rows.add(new Row(dataSet, f.getKey(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, f.getValue()));
        }
        for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
            List<Sample> mine = e.getValue();
            if (failures.containsKey(e.getKey())) {
                continue;
            }
            double[] rates = mine.stream().mapToDouble(Sample::perSecond).toArray();
            double[] ratios = new double[mine.size()];
            double[] deliveryRatios = new double[mine.size()];
            for (int i = 0; i < mine.size(); i++) {
                ratios[i] = mine.get(i).perSecond() / base.get(i).perSecond();
                deliveryRatios[i] = mine.get(i).deliveredPerSecond() / base.get(i).perSecond();
            }
            double rate = median(rates);
            rows.add(new Row(dataSet, e.getKey(), rate, bodyBytes == 0 ? 0 : median(mine.stream()
                    .mapToDouble(s -> s.megabytesPerSecond(bodyBytes)).toArray()), median(ratios),
                    Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0),
                    median(deliveryRatios), Arrays.stream(deliveryRatios).min().orElse(0),
                    Arrays.stream(deliveryRatios).max().orElse(0),
                    median(mine.stream().mapToDouble(Sample::cpuMicrosPerItem).toArray()),
                    mine.stream().mapToLong(s -> s.heap().peakUsed()).max().orElse(0),
                    mine.stream().mapToLong(s -> s.heap().maxAfterGc()).max().orElse(0),
                    mine.stream().mapToLong(s -> s.heap().gcCount()).sum() / mine.size(),
                    mine.stream().mapToLong(s -> s.heap().gcMillis()).sum() / mine.size(),
                    median(mine.stream().mapToDouble(Sample::cpuSecondsPerMillion).toArray()), mine.size(), null));
        }
        return rows;
    }

    /** One run; a failed contender (an OutOfMemoryError under -Xmx128m, say) is recorded and not run again. */
    private Sample measure(Entry e, Map<String, String> failures) throws Exception {
        if (failures.containsKey(e.contender().name())) {
            return null;
        }
        try {
            return Sample.measure(e.contender(), e.expected());
        } catch (Exception | OutOfMemoryError | StackOverflowError failure) {
            if (e.contender().name().equals(baseline)) {
                throw failure;
            }
            System.gc();
            String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            System.out.println("  " + dataSet + " " + e.contender().name() + " FAILED: " + text);
            failures.put(e.contender().name(), text);
            return null;
        }
    }

    private void log(String what, Sample s, long bodyBytes) {
        System.out.printf("  %-10s %-8s %-22s %9d items %8.2f s (delivery %.2f s) %,12.0f /s %8.1f MB/s  heap peak %4d MB, after GC %4d MB, %d GCs, CPU %.2f s/M%n",
                dataSet, what, s.contender(), s.items(), s.nanos() / 1e9, s.deliveryNanos() / 1e9, s.perSecond(),
                bodyBytes == 0 ? 0 : s.megabytesPerSecond(bodyBytes), s.heap().peakUsed() >> 20,
                s.heap().maxAfterGc() >> 20, s.heap().gcCount(), s.cpuSecondsPerMillion());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
