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

import java.util.List;

/**
 * How much a run measures. {@link #QUICK} takes a few minutes (small data sets, to check the harness and see
 * trends); {@link #FULL} is the matrix: 100,000 and 1,000,000 documents of about 200 bytes and 2 KB.
 */
enum BenchmarkMode {
    QUICK(List.of(new DataSet(20_000, DocumentShape.SMALL, 1, 3, true), new DataSet(20_000, DocumentShape.LARGE, 1, 3, true)),
            List.of(new DataSet(20_000, DocumentShape.SMALL, 1, 3, true)),
            10, 500, 1500, 200, 5),
    FULL(List.of(new DataSet(100_000, DocumentShape.SMALL, 1, 3, true), new DataSet(100_000, DocumentShape.LARGE, 1, 3, true),
            new DataSet(1_000_000, DocumentShape.SMALL, 0, 1, false), new DataSet(1_000_000, DocumentShape.LARGE, 0, 1, false)),
            List.of(new DataSet(100_000, DocumentShape.SMALL, 1, 3, true), new DataSet(100_000, DocumentShape.LARGE, 1, 3, true),
                    new DataSet(1_000_000, DocumentShape.SMALL, 0, 1, false)),
            30, 500, 2500, 200, 15);

    /**
     * A data set and how often it is read: warm-up runs (not recorded), then measured rounds; {@code diagnostics}
     * adds the contenders that explain a gap (Jackson trees, memory offsets, small dump chunks).
     */
    record DataSet(int documents, DocumentShape shape, int warmUps, int rounds, boolean diagnostics) {
        String label() {
            return String.format("%,d x %s", documents, shape.label());
        }

        /** Short id for {@code -Dbenchmark.sets}: {@code 100k-200B}, {@code 1M-2KB}, ... */
        String id() {
            String count = documents % 1_000_000 == 0 ? documents / 1_000_000 + "M" : documents / 1000 + "k";
            return count + "-" + shape.label();
        }
    }

    final List<DataSet> snapshots;
    final List<DataSet> tails;
    final int idleSamples;
    final long idleGapMinMillis;
    final long idleGapMaxMillis;
    final int loadRate;
    final int loadSeconds;

    BenchmarkMode(List<DataSet> snapshots, List<DataSet> tails, int idleSamples, long idleGapMinMillis,
                  long idleGapMaxMillis, int loadRate, int loadSeconds) {
        this.snapshots = snapshots;
        this.tails = tails;
        this.idleSamples = idleSamples;
        this.idleGapMinMillis = idleGapMinMillis;
        this.idleGapMaxMillis = idleGapMaxMillis;
        this.loadRate = loadRate;
        this.loadSeconds = loadSeconds;
    }
}
