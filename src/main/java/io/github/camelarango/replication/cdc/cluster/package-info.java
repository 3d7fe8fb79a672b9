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
 * Change capture from an ArangoDB cluster: {@link io.github.camelarango.replication.cdc.cluster.ClusterChangeStream}
 * composes one single-server {@link io.github.camelarango.replication.cdc.ChangeStream} per DB-Server, each reading
 * only the shards its server leads, behind the same
 * {@link io.github.camelarango.replication.cdc.CaptureStream} contract. Positions are kept per DB-Server, as one
 * value ({@link io.github.camelarango.replication.cdc.cluster.ClusterPositionStore}); a change of a shard's leader
 * stops the stream ({@link io.github.camelarango.replication.cdc.cluster.ShardLeaderChangedException}).
 * {@code ShadowTracker} keeps a shard's shadow position on a follower, for continuing on it after a fail-over (not
 * used yet).
 * docs/cluster-capture.md tells how and why. Free of Camel types.
 */
package io.github.camelarango.replication.cdc.cluster;
