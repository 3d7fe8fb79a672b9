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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ArangoDB server version such as {@code 3.11.4}, {@code 3.12.10} or {@code 3.12.0-devel}, comparable by its
 * numeric parts (a qualifier such as {@code -devel} does not change the ordering).
 *
 * @param major     major version
 * @param minor     minor version
 * @param patch     patch version
 * @param text      the version text as the server sent it
 */
public record ArangoVersion(int major, int minor, int patch, String text) implements Comparable<ArangoVersion> {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$");

    /** 3.8: make-follower (alias make-slave), useEnvelope, revision-based sync. */
    public static final ArangoVersion V3_8 = of(3, 8, 0);
    /** 3.12.10: applier, logger-first-tick, logger-tick-ranges, make-follower, sync and server-id removed. */
    public static final ArangoVersion V3_12_10 = of(3, 12, 10);
    /** 4.0: additionally wal/open-transactions removed. */
    public static final ArangoVersion V4_0 = of(4, 0, 0);

    /**
     * Parses a server version text.
     *
     * @throws IllegalArgumentException when the text does not start with {@code <major>.<minor>}
     */
    public static ArangoVersion parse(String text) {
        Matcher matcher = text == null ? null : VERSION.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(
                    "server version must look like <major>.<minor>[.<patch>][-qualifier], was '" + text + "'");
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new ArangoVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, text.trim());
    }

    /** A version from its numeric parts. */
    public static ArangoVersion of(int major, int minor, int patch) {
        return new ArangoVersion(major, minor, patch, major + "." + minor + "." + patch);
    }

    /** Whether this version is the given one or newer. */
    public boolean isAtLeast(ArangoVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ArangoVersion other) {
        int result = Integer.compare(major, other.major);
        if (result == 0) {
            result = Integer.compare(minor, other.minor);
        }
        return result == 0 ? Integer.compare(patch, other.patch) : result;
    }

    @Override
    public String toString() {
        return text;
    }
}
