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
package io.github.camelarango.replication.client;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The six {@code x-arango-replication-*} response headers of dump, wal/tail and logger-follow; a component is null
 * when its header was absent (dump sends only checkmore and lastincluded; wal/tail never sends active). Tick values
 * are unsigned 64-bit.
 * <p>
 * Careful: {@code lastIncluded} is 0 on every empty tail answer (never use it as the next {@code from}); on dump it
 * is a chunk counter, not a tick. {@code lastScanned} may lie before {@code from}.
 *
 * @param checkMore    {@code x-arango-replication-checkmore}
 * @param lastIncluded {@code x-arango-replication-lastincluded}
 * @param lastScanned  {@code x-arango-replication-lastscanned}
 * @param lastTick     {@code x-arango-replication-lasttick}
 * @param fromPresent  {@code x-arango-replication-frompresent}
 * @param active       {@code x-arango-replication-active}
 */
public record ReplicationHeaders(Boolean checkMore, Long lastIncluded, Long lastScanned, Long lastTick,
        Boolean fromPresent, Boolean active) {

    /** Header name of checkMore. */
    public static final String CHECK_MORE = "x-arango-replication-checkmore";
    /** Header name of lastIncluded. */
    public static final String LAST_INCLUDED = "x-arango-replication-lastincluded";
    /** Header name of lastScanned. */
    public static final String LAST_SCANNED = "x-arango-replication-lastscanned";
    /** Header name of lastTick. */
    public static final String LAST_TICK = "x-arango-replication-lasttick";
    /** Header name of fromPresent. */
    public static final String FROM_PRESENT = "x-arango-replication-frompresent";
    /** Header name of active. */
    public static final String ACTIVE = "x-arango-replication-active";

    /**
     * Parses the headers.
     *
     * @param  lookup                   header name (lower case) to value, null when absent; must match names
     *                                  case-insensitively (HTTP header names are)
     * @throws IllegalArgumentException naming the header when a tick value is not an unsigned decimal number
     */
    public static ReplicationHeaders parse(Function<String, String> lookup) {
        return new ReplicationHeaders(bool(lookup.apply(CHECK_MORE)), tick(lookup, LAST_INCLUDED),
                tick(lookup, LAST_SCANNED), tick(lookup, LAST_TICK), bool(lookup.apply(FROM_PRESENT)),
                bool(lookup.apply(ACTIVE)));
    }

    /** Parses the headers from a map whose keys are matched case-insensitively. */
    public static ReplicationHeaders of(Map<String, String> headers) {
        Map<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers);
        return parse(insensitive::get);
    }

    /** Whether the server said {@code checkmore: true} (poll again at once; not a promise of visible data). */
    public boolean hasMore() {
        return Boolean.TRUE.equals(checkMore);
    }

    private static Boolean bool(String value) {
        return value == null ? null : "true".equals(value.trim().toLowerCase(Locale.ROOT));
    }

    private static Long tick(Function<String, String> lookup, String name) {
        String value = lookup.apply(name);
        try {
            return Ticks.parseOrNull(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header " + name + " must be an unsigned decimal tick, was '" + value + "'",
                    e);
        }
    }

    @Override
    public String toString() {
        return "ReplicationHeaders[checkMore=" + checkMore + ", lastIncluded=" + Ticks.formatOrNull(lastIncluded)
               + ", lastScanned=" + Ticks.formatOrNull(lastScanned) + ", lastTick=" + Ticks.formatOrNull(lastTick)
               + ", fromPresent=" + fromPresent + ", active=" + active + "]";
    }
}
