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
package io.github.camelarango.replication.cdc;

/**
 * What a {@link ChangeStream} does when its position is gone: the WAL no longer holds the tick it must continue
 * after ({@code x-arango-replication-frompresent: false} with from &gt; 0), or the dump batch of a running snapshot
 * expired. Every occurrence is logged and counted in {@link ChangeStreamMetrics#positionLostCount()}.
 */
public enum PositionLostPolicy {
    /** Throw {@link PositionLostException} saying what happened and how to recover (the default). */
    FAIL,
    /**
     * Tail position lost: take a new full snapshot and tail after it. Expired batch: continue the snapshot with a
     * new batch, redoing the collections not yet completed. Deletes that happened inside the lost window are not
     * reported (a snapshot has no deletes); consumers that must see them should use {@link #FAIL} and reconcile.
     */
    RESNAPSHOT,
    /**
     * Tail position lost: emit one {@link ChangeType#GAP} event and continue from the server's current tick.
     * Expired batch: as {@link #RESNAPSHOT} (nothing is lost, the tail position is still held).
     */
    SKIP
}
