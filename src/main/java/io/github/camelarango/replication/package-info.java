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
 * The {@code arango-replication} Camel component: what defines it and the classes the endpoint creates.
 * <ul>
 * <li>The definitions, which the role packages may use: {@link io.github.camelarango.replication.ArangoReplicationConstants}
 * (the message headers), {@link io.github.camelarango.replication.ArangoReplicationOperation} (what an endpoint
 * does) and {@link io.github.camelarango.replication.ArangoReplicationConfiguration} (the options every role reads:
 * connection, client identity, includeSystem).</li>
 * <li>The component, the endpoint, the client factory and the type converters.</li>
 * <li>The producer ({@code to(...)}) and the three consumers ({@code from(...)}: changes, dump, loggerState); their
 * helpers live in the packages of their role: {@code producer}, {@code consumer}, {@code offsets}.</li>
 * </ul>
 * Layers: this package and the role packages (Camel glue) use {@code cdc} (the change-capture engine) and
 * {@code client} (the replication HTTP client); those two never use Camel types nor the glue.
 */
package io.github.camelarango.replication;
