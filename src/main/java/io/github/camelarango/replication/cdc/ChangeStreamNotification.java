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

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something the stream went through that is no change of the database: a step of the snapshot's life, a lost
 * position and what its policy did. The fields are Debezium's notification fields: {@code aggregate_type} (the
 * {@link Type#aggregateType()}), {@code type}, {@code additional_data} and {@code timestamp}.
 *
 * @param type           what happened
 * @param additionalData what the type tells about it (collection, count, reason, policy …), as text, in a fixed order
 * @param timestamp      when the stream saw it
 */
public record ChangeStreamNotification(Type type, Map<String, String> additionalData, Instant timestamp) {

    /** The aggregate of the snapshot's notifications. */
    public static final String SNAPSHOT = "Snapshot";
    /** The aggregate of the position's notifications. */
    public static final String POSITION = "Position";

    /** What happened, and to which aggregate it belongs. */
    public enum Type {
        /** A snapshot began (or resumed with a new batch): its snapshot tick and the collections it dumps. */
        STARTED(SNAPSHOT),
        /** The snapshot read the last document of a collection: the collection and how many documents it read. */
        COLLECTION_COMPLETED(SNAPSHOT),
        /** The snapshot read every collection: its snapshot tick and the documents read; the tail follows. */
        COMPLETED(SNAPSHOT),
        /** The snapshot stopped before it completed: the reason (a lost position, a batch lost again and again). */
        ABORTED(SNAPSHOT),
        /** The stream's position is lost: the reason and the tick it stood at. */
        LOST(POSITION),
        /** What the stream does about a lost position: the positionLostPolicy in force, and where a SKIP resumes. */
        POLICY_APPLIED(POSITION);

        private final String aggregateType;

        Type(String aggregateType) {
            this.aggregateType = aggregateType;
        }

        /** Debezium's {@code aggregate_type}: {@value #SNAPSHOT} or {@value #POSITION}. */
        public String aggregateType() {
            return aggregateType;
        }
    }

    public ChangeStreamNotification {
        Objects.requireNonNull(type, "type");
        additionalData = Collections.unmodifiableMap(new LinkedHashMap<>(additionalData));
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** A notification whose additional data are the given keys and values, in this order. */
    static ChangeStreamNotification of(Type type, Instant timestamp, String... keysAndValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ChangeStreamNotification(type, data, timestamp);
    }

    /** Debezium's {@code aggregate_type}. */
    public String aggregateType() {
        return type.aggregateType();
    }

    @Override
    public String toString() {
        return type.aggregateType() + " " + type + " " + additionalData;
    }
}
