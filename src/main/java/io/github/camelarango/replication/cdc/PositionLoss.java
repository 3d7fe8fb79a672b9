package io.github.camelarango.replication.cdc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.client.Ticks;

/**
 * What a lost position means for a stream: the action its {@link PositionLostPolicy} and {@link SnapshotMode} call
 * for, the failure that says how to recover, and the {@link ChangeType#GAP} event of a skip.
 */
final class PositionLoss {

    /** What to do. */
    enum Action {
        /** Stop with a {@link PositionLostException}. */
        FAIL,
        /** Take a snapshot (a new one after a purged WAL; the same one with a new batch after an expired batch). */
        SNAPSHOT,
        /** Emit a gap event and tail on from the server's current tick. */
        SKIP
    }

    private PositionLoss() {
    }

    /** The action when the WAL no longer holds the position. */
    static Action forPurgedWal(ChangeStreamOptions options) {
        if (options.snapshotMode() == SnapshotMode.WHEN_NEEDED
                || options.positionLostPolicy() == PositionLostPolicy.RESNAPSHOT) {
            return Action.SNAPSHOT;
        }
        return options.positionLostPolicy() == PositionLostPolicy.SKIP ? Action.SKIP : Action.FAIL;
    }

    /** The action when the snapshot's batch expired: nothing is lost yet, so only FAIL stops. */
    static Action forExpiredBatch(ChangeStreamOptions options) {
        return options.positionLostPolicy() == PositionLostPolicy.FAIL
                && options.snapshotMode() != SnapshotMode.WHEN_NEEDED ? Action.FAIL : Action.SNAPSHOT;
    }

    /** What happened when the WAL was purged past {@code from}. */
    static String describePurge(String database, String streamKey, long from, long serverLastTick) {
        return "the WAL of database '" + database + "' no longer holds tick " + Ticks.format(from)
                + " (x-arango-replication-frompresent: false; the server's last tick is "
                + Ticks.format(serverLastTick) + "): changes after it were purged before change stream '"
                + streamKey + "' read them";
    }

    static PositionLostException purgeFailure(String streamKey, String what) {
        return new PositionLostException("Change stream '" + streamKey + "' lost its position: " + what
                + ". It stops rather than skip changes silently (positionLostPolicy FAIL). To recover, choose one: "
                + "positionLostPolicy=RESNAPSHOT (take a new snapshot), positionLostPolicy=SKIP (continue from the "
                + "current tick after a GAP event), snapshotMode=WHEN_NEEDED, or delete the position stored under key '"
                + streamKey + "' to start afresh. To avoid it, keep the stream running or retain the WAL longer on the "
                + "server.");
    }

    static PositionLostException batchFailure(ChangeStreamOptions options, BatchExpiredException e) {
        return new PositionLostException("Change stream '" + options.streamKey() + "' lost its snapshot: "
                + e.getMessage() + " while dumping (the batch must be used or extended within batchTtl="
                + options.batchTtl() + "; poll more often or raise batchTtl). It stops (positionLostPolicy FAIL). "
                + "A restart resumes the snapshot with a new batch, dumping again the collections not completed; "
                + "positionLostPolicy=RESNAPSHOT or SKIP does the same without stopping.");
    }

    /** The event declaring that the changes after {@code lostAfter} up to {@code resumedAfter} were not delivered. */
    static ChangeEvent gap(String database, long lostAfter, long resumedAfter) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("lostAfterTick", Ticks.format(lostAfter));
        data.put("resumedAfterTick", Ticks.format(resumedAfter));
        data.put("reason", "WAL purged past the stream's position");
        return new ChangeEvent(resumedAfter, ChangeType.GAP, 0, database, null, null, null, null, null, false, data,
                ChangePosition.tail(resumedAfter, 0));
    }
}
