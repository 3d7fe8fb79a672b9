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
/** The growing pause before the next read of a DB-Server after failed ones: 100 ms, doubled per failure, at most 5 s. */
final class RetryPause {

    private static final long MIN_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;

    private long millis;

    /** The pause after one more failed read, in milliseconds. */
    long next() {
        millis = Math.min(MAX_MILLIS, Math.max(MIN_MILLIS, millis * 2));
        return millis;
    }

    /** A read succeeded: the next failure pauses the least again. */
    void reset() {
        millis = 0;
    }
}
