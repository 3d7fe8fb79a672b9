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

/**
 * The Debezium {@code op} given to an {@link io.github.camelarango.replication.cdc.ChangeType#UPSERT UPSERT}.
 * ArangoDB's WAL writes inserts, updates and replaces as one marker type, so neither value is a fact about the
 * change; both envelopes mark it with {@code source.upsert: true}. Debezium-based sinks (JDBC, Elasticsearch, MongoDB
 * sink connectors) write {@code c} and {@code u} the same way: as an upsert of {@code after}.
 */
public enum UpsertOp {
    /** {@code "u"} (the default): "the row now looks like {@code after}". */
    UPDATE("u"),
    /** {@code "c"}: for sinks that only accept creates. */
    CREATE("c");

    private final String code;

    UpsertOp(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
