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

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicationHeadersTest {

    @Test
    void parsesTheRealTailHeadersCaseInsensitively() {
        // [REAL 3.11.4] GET /_api/wal/tail?from=189479 -> 200
        ReplicationHeaders headers = ReplicationHeaders.of(Map.of(
                "X-Arango-Replication-Checkmore", "true",
                "x-arango-replication-frompresent", "true",
                "X-ARANGO-REPLICATION-LASTINCLUDED", "189495",
                "x-arango-replication-lastscanned", "189505",
                "x-arango-replication-lasttick", "189505"));
        assertEquals(Boolean.TRUE, headers.checkMore());
        assertTrue(headers.hasMore());
        assertEquals(189495L, headers.lastIncluded());
        assertEquals(189505L, headers.lastScanned());
        assertEquals(189505L, headers.lastTick());
        assertEquals(Boolean.TRUE, headers.fromPresent());
        assertNull(headers.active(), "wal/tail does not send x-arango-replication-active");
    }

    @Test
    void absentHeadersAreNullAndFalseIsFalse() {
        ReplicationHeaders headers = ReplicationHeaders.of(Map.of(
                "x-arango-replication-checkmore", "false", "x-arango-replication-lastincluded", "0"));
        assertEquals(Boolean.FALSE, headers.checkMore());
        assertFalse(headers.hasMore());
        assertEquals(0L, headers.lastIncluded());
        assertNull(headers.lastScanned());
        assertNull(headers.lastTick());
        assertNull(headers.fromPresent());
    }

    @Test
    void ticksAbove2Pow63AreKeptUnsigned() {
        ReplicationHeaders headers = ReplicationHeaders.of(Map.of("x-arango-replication-lasttick", "18446744073709551610"));
        assertEquals("18446744073709551610", Ticks.format(headers.lastTick()));
        assertTrue(headers.toString().contains("lastTick=18446744073709551610"), headers.toString());
    }

    @Test
    void aBrokenTickNamesTheHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplicationHeaders.of(Map.of("x-arango-replication-lastscanned", "abc")));
        assertEquals("header x-arango-replication-lastscanned must be an unsigned decimal tick, was 'abc'", e.getMessage());
    }
}
