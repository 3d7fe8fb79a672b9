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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;

import java.util.function.LongSupplier;

/**
 * Key generators of a collection: {@code traditional} (increasing decimal keys taken from the server's id
 * counter, as ArangoDB's traditional generator does) and {@code autoincrement} (offset/increment).
 */
public final class KeyGenerator {

    private final String type;
    private final boolean allowUserKeys;
    private final long increment;
    private final long offset;
    private final LongSupplier serverIds;
    private long lastValue;

    KeyGenerator(JsonNode options, LongSupplier serverIds) {
        this.serverIds = serverIds;
        JsonNode o = options == null || !options.isObject() ? Json.object() : options;
        this.type = o.path("type").asText("traditional");
        if (!type.equals("traditional") && !type.equals("autoincrement")) {
            throw new ArangoException(400, 10, "invalid key generator type '" + type + "'; supported: traditional, autoincrement");
        }
        this.allowUserKeys = o.path("allowUserKeys").asBoolean(true);
        this.increment = Math.max(1, o.path("increment").asLong(1));
        this.offset = o.path("offset").asLong(0);
    }

    private KeyGenerator(KeyGenerator original, LongSupplier serverIds) {
        this.serverIds = serverIds;
        this.type = original.type;
        this.allowUserKeys = original.allowUserKeys;
        this.increment = original.increment;
        this.offset = original.offset;
        synchronized (original) {
            this.lastValue = original.lastValue;
        }
    }

    /** A copy with the same settings and last value, drawing traditional keys from {@code ids} (server images). */
    KeyGenerator copy(LongSupplier ids) {
        return new KeyGenerator(this, ids);
    }

    public boolean allowUserKeys() {
        return allowUserKeys;
    }

    /** Next generated key. Called with the server write lock held. */
    public synchronized String next() {
        long value;
        if (type.equals("autoincrement")) {
            value = lastValue == 0 ? Math.max(offset, 1) : lastValue + increment;
        } else {
            value = serverIds.getAsLong();
        }
        lastValue = Math.max(lastValue, value);
        return Long.toString(value);
    }

    /** Tracks user-supplied numeric keys the way the traditional generator does. */
    synchronized void track(String key) {
        if (!key.isEmpty() && key.length() < 19 && key.chars().allMatch(Character::isDigit)) {
            lastValue = Math.max(lastValue, Long.parseLong(key));
        }
    }

    public synchronized ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("allowUserKeys", allowUserKeys);
        node.put("type", type);
        if (type.equals("autoincrement")) {
            node.put("offset", offset);
            node.put("increment", increment);
        }
        node.put("lastValue", lastValue);
        return node;
    }
}
