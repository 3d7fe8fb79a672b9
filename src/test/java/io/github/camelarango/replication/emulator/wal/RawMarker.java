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
