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
package io.github.camelarango.replication.emulator.cluster;

import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.DocumentVersion;
import io.github.camelarango.replication.emulator.model.Server;
import io.github.camelarango.replication.emulator.model.WriteSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies a shard's documents from its leader to a follower in the follower's own data model, so that the follower
 * logs them in its own WAL with its own ticks, keeping {@code _key} and {@code _rev} ({@code isRestore=true} in
 * ArangoDB, arango-cluster facts §3). Callers hold the shard's lock: nothing writes the leader's shard meanwhile.
 */
final class ShardReplication {

    private ShardReplication() {
    }

    /**
     * Synchronous replication of one leader write: the follower's versions of these keys become the leader's, as one
     * write of the follower (a lone document, tid 0; several, one transaction), as the leader logged them.
     */
    static void replicate(Collection leaderShard, Server follower, Collection followerShard, Set<String> keys,
                          boolean multiDocument) {
        follower.writeLock().lock();
        try {
            WriteSet writes = new WriteSet();
            for (String key : keys) {
                stage(writes, followerShard, leaderShard.store().current(key), followerShard.store().current(key));
            }
            follower.commit(followerShard.database(), writes, multiDocument);
        } finally {
            follower.writeLock().unlock();
        }
    }

    /**
     * Resynchronisation of a follower that was away or is new to the shard: what differs from the leader is written
     * in bulk, removals in one transaction, then inserts and replacements in another (ArangoDB's follower writes
     * such bulk inserts/removes while it synchronises, facts §3: they are not user changes), each in key order.
     *
     * @return how many documents were written or removed
     */
    static int resync(Collection leaderShard, Server follower, Collection followerShard) {
        follower.writeLock().lock();
        try {
            Set<String> leaderKeys = new HashSet<>();
            WriteSet inserts = new WriteSet();
            for (DocumentVersion leader : byKey(leaderShard.store().currentVersions())) {
                leaderKeys.add(leader.key());
                stage(inserts, followerShard, leader, followerShard.store().current(leader.key()));
            }
            WriteSet removes = new WriteSet();
            List<DocumentVersion> extra = new ArrayList<>();
            for (DocumentVersion mine : byKey(followerShard.store().currentVersions())) {
                if (!leaderKeys.contains(mine.key())) {
                    extra.add(mine);
                }
            }
            extra.forEach(mine -> removes.remove(followerShard, mine));
            follower.commit(followerShard.database(), removes, true);
            follower.commit(followerShard.database(), inserts, true);
            return removes.ops().size() + inserts.ops().size();
        } finally {
            follower.writeLock().unlock();
        }
    }

    private static List<DocumentVersion> byKey(java.util.Collection<DocumentVersion> versions) {
        List<DocumentVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(DocumentVersion::key));
        return sorted;
    }

    private static void stage(WriteSet writes, Collection followerShard, DocumentVersion leader, DocumentVersion mine) {
        if (leader != null && (mine == null || mine.rev() != leader.rev())) {
            writes.put(followerShard, new DocumentVersion(leader.key(), leader.rev(), leader.attributes()), mine);
        } else if (leader == null && mine != null) {
            writes.remove(followerShard, mine);
        }
    }
}
