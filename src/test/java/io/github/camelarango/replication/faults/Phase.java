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
package io.github.camelarango.replication.faults;

/** Where in the stream a fault lands. */
enum Phase {
    /** while the snapshot is being dumped (after some rows were delivered) */
    SNAPSHOT,
    /** when the last snapshot row is delivered: between the dump and the first tail answers */
    HANDOFF,
    /** while the events of a large WAL transaction are being read or delivered */
    IN_TRANSACTION,
    /** while tailing the WAL, after some changes were delivered */
    TAIL
}
