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

/** Whether a {@link ChangeStream} dumps the collections before it tails the write-ahead log. */
public enum SnapshotMode {
    /** Snapshot when no position is stored, then tail (the default). */
    INITIAL,
    /** Never snapshot: tail from the stored position, or from the server's current tick. */
    NEVER,
    /** Snapshot when no position is stored, then finish: {@link ChangeStream#isFinished()} turns true. */
    INITIAL_ONLY,
    /** Snapshot when no position is stored or the stored position was lost (whatever the position-lost policy). */
    WHEN_NEEDED,
    /** Snapshot at every start, ignoring a stored tail position, then tail. */
    ALWAYS
}
