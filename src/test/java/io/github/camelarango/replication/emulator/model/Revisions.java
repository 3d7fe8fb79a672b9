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
package io.github.camelarango.replication.emulator.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Document revisions: increasing uint64 values (hybrid-logical-clock like: milliseconds shifted left by 20 bits
 * plus a counter) and their 11-character {@code _rev} text of docs/protocol.md §1.8.
 */
public final class Revisions {

    private static final String ALPHABET = "-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final AtomicLong last = new AtomicLong();

    /** The next revision, strictly greater than every earlier one. */
    public long next() {
        long physical = System.currentTimeMillis() << 20;
        return last.updateAndGet(prev -> Math.max(prev + 1, physical));
    }

    /** 11 characters, big-endian, 6 bits per character. */
    public static String encode(long value) {
        char[] out = new char[11];
        for (int i = 10; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value & 63));
            value >>>= 6;
        }
        return new String(out);
    }

    /** Decodes a {@code _rev} text; -1 if it is not a valid revision string. */
    public static long decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 11) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = (value << 6) | digit;
        }
        return value;
    }
}
