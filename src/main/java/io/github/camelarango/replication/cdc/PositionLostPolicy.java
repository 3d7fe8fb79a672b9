package io.github.camelarango.replication.cdc;

/**
 * What a {@link ChangeStream} does when its position is gone: the WAL no longer holds the tick it must continue
 * after ({@code x-arango-replication-frompresent: false} with from &gt; 0), or the dump batch of a running snapshot
 * expired. Every occurrence is logged and counted in {@link ChangeStreamMetrics#positionLostCount()}.
 */
public enum PositionLostPolicy {
    /** Throw {@link PositionLostException} saying what happened and how to recover (the default). */
    FAIL,
    /**
     * Tail position lost: take a new full snapshot and tail after it. Expired batch: continue the snapshot with a
     * new batch, redoing the collections not yet completed. Deletes that happened inside the lost window are not
     * reported (a snapshot has no deletes); consumers that must see them should use {@link #FAIL} and reconcile.
     */
    RESNAPSHOT,
    /**
     * Tail position lost: emit one {@link ChangeType#GAP} event and continue from the server's current tick.
     * Expired batch: as {@link #RESNAPSHOT} (nothing is lost, the tail position is still held).
     */
    SKIP
}
