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

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Durable home of a change stream's committed {@link ChangePosition}, by stream key.
 * <p>
 * The Camel consumer adapts its {@code StateRepository<String,String>} with {@link #ofStrings(Function, BiConsumer)}.
 * Implementations must make {@link #save} durable before returning if a restart is to resume exactly there.
 */
public interface PositionStore {

    /** The position saved under {@code key}, or empty if none was saved. */
    Optional<ChangePosition> load(String key);

    /** Saves {@code position} under {@code key}, replacing the previous one. */
    void save(String key, ChangePosition position);

    /**
     * Adapts a string key-value store: positions are kept as their {@link ChangePosition#toJson() JSON form}.
     *
     * @param loader returns the stored text for a key, or null
     * @param saver  stores the text for a key
     */
    static PositionStore ofStrings(Function<String, String> loader, BiConsumer<String, String> saver) {
        return new PositionStore() {
            @Override
            public Optional<ChangePosition> load(String key) {
                String text = loader.apply(key);
                return text == null || text.isBlank() ? Optional.empty() : Optional.of(ChangePosition.parse(text));
            }

            @Override
            public void save(String key, ChangePosition position) {
                saver.accept(key, position.toJson());
            }
        };
    }
}
