/**
 * The bodies a {@link io.github.camelarango.replication.cdc.ChangeEvent} can be delivered as: the native form
 * ({@link io.github.camelarango.replication.cdc.envelope.NativeEnvelope}, what ArangoDB itself says) or the
 * Debezium-compatible one ({@link io.github.camelarango.replication.cdc.envelope.DebeziumEnvelope}). Part of the
 * change-capture engine: it uses its events, Jackson and the client's Ticks, Json and RawJson (the JSON text the
 * server wrote, embedded without re-serialising), no Camel type.
 */
package io.github.camelarango.replication.cdc.envelope;
