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

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;

/**
 * One timed run of a {@link Contender}: items delivered, wall time, the time from the first item to the last (the
 * wall time when the contender does not tell it apart), the delivering thread's CPU time over it (0: not measured),
 * the CPU time this JVM used meanwhile (every thread: the contender's, its fetchers', the JIT's and the GC's; the
 * emulator runs in a JVM of its own), and the heap figures of the run.
 */
record Sample(String contender, long items, long nanos, long deliveryNanos, long deliveryCpuNanos, long cpuNanos,
              HeapWatch.Figures heap) {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    double perSecond() {
        return items * 1e9 / nanos;
    }

    /** Items per second from the first item to the last: without a route's start and stop. */
    double deliveredPerSecond() {
        return items * 1e9 / deliveryNanos;
    }

    /** CPU microseconds of the delivering thread per item, 0 when not measured. */
    double cpuMicrosPerItem() {
        return deliveryCpuNanos / 1e3 / items;
    }

    /** CPU seconds this JVM used per million items delivered. */
    double cpuSecondsPerMillion() {
        return cpuNanos / 1e9 * 1e6 / items;
    }

    /** Throughput over a body of {@code bytes} (the same body for every contender of a data set), in MB/s. */
    double megabytesPerSecond(long bytes) {
        return bytes / 1e6 * 1e9 / nanos;
    }

    /** Times one run; fails when the contender delivered another number of items than expected (-1: any). */
    static Sample measure(Contender contender, long expected) throws Exception {
        System.gc();
        long items;
        long nanos;
        long cpuNanos;
        HeapWatch.Figures heap;
        try (HeapWatch watch = new HeapWatch()) {
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            items = contender.run();
            nanos = System.nanoTime() - start;
            cpuNanos = OS.getProcessCpuTime() - cpuStart;
            heap = watch.figures();
        }
        if (expected >= 0 && items != expected) {
            throw new IllegalStateException(contender.name() + " delivered " + items + " items, expected " + expected);
        }
        long delivery = contender.deliveryNanos();
        return new Sample(contender.name(), items, nanos, delivery > 0 ? delivery : nanos,
                contender.deliveryCpuNanos(), cpuNanos, heap);
    }
}
