package io.github.camelarango.replication.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Commits reach the store only when the position moves; what is stored is always the last committed position. */
class CommitTrackerTest {

    private final List<String> saved = new ArrayList<>();
    private final CommitTracker tracker = new CommitTracker(
            PositionStore.ofStrings(key -> null, (key, json) -> saved.add(json)), "k", new ChangeStreamMetrics());

    @Test
    void theSamePositionIsStoredOnce() {
        tracker.load();
        ChangePosition beforeTransaction = ChangePosition.tail(10, 10);
        ChangePosition afterTransaction = ChangePosition.tail(20, 20);
        tracker.commit(beforeTransaction);
        tracker.commit(ChangePosition.tail(10, 10)); // another event inside the transaction
        tracker.commit(afterTransaction);

        assertEquals(List.of(beforeTransaction.toJson(), afterTransaction.toJson()), saved);
        assertEquals(afterTransaction, tracker.committed().orElseThrow());
    }

    @Test
    void snapshotPositionsAreStoredWhenACollectionCompletes() {
        tracker.load();
        ChangePosition dumping = ChangePosition.snapshot(5, Set.of());
        tracker.commit(dumping);
        tracker.commit(ChangePosition.snapshot(5, Set.of()));
        tracker.commit(dumping.withCompleted("orders"));
        tracker.commit(ChangePosition.snapshot(5, Set.of("orders")));

        assertEquals(List.of(dumping.toJson(), dumping.withCompleted("orders").toJson()), saved);
    }

    @Test
    void aCommitAfterAReloadIsStoredEvenWhenEqualToTheOneBefore() {
        tracker.load();
        tracker.commit(ChangePosition.tail(10, 10));
        tracker.load(); // the store gives nothing back: the stream starts afresh
        tracker.commit(ChangePosition.tail(10, 10));

        assertEquals(2, saved.size());
    }
}
