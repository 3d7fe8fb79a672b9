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
package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.http.ByteSink;

/**
 * The payload of a marker appended as given by a test (a test control, not something ArangoDB writes): the members of
 * its JSON object, rendered after the tick the emulator assigned, in both the {@code wal/tail} and the legacy format.
 *
 * @param members the object's members as given, without the braces (may be empty)
 */
public record RawMarker(byte[] members) {

    /** Writes {@code {"tick":"<tick>",<members>}}. */
    void write(long tick, ByteSink out) {
        out.ascii("{\"tick\":\"");
        out.ascii(Long.toUnsignedString(tick));
        out.write('"');
        if (members.length > 0) {
            out.write(',');
            out.write(members);
        }
        out.write('}');
    }
}
