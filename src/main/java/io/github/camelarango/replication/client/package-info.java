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
 * The HTTP client of ArangoDB's replication and WAL API: one method per endpoint on
 * {@link io.github.camelarango.replication.client.ArangoReplicationClient} (implemented over Apache HttpClient 5 by
 * {@link io.github.camelarango.replication.client.HttpArangoReplicationClient}), a request record per endpoint that
 * takes parameters, a result record per answer, and streamed answers for {@code dump} and {@code wal/tail}. Before a
 * request is sent, operations the server's version or role lacks are refused
 * ({@link io.github.camelarango.replication.client.ArangoOperationUnavailableException}); error answers and I/O
 * failures become {@link io.github.camelarango.replication.client.ArangoReplicationException}s. Dump and wal/tail
 * bodies are read line by line with a streaming parser; documents stay the JSON text the server wrote
 * ({@link io.github.camelarango.replication.client.RawJson}), parsed into a tree only when asked.
 * <p>
 * Also the project's shared foundations: {@link io.github.camelarango.replication.client.Ticks} (unsigned 64-bit
 * ticks), {@link io.github.camelarango.replication.client.Require} (option checks, one error shape) and
 * {@link io.github.camelarango.replication.client.Json} (the one configured Jackson mapper).
 * <p>
 * The bottom layer: it uses only the JDK, Jackson, HttpClient 5 and SLF4J — no Camel type, nothing of the
 * change-capture engine ({@code ..cdc}) or the component.
 */
package io.github.camelarango.replication.client;
