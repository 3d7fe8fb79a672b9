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
 * The change-capture engine: a consistent snapshot of a database through a dump batch, then its write-ahead log,
 * delivered as {@link io.github.camelarango.replication.cdc.ChangeEvent}s with a durable, commit-after-delivery
 * position. Free of Camel types; it sits on the replication HTTP client ({@code ..client}) and under the Camel
 * consumers.
 *
 * <pre>{@code
 * ChangeStreamOptions options = ChangeStreamOptions.builder()
 *         .streamKey("orders-to-kafka")                   // key of the stored position
 *         .snapshotMode(SnapshotMode.INITIAL)
 *         .positionLostPolicy(PositionLostPolicy.FAIL)
 *         .includeCollections(Set.of("orders", "customers"))
 *         .build();
 * PositionStore store = PositionStore.ofStrings(stateRepository::getState, stateRepository::setState);
 * try (ChangeStream stream = new ChangeStream(client, options, store)) {
 *     while (running && !stream.isFinished()) {
 *         List<ChangeEvent> events = stream.poll(500);     // bounded; waits a little when the WAL is idle
 *         for (ChangeEvent event : events) {
 *             deliver(NativeEnvelope.body(event));          // or new DebeziumEnvelope(...).value(event)
 *             stream.commit(event.position());              // only after the delivery succeeded
 *         }
 *     }
 * }
 * }</pre>
 *
 * Guarantees: at-least-once across crashes and restarts (events handed out but not committed are delivered again;
 * no committed position lies inside a WAL transaction, so transactions are replayed whole); no event of an aborted
 * transaction; no gap or duplicate at the snapshot-to-WAL hand-off; a lost position is never skipped silently
 * ({@link io.github.camelarango.replication.cdc.PositionLostPolicy}). The WAL does not distinguish inserts from
 * updates: both are {@link io.github.camelarango.replication.cdc.ChangeType#UPSERT}.
 */
package io.github.camelarango.replication.cdc;
