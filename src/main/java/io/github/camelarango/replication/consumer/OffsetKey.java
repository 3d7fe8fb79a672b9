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
package io.github.camelarango.replication.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.PositionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of a changes consumer's position in its offset store: the offsetKey option, or by default
 * {@code changes:<host>:<port>/<database>/<collections sorted, or *>[!<excluded sorted>]?<digest>}. The digest (8
 * hex digits of a SHA-256) covers the options that change which changes the stream delivers, operationTypes and
 * includeSystem; the envelope and the delivery options change how they are delivered, not which, and are left out.
 * Two streams that differ in any of these keep two positions; a stream keeps its key across restarts and route
 * changes. Earlier versions used {@code changes:<database>:<collections>}: a position stored under that key and
 * none under the new one is adopted, by one stream only ({@link #adoptingEarlierDefault}).
 */
public final class OffsetKey {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetKey.class);

    private final String value;
    /** The default key of earlier versions; null when the key is the offsetKey option. */
    private final String earlierDefault;

    private OffsetKey(String value, String earlierDefault) {
        this.value = value;
        this.earlierDefault = earlierDefault;
    }

    /**
     * The key of a changes consumer.
     *
     * @param  server                   {@code host:port} of the server the consumer reads
     * @param  includeSystem            whether system collections are captured
     * @throws IllegalArgumentException naming the option when operationTypes names an unknown type
     */
    public static OffsetKey of(ArangoReplicationConsumerConfiguration consumer, String server, String database,
                               boolean includeSystem) {
        if (consumer.getOffsetKey() != null) {
            return new OffsetKey(consumer.getOffsetKey(), null);
        }
        String collections = EngineOptions.collections(consumer);
        return new OffsetKey("changes:" + server.toLowerCase(Locale.ROOT) + "/" + database + "/" + collections + "?"
                             + digest(consumer, includeSystem), "changes:" + database + ":" + collections);
    }

    /**
     * 8 hex digits of the SHA-256 of what selects the changes: the operation types (sorted by name; all of them,
     * including those of later versions: *) and includeSystem.
     */
    private static String digest(ArangoReplicationConsumerConfiguration consumer, boolean includeSystem) {
        String types = EngineOptions.names(consumer.getOperationTypes()).isEmpty() ? "*"
                : EngineOptions.changeTypes(consumer.getOperationTypes()).stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(","));
        String selection = "operationTypes=" + types + "\nincludeSystem=" + includeSystem;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(selection.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The key. */
    public String value() {
        return value;
    }

    /**
     * {@code store}, reading the position of the earlier default key when this default key has none yet; the first
     * save under this key then clears the earlier one with {@code clear}. That position names neither server nor
     * filters: left in the store, it would be adopted by any stream added later on the same database and
     * collections, maybe of another server, and put at its old tick without a snapshot. With an offsetKey option,
     * {@code store} itself.
     *
     * @param clear clears a key of the store, so that it reads as no position
     */
    public PositionStore adoptingEarlierDefault(PositionStore store, Consumer<String> clear) {
        if (earlierDefault == null) {
            return store;
        }
        return new PositionStore() {
            /**
             * The adopted position until the first save under this key cleared the earlier key: a rewind before it
             * continues there even when another stream that adopted it too cleared it already.
             */
            private volatile ChangePosition adopted;

            @Override
            public Optional<ChangePosition> load(String key) {
                Optional<ChangePosition> own = store.load(key);
                if (own.isPresent() || !key.equals(value)) {
                    return own;
                }
                if (adopted == null) {
                    store.load(earlierDefault).ifPresent(position -> {
                        adopted = position;
                        LOG.info("Change stream '{}' continues from the position stored under '{}', the offset key "
                                + "of earlier versions: {}. Its next commit saves the position under the new key and "
                                + "clears the earlier one, so that no other stream adopts it", value, earlierDefault,
                                position);
                    });
                }
                return Optional.ofNullable(adopted);
            }

            @Override
            public void save(String key, ChangePosition position) {
                store.save(key, position);
                if (adopted != null && key.equals(value)) {
                    clear.accept(earlierDefault);
                    adopted = null;
                }
            }
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
