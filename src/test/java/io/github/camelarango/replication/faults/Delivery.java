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
package io.github.camelarango.replication.faults;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One change as the sink received it, from the exchange's headers (the component's user-facing contract): change type,
 * collection, key, revision, tick, transaction id and the position committed once the exchange completes.
 *
 * @param type       {@code CamelArangoReplicationChangeType}: SNAPSHOT_READ, UPSERT, DELETE, COLLECTION_DROP, …
 * @param collection {@code CamelArangoReplicationCollection}, null when the change names none
 * @param key        {@code CamelArangoReplicationKey}
 * @param rev        {@code CamelArangoReplicationRev}
 * @param tick       {@code CamelArangoReplicationTick}
 * @param txId       {@code CamelArangoReplicationTransactionId}, null outside multi-document transactions
 * @param position   {@code CamelArangoReplicationPosition}
 */
record Delivery(String type, String collection, String key, String rev, String tick, String txId, String position) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Delivery of(Message message) {
        return new Delivery(header(message, "CamelArangoReplicationChangeType"),
                header(message, "CamelArangoReplicationCollection"), header(message, "CamelArangoReplicationKey"),
                header(message, "CamelArangoReplicationRev"), header(message, "CamelArangoReplicationTick"),
                header(message, "CamelArangoReplicationTransactionId"), header(message, "CamelArangoReplicationPosition"));
    }

    /** The changes an exchange carries: itself, or with batching each exchange of its List body. */
    static List<Delivery> all(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof List<?> batch
            && exchange.getMessage().getHeader("CamelArangoReplicationBatchSize") != null) {
            return batch.stream().map(e -> of(((Exchange) e).getMessage())).toList();
        }
        return List.of(of(exchange.getMessage()));
    }

    private static String header(Message message, String name) {
        Object value = message.getHeader(name);
        return value == null ? null : value.toString();
    }

    @JsonIgnore
    boolean isSnapshotRow() {
        return "SNAPSHOT_READ".equals(type);
    }

    @JsonIgnore
    boolean isDocumentChange() {
        return "UPSERT".equals(type) || "DELETE".equals(type);
    }

    /** One JSON line, as the child JVM's sink file holds it. */
    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line of a sink file, or null when it is incomplete (the writer was killed in the middle of it). */
    static Delivery parse(String line) {
        try {
            return JSON.readValue(line, Delivery.class);
        } catch (Exception e) {
            return null;
        }
    }
}
