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

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PositionStore} in memory: positions survive a stream's restart but not the JVM's. For tests and demos. */
public final class InMemoryPositionStore implements PositionStore {

    private final Map<String, ChangePosition> positions = new ConcurrentHashMap<>();

    @Override
    public Optional<ChangePosition> load(String key) {
        return Optional.ofNullable(positions.get(key));
    }

    @Override
    public void save(String key, ChangePosition position) {
        positions.put(key, position);
    }
}
