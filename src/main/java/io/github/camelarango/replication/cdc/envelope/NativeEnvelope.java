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
package io.github.camelarango.replication.cdc.envelope;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.RawJson;

/**
 * The native body of a change: what ArangoDB itself says, without wrapping, as the JSON text the server wrote (no
 * re-serialisation). The event's other fields (type, tick, collection, transaction…) travel beside it, as message
 * headers on the Camel side.
 * <ul>
 * <li>snapshot rows and upserts: the full document ({@code _key}, {@code _id}, {@code _rev}, attributes);</li>
 * <li>deletes: {@code {"_key":…,"_rev":…}} — the removed key and revision (the WAL has no before-image);</li>
 * <li>schema changes: the marker's {@code data} (collection/index/view definition, new name…), empty when the
 * marker has none (drops);</li>
 * <li>gaps: {@code {"lostAfterTick","resumedAfterTick","reason"}};</li>
 * <li>unknown markers: the whole marker as the server sent it.</li>
 * </ul>
 */
public final class NativeEnvelope {

    private NativeEnvelope() {
    }

    /** The native body of the event. */
    public static RawJson body(ChangeEvent event) {
        if (event.type() == ChangeType.DELETE) {
            return RawJson.write(removed -> {
                removed.writeStartObject();
                removed.writeStringField("_key", event.key());
                removed.writeStringField("_rev", event.rev());
                removed.writeEndObject();
            });
        }
        return event.rawData();
    }
}
