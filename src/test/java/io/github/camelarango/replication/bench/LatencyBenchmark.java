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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Time from a write on the emulator to its event at the consumer: each written document carries the
 * {@link System#nanoTime()} taken just before its {@code POST} was sent (so the figure includes the write's own
 * round trip), the probe reads it back from the event. Idle: single writes with random gaps, nothing else
 * happening. Under load: a steady stream of single writes at a fixed rate. The probe reaches the emulator through a
 * {@link RequestCountingProxy}, which gives the {@code wal/tail} requests per second of each phase.
 */
final class LatencyBenchmark {

    /** Percentiles of one phase, in milliseconds. */
    record Result(String probe, String phase, int samples, double p50, double p99, double max, double writeP50,
                  double tailRequestsPerSecond) {
    }

    private final String url;

    LatencyBenchmark(String url) {
        this.url = url;
    }

    List<Result> run(LatencyProbe probe, String collection, int idleSamples, long gapMinMillis, long gapMaxMillis,
                     int loadRate, int loadSeconds) throws Exception {
        List<Long> latencies = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        try (BenchHttp http = new BenchHttp(url); RequestCountingProxy proxy = new RequestCountingProxy(url); probe) {
            DatasetLoader writer = new DatasetLoader(http);
            writer.createCollection(collection);
            probe.start(proxy.url(), collection, sent -> {
                long now = System.nanoTime();
                synchronized (latencies) {
                    latencies.add(now - sent);
                    latencies.notifyAll();
                }
            });
            int next = 0;
            List<Long> writeTimes = new ArrayList<>();
            Requests requests = new Requests(proxy);
            for (int i = 0; i < idleSamples; i++) {
                sleepMillis(ThreadLocalRandom.current().nextLong(gapMinMillis, gapMaxMillis + 1));
                long t = System.nanoTime();
                writer.insertStamped(collection, DocumentShape.SMALL, next++);
                writeTimes.add(System.nanoTime() - t);
            }
            long[] idle = awaitAndTake(latencies, idleSamples);
            results.add(result(probe.name(), "idle (gaps " + gapMinMillis + "-" + gapMaxMillis + " ms)", idle,
                    writeTimes, requests.perSecondSinceLast()));
            writeTimes.clear();
            long interval = TimeUnit.SECONDS.toNanos(1) / loadRate;
            int count = loadRate * loadSeconds;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long t = System.nanoTime();
                writer.insertStamped(collection, DocumentShape.SMALL, next++);
                writeTimes.add(System.nanoTime() - t);
            }
            long[] load = awaitAndTake(latencies, count);
            results.add(result(probe.name(), "steady load " + loadRate + " writes/s", load, writeTimes,
                    requests.perSecondSinceLast()));
        }
        return results;
    }

    private static long[] awaitAndTake(List<Long> latencies, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (latencies) {
            while (latencies.size() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("only " + latencies.size() + " of " + expected
                            + " written documents reached the consumer within 30 s");
                }
                TimeUnit.NANOSECONDS.timedWait(latencies, left);
            }
            long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
            latencies.clear();
            return values;
        }
    }

    /** The proxy's count of {@code wal/tail} requests per second between two readings. */
    private static final class Requests {
        private final RequestCountingProxy proxy;
        private long count;
        private long since;

        Requests(RequestCountingProxy proxy) {
            this.proxy = proxy;
            this.count = proxy.tailRequests();
            this.since = System.nanoTime();
        }

        double perSecondSinceLast() {
            long now = System.nanoTime();
            long total = proxy.tailRequests();
            double rate = (total - count) / ((now - since) / 1e9);
            count = total;
            since = now;
            return rate;
        }
    }

    private static Result result(String probe, String phase, long[] nanos, List<Long> writeNanos,
                                 double tailRequestsPerSecond) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long[] writes = writeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(probe, phase, sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                sorted[sorted.length - 1] / 1e6, percentile(writes, 50) / 1e6, tailRequestsPerSecond);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void sleepMillis(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
