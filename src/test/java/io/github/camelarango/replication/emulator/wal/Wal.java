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
package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.model.SlotList;

import java.util.function.UnaryOperator;

/**
 * The append-only write-ahead log: markers in tick order, purgeable from the front. Appends happen under the
 * server write lock; readers use positions without locking.
 */
public final class Wal {

    private final SlotList<WalEntry> entries = new SlotList<>();
    private volatile int firstIndex;
    /** Highest tick removed by {@link #purgeUpTo} (0 if never purged). */
    private volatile long purgedUpTo;

    /** Appends one entry. Writer only. */
    public void append(WalEntry entry) {
        entries.add(entry);
    }

    public int firstIndex() {
        return firstIndex;
    }

    public int endIndex() {
        return entries.size();
    }

    public WalEntry at(int index) {
        return entries.get(index);
    }

    /**
     * {@code x-arango-replication-frompresent} (§4.4, §7.2): the WAL still holds the write batch at or before
     * {@code from}, i.e. the oldest retained batch starts at or before it, and {@code from} is not beyond
     * {@code latest} (beyond the end: false, [UNCONFIRMED] in the doc, its suggested value). A WAL that was never
     * purged starts at tick 1, so {@code from = 0} is never present. After a purge, the oldest retained batch starts
     * after the purged tick, so {@code from} equal to the last purged tick is no longer present.
     */
    public boolean fromPresent(long from, long latest) {
        return Long.compareUnsigned(oldestRetainedBatchStart(), from) <= 0 && Long.compareUnsigned(from, latest) <= 0;
    }

    private long oldestRetainedBatchStart() {
        long purged = purgedUpTo;
        if (purged == 0) {
            return 1;
        }
        WalEntry first = entries.get(firstIndex);
        return first == null ? purged + 1 : first.batchStart();
    }

    /** Tick of the oldest retained marker, or -1 if none is retained. */
    public long oldestTick() {
        WalEntry first = entries.get(firstIndex);
        return first == null ? -1 : first.tick();
    }

    /** Index of the first entry of the write batch containing {@code since}, or of the first batch after it. */
    public int batchStartIndex(long since) {
        int lo = firstIndex;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            WalEntry e = entries.get(mid);
            if (e == null || Long.compareUnsigned(e.tick(), since) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > firstIndex) {
            WalEntry before = entries.get(lo - 1);
            if (before != null && Long.compareUnsigned(before.batchEnd(), since) >= 0) {
                long start = before.batchStart();
                int i = lo - 1;
                while (i > firstIndex && entries.get(i - 1) != null && entries.get(i - 1).batchStart() == start) {
                    i--;
                }
                return i;
            }
        }
        return lo;
    }

    /**
     * A copy of the retained entries, each passed through {@code map}, with the same purge state (server images).
     * Writer only.
     */
    public Wal copy(UnaryOperator<WalEntry> map) {
        Wal copy = new Wal();
        int end = entries.size();
        for (int i = firstIndex; i < end; i++) {
            WalEntry e = entries.get(i);
            if (e != null) {
                copy.entries.add(map.apply(e));
            }
        }
        copy.purgedUpTo = purgedUpTo;
        return copy;
    }

    /** Highest tick removed by a purge, 0 if the WAL was never purged. */
    public long purgedUpTo() {
        return purgedUpTo;
    }

    /** Drops whole write batches whose last tick is {@code <= tick}. Writer only. */
    public void purgeUpTo(long tick) {
        int i = firstIndex;
        int end = entries.size();
        long purged = purgedUpTo;
        while (i < end) {
            WalEntry e = entries.get(i);
            if (Long.compareUnsigned(e.batchEnd(), tick) > 0) {
                break;
            }
            entries.clear(i);
            purged = e.batchEnd();
            i++;
        }
        if (i == end && Long.compareUnsigned(tick, purged) > 0) {
            purged = tick;
        }
        entries.releaseBelow(i);
        firstIndex = i;
        purgedUpTo = purged;
    }
}
