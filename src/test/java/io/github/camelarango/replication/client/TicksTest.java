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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicksTest {

    private static final String TWO_POW_63 = "9223372036854775808";
    private static final String MAX = "18446744073709551615";

    @Test
    void parsesAndFormatsTheWholeUnsignedRange() {
        assertEquals(189495L, Ticks.parse("189495"));
        assertEquals(Long.MIN_VALUE, Ticks.parse(TWO_POW_63));
        assertEquals(-1L, Ticks.parse(MAX));
        assertEquals(TWO_POW_63, Ticks.format(Ticks.parse(TWO_POW_63)));
        assertEquals(MAX, Ticks.format(Ticks.MAX));
        assertEquals(0L, Ticks.parse(" 0 "));
    }

    @Test
    void comparesNumericallyNeverAsText() {
        // "99" > "100" as text, but 99 < 100 as ticks
        assertTrue(Ticks.isAfter(Ticks.parse("100"), Ticks.parse("99")));
        // 2^63 is negative as a signed long, but after 2^63-1 as a tick
        assertTrue(Ticks.isAfter(Ticks.parse(TWO_POW_63), Long.MAX_VALUE));
        assertFalse(Ticks.isAfter(Long.MAX_VALUE, Ticks.parse(TWO_POW_63)));
        assertTrue(Ticks.isAfter(Ticks.MAX, Ticks.parse(TWO_POW_63)));
        assertTrue(Ticks.isAfter(Ticks.parse(MAX), 5));
        assertFalse(Ticks.isAfter(Ticks.parse(TWO_POW_63), Long.MIN_VALUE));
    }

    @Test
    void rejectsWhatIsNotAnUnsignedTickNamingTheValue() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Ticks.parse("-1"));
        assertTrue(negative.getMessage().contains("'-1'"), negative.getMessage());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> Ticks.parse("18446744073709551616"));
        assertTrue(tooBig.getMessage().contains("0.." + MAX), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ticks.parse("12a"));
        assertThrows(IllegalArgumentException.class, () -> Ticks.parse("+5"));
        assertThrows(IllegalArgumentException.class, () -> Ticks.parse(" "));
        assertNull(Ticks.parseOrNull(""));
        assertNull(Ticks.parseOrNull(null));
    }

    @Test
    void formatsOptionalTicks() {
        assertEquals(TWO_POW_63, Ticks.formatOrNull(Long.MIN_VALUE));
        assertNull(Ticks.formatOrNull(null));
    }
}
