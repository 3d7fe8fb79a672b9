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
 * What a {@link ChangeStream} does with a line of a dump or {@code wal/tail} answer it cannot read: not JSON, not
 * valid UTF-8, not what the protocol says, or beyond the parser's limits (Jackson's default
 * {@code StreamReadConstraints}; document data is kept as its bytes, so only what the engine reads of a line — the
 * marker's attributes, a document's {@code _key} and {@code _rev}, the nesting depth — meets them).
 */
public enum BadLinePolicy {
    /**
     * Stop after delivering the changes before the line, with a {@link BadLineException} naming the tick (tail) or
     * the collection and the line (dump) and the ways out (the default); the stream does not read the line again
     * until it is restarted.
     */
    FAIL,
    /**
     * Deliver a {@link ChangeType#SKIPPED} event in its place (the tick or collection, the reason, the first 200 bytes
     * of the line) and go on; the change the line held is not delivered.
     */
    SKIP
}
