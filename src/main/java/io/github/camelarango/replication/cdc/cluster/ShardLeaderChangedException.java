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
package io.github.camelarango.replication.cdc.cluster;

import io.github.camelarango.replication.cdc.ChangeStreamException;

/**
 * A shard the {@link ClusterChangeStream} captures is now led by another DB-Server than the one it reads the shard
 * from (a fail-over, a moved shard), or a stored position belongs to a server that no longer leads the shard. The
 * new leader's ticks are unrelated to the old one's, so continuity there cannot be proven: the stream stops, delivers
 * nothing after it and keeps its committed positions. The message names shard, collection, both servers and the way
 * to recover (a new snapshot).
 */
public class ShardLeaderChangedException extends ChangeStreamException {

    private final String shard;
    private final String collection;
    private final String oldLeader;
    private final String newLeader;

    /**
     * @param streamKey  the key of the stream's position, which the recovery step names
     * @param shard      the shard whose leader changed
     * @param collection the collection of the shard
     * @param oldLeader  the DB-Server the stream read the shard from (id, with its short name when known)
     * @param newLeader  the DB-Server that leads it now, null when the shard has no leader now
     */
    public ShardLeaderChangedException(String streamKey, String shard, String collection, String oldLeader,
                                       String newLeader) {
        super("Change stream '" + streamKey + "' stopped: the leader of shard '" + shard + "' of collection '"
              + collection + "' changed from DB-Server " + oldLeader + " to "
              + (newLeader == null ? "none (the shard has no leader now)" : "DB-Server " + newLeader)
              + ". Positions on a DB-Server mean nothing on another one, so capture cannot continue on the new leader "
              + "without risking lost changes; nothing after the last committed change was delivered. To recover, "
              + "take a new snapshot: delete the position stored under key '" + streamKey + "' (or use a new "
              + "offsetKey) and start the stream again.");
        this.shard = shard;
        this.collection = collection;
        this.oldLeader = oldLeader;
        this.newLeader = newLeader;
    }

    /** The shard whose leader changed, e.g. {@code s10002}. */
    public String shard() {
        return shard;
    }

    /** The collection of the shard. */
    public String collection() {
        return collection;
    }

    /** The DB-Server the stream read the shard from. */
    public String oldLeader() {
        return oldLeader;
    }

    /** The DB-Server that leads the shard now; null when none does. */
    public String newLeader() {
        return newLeader;
    }
}
