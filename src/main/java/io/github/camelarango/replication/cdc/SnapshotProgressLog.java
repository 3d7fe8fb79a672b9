package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress line of a long snapshot — collection, documents read, documents per second — written at most once
 * per interval. (The replication API tells no document count ahead of the dump, so there is no "of total".)
 */
final class SnapshotProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotProgressLog.class);

    private final Clock clock;
    private final Duration interval;
    private Instant lastLine;
    private long documentsAtLastLine;
    private long documentsTotal;

    SnapshotProgressLog(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
        this.lastLine = clock.instant();
    }

    /** Records that {@code count} more documents were read; logs (and returns true) if the interval passed. */
    boolean read(String collection, long count, long doneInCollection) {
        documentsTotal += count;
        Instant now = clock.instant();
        Duration elapsed = Duration.between(lastLine, now);
        if (elapsed.compareTo(interval) < 0) {
            return false;
        }
        long perSecond = elapsed.toMillis() == 0 ? 0
                : (documentsTotal - documentsAtLastLine) * 1000 / elapsed.toMillis();
        LOG.info("Snapshot of collection '{}': {} documents read, {} documents/s", collection, doneInCollection,
                perSecond);
        lastLine = now;
        documentsAtLastLine = documentsTotal;
        return true;
    }

    /** Total documents read by this snapshot. */
    long documentsTotal() {
        return documentsTotal;
    }
}
