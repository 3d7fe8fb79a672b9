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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Document writes staged before commit: by one request (single or multi-document) or by a stream transaction.
 * Lookups see the staged writes first, then the committed state, so a transaction reads its own writes while
 * others do not see them until {@link Server#commit}.
 */
public final class WriteSet {

    /** One staged write: a new version (insert/update/replace) or a removal of {@code previous}. */
    public record Op(Collection collection, String key, DocumentVersion newVersion, DocumentVersion previous) {
        public boolean isRemove() {
            return newVersion == null;
        }
    }

    private static final DocumentVersion REMOVED = new DocumentVersion("", 0, new byte[0]);

    private final Map<Collection, Map<String, DocumentVersion>> overlay = new HashMap<>();
    private final List<Op> ops = new ArrayList<>();

    /** The document as this write set sees it, or null. */
    public DocumentVersion lookup(Collection collection, String key) {
        Map<String, DocumentVersion> staged = overlay.get(collection);
        if (staged != null) {
            DocumentVersion version = staged.get(key);
            if (version != null) {
                return version == REMOVED ? null : version;
            }
        }
        return collection.store().current(key);
    }

    /** Document count as this write set sees it. */
    public int count(Collection collection) {
        int count = collection.store().count();
        Map<String, DocumentVersion> staged = overlay.get(collection);
        if (staged != null) {
            for (Map.Entry<String, DocumentVersion> e : staged.entrySet()) {
                boolean committed = collection.store().current(e.getKey()) != null;
                boolean visible = e.getValue() != REMOVED;
                count += (visible ? 1 : 0) - (committed ? 1 : 0);
            }
        }
        return count;
    }

    public void put(Collection collection, DocumentVersion version, DocumentVersion previous) {
        overlay.computeIfAbsent(collection, c -> new HashMap<>()).put(version.key(), version);
        ops.add(new Op(collection, version.key(), version, previous));
    }

    public void remove(Collection collection, DocumentVersion previous) {
        overlay.computeIfAbsent(collection, c -> new HashMap<>()).put(previous.key(), REMOVED);
        ops.add(new Op(collection, previous.key(), null, previous));
    }

    public List<Op> ops() {
        return ops;
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }
}
