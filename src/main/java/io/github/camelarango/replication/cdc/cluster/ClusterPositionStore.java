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
package io.github.camelarango.replication.cdc.cluster;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Durable home of a {@link ClusterChangeStream}'s committed position, by stream key: one JSON text naming the position
 * of every DB-Server, written whole, so that a crash never leaves half a commit.
 * Implementations must make {@link #save} durable (and atomic) before returning.
 */
public interface ClusterPositionStore {

    /** The text saved under {@code key}, or empty if none was saved. */
    Optional<String> load(String key);

    /** Saves {@code json} under {@code key}, replacing the previous text at once. */
    void save(String key, String json);

    /**
     * Whether {@code text} is a cluster stream's position (a single server's stream must not continue from one).
     *
     * @param text a stored position's text
     */
    static boolean isClusterPosition(String text) {
        return ClusterPositions.parse(text).isPresent();
    }

    /**
     * Adapts a string key-value store (a Camel {@code StateRepository<String,String>}); a null or blank text is no
     * position.
     *
     * @param loader returns the stored text for a key, or null
     * @param saver  stores the text for a key
     */
    static ClusterPositionStore ofStrings(Function<String, String> loader, BiConsumer<String, String> saver) {
        return new ClusterPositionStore() {
            @Override
            public Optional<String> load(String key) {
                String text = loader.apply(key);
                return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
            }

            @Override
            public void save(String key, String json) {
                saver.accept(key, json);
            }
        };
    }
}
