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
/**
 * The bodies a {@link io.github.camelarango.replication.cdc.ChangeEvent} can be delivered as: the native form
 * ({@link io.github.camelarango.replication.cdc.envelope.NativeEnvelope}, what ArangoDB itself says) or the
 * Debezium-compatible one ({@link io.github.camelarango.replication.cdc.envelope.DebeziumEnvelope}). Part of the
 * change-capture engine: it uses its events, Jackson and the client's Ticks, Json and RawJson (the JSON text the
 * server wrote, embedded without re-serialising), no Camel type.
 */
package io.github.camelarango.replication.cdc.envelope;
