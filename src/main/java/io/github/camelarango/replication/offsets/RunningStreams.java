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
package io.github.camelarango.replication.offsets;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The streams running in this JVM, by store and offset key, whatever component or CamelContext runs them: the
 * first ownership check of every store, and the one that can name the route that holds a key.
 */
final class RunningStreams {

    /** A store and a key; the store is compared as {@link OffsetStore#identity()} says. */
    private record StreamKey(Object store, String offsetKey) {
    }

    private static final ConcurrentMap<StreamKey, String> OWNERS = new ConcurrentHashMap<>();

    private RunningStreams() {
    }

    /** @see OffsetOwnership#claim(String, String) */
    static OffsetOwnership.Claim claim(Object store, String offsetKey, String owner) {
        StreamKey key = new StreamKey(store, offsetKey);
        String holder = OWNERS.putIfAbsent(key, owner);
        if (holder != null) {
            throw OffsetOwnership.alreadyUsed(offsetKey, holder);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                OWNERS.remove(key, owner);
            }
        };
    }
}
