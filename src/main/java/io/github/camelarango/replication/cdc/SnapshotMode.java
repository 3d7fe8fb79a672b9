package io.github.camelarango.replication.cdc;

/** Whether a {@link ChangeStream} dumps the collections before it tails the write-ahead log. */
public enum SnapshotMode {
    /** Snapshot when no position is stored, then tail (the default). */
    INITIAL,
    /** Never snapshot: tail from the stored position, or from the server's current tick. */
    NEVER,
    /** Snapshot when no position is stored, then finish: {@link ChangeStream#isFinished()} turns true. */
    INITIAL_ONLY,
    /** Snapshot when no position is stored or the stored position was lost (whatever the position-lost policy). */
    WHEN_NEEDED,
    /** Snapshot at every start, ignoring a stored tail position, then tail. */
    ALWAYS
}
