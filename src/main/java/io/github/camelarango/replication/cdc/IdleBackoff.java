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

import java.time.Duration;

/**
 * The adaptive wait between two {@code wal/tail} calls (from the start of one to the start of the next): none while
 * the server says there is more ({@code checkmore}), the minimum after a response that carried data, doubling after
 * every further empty response up to the maximum.
 */
final class IdleBackoff {

    private final long minMillis;
    private final long maxMillis;
    private long nextMillis;

    IdleBackoff(Duration min, Duration max) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = 0;
    }

    /** Records a response and returns nothing; read the wait with {@link #nextWaitMillis()}. */
    void afterResponse(boolean hadMarkers, boolean checkMore) {
        if (checkMore) {
            nextMillis = 0;
        } else if (hadMarkers || nextMillis == 0) {
            nextMillis = minMillis;
        } else {
            nextMillis = Math.min(maxMillis, Math.max(minMillis, nextMillis * 2));
        }
    }

    /** How long to wait before the next call. */
    long nextWaitMillis() {
        return nextMillis;
    }
}
