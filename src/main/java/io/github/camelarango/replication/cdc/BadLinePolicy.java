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
