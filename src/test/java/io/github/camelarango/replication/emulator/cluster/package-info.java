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
 * The emulator's cluster (issue 16): the plan and health a Coordinator answers from, shard leaders and followers
 * ({@link io.github.camelarango.replication.emulator.cluster.ClusterState}), the in-process synchronous replication
 * and resynchronisation of shards between DB-Servers
 * ({@link io.github.camelarango.replication.emulator.cluster.ShardReplication}) and the Coordinator's routes
 * ({@link io.github.camelarango.replication.emulator.cluster.CoordinatorRoutes}). Internal: public only for
 * {@link io.github.camelarango.replication.emulator.ArangoEmulatorCluster}, not part of the test kit's API.
 */
package io.github.camelarango.replication.emulator.cluster;
