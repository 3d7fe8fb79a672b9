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

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelarango.replication.ArangoReplicationConstants;
import org.apache.camel.Exchange;

/**
 * Counts what the route wrote, by change type, and remembers the highest tick written (ticks are unsigned 64-bit).
 */
final class ChangeTally {

    static final String SNAPSHOT = "SNAPSHOT_READ";
    static final String UPSERT = "UPSERT";
    static final String DELETE = "DELETE";

    private final Map<String, AtomicInteger> byType = new ConcurrentHashMap<>();
    private final AtomicLong lastTick = new AtomicLong();

    /** Records one exchange written to a file: its change type and tick headers. */
    void record(Exchange exchange) {
        String type = String.valueOf(exchange.getMessage().getHeader(ArangoReplicationConstants.CHANGE_TYPE));
        byType.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
        String tick = exchange.getMessage().getHeader(ArangoReplicationConstants.TICK, String.class);
        if (tick != null) {
            long value = Long.parseUnsignedLong(tick);
            lastTick.accumulateAndGet(value, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
        }
    }

    int count(String type) {
        AtomicInteger n = byType.get(type);
        return n == null ? 0 : n.get();
    }

    /** Every type seen, with its count, in name order. */
    Map<String, Integer> counts() {
        Map<String, Integer> result = new TreeMap<>();
        byType.forEach((type, n) -> result.put(type, n.get()));
        return result;
    }

    int total() {
        return byType.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The highest tick written, as unsigned decimal text; "none" before the first change. */
    String lastTick() {
        long tick = lastTick.get();
        return tick == 0 ? "none" : Long.toUnsignedString(tick);
    }
}
