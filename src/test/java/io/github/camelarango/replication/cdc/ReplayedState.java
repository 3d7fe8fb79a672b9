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
package io.github.camelarango.replication.cdc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink that applies delivered events the way a downstream replica would: snapshot rows and upserts put the
 * document's revision under its key, deletes remove the key. Its state must equal the source's ground truth.
 */
public final class ReplayedState {

    private final Map<String, Map<String, String>> revisions = new LinkedHashMap<>();
    private int applied;

    public void apply(List<ChangeEvent> events) {
        for (ChangeEvent event : events) {
            apply(event);
        }
    }

    public void apply(ChangeEvent event) {
        applied++;
        switch (event.type()) {
            case SNAPSHOT_READ, UPSERT -> revisions.computeIfAbsent(event.collection(), c -> new LinkedHashMap<>())
                    .put(event.key(), event.rev());
            case DELETE -> revisions.computeIfAbsent(event.collection(), c -> new LinkedHashMap<>())
                    .remove(event.key());
            case COLLECTION_CREATE -> revisions.computeIfAbsent(event.collection(), c -> new LinkedHashMap<>());
            default -> {
            }
        }
    }

    /** key → rev per collection (collections without documents included when seen). */
    public Map<String, Map<String, String>> state() {
        return revisions;
    }

    public int applied() {
        return applied;
    }
}
