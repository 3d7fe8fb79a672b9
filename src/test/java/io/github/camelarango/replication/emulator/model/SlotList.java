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
package io.github.camelarango.replication.emulator.model;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Append-only list in fixed-size segments: one writer at a time (callers hold the server write lock), readers
 * without locks. A slot can be cleared (garbage collection); readers skip cleared slots. Indexes never move, so
 * a reader can keep a position (a dump cursor, a WAL position) across calls.
 */
public final class SlotList<T> {

    private static final int SEGMENT_BITS = 12;
    private static final int SEGMENT_SIZE = 1 << SEGMENT_BITS;

    private volatile AtomicReferenceArray<T>[] segments;
    private volatile int size;

    @SuppressWarnings("unchecked")
    public SlotList() {
        segments = new AtomicReferenceArray[16];
    }

    /** Appends and returns the slot index. Writer only. */
    @SuppressWarnings("unchecked")
    public int add(T value) {
        int index = size;
        int segment = index >>> SEGMENT_BITS;
        AtomicReferenceArray<T>[] current = segments;
        if (segment >= current.length) {
            AtomicReferenceArray<T>[] grown = new AtomicReferenceArray[current.length * 2];
            System.arraycopy(current, 0, grown, 0, current.length);
            segments = grown;
            current = grown;
        }
        if (current[segment] == null) {
            current[segment] = new AtomicReferenceArray<>(SEGMENT_SIZE);
        }
        current[segment].set(index & (SEGMENT_SIZE - 1), value);
        size = index + 1;
        return index;
    }

    /** The value at the slot, or null if cleared or out of range. */
    public T get(int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        AtomicReferenceArray<T> segment = segments[index >>> SEGMENT_BITS];
        return segment == null ? null : segment.get(index & (SEGMENT_SIZE - 1));
    }

    /** Clears a slot; whole leading segments that are empty are released. Writer only. */
    public void clear(int index) {
        AtomicReferenceArray<T> segment = segments[index >>> SEGMENT_BITS];
        if (segment != null) {
            segment.set(index & (SEGMENT_SIZE - 1), null);
        }
    }

    /** Releases the segments wholly below {@code index} (all their slots must be cleared). Writer only. */
    public void releaseBelow(int index) {
        AtomicReferenceArray<T>[] current = segments;
        int limit = Math.min(index >>> SEGMENT_BITS, current.length);
        for (int s = 0; s < limit; s++) {
            current[s] = null;
        }
    }

    public int size() {
        return size;
    }
}
