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

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents of one collection: every version in storage order (a {@link SlotList}, so a dump iterates it
 * without copying) and the current version per key. Superseded versions are released once no live snapshot can
 * see them. Mutators are called with the server write lock held.
 */
public final class DocumentStore {

    private final SlotList<DocumentVersion> versions = new SlotList<>();
    private final ConcurrentHashMap<String, DocumentVersion> current = new ConcurrentHashMap<>();
    private final ArrayDeque<DocumentVersion> superseded = new ArrayDeque<>();

    public DocumentVersion current(String key) {
        return current.get(key);
    }

    public int count() {
        return current.size();
    }

    public Collection<DocumentVersion> currentVersions() {
        return current.values();
    }

    /** The version in a storage slot (null if released); slots run from 0 to {@link #slotCount()}. */
    public DocumentVersion slot(int index) {
        return versions.get(index);
    }

    public int slotCount() {
        return versions.size();
    }

    /**
     * A copy holding the current versions only, in storage order, each with its creation tick (server images: no
     * snapshot older than the image survives it, so older versions are never needed).
     */
    DocumentStore copy() {
        DocumentStore copy = new DocumentStore();
        int end = versions.size();
        for (int slot = 0; slot < end; slot++) {
            DocumentVersion v = versions.get(slot);
            if (v != null && current.get(v.key()) == v) {
                DocumentVersion c = new DocumentVersion(v.key(), v.rev(), v.attributes());
                c.createdTick(v.createdTick());
                c.slot(copy.versions.add(c));
                copy.current.put(c.key(), c);
            }
        }
        return copy;
    }

    void put(DocumentVersion version, long tick) {
        version.createdTick(tick);
        version.slot(versions.add(version));
        DocumentVersion old = current.put(version.key(), version);
        if (old != null) {
            retire(old, tick);
        }
    }

    void remove(String key, long tick) {
        DocumentVersion old = current.remove(key);
        if (old != null) {
            retire(old, tick);
        }
    }

    private void retire(DocumentVersion old, long tick) {
        old.deletedTick(tick);
        superseded.add(old);
    }

    /** Releases superseded versions deleted at or before {@code oldestSnapshot} (unsigned; -1 = no snapshot). */
    void collectGarbage(long oldestSnapshot) {
        DocumentVersion head;
        while ((head = superseded.peek()) != null && Long.compareUnsigned(head.deletedTick(), oldestSnapshot) <= 0) {
            superseded.poll();
            versions.clear(head.slot());
        }
    }
}
