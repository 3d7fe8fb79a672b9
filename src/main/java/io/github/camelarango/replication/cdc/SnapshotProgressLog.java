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
package io.github.camelarango.replication.cdc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress line of a long snapshot — collection, documents read of about how many, documents per second —
 * written at most once per interval, e.g.
 * {@code Snapshot of collection 'orders': 120000 of about 1000000 documents (12%), 45000 documents/s}.
 * <p>
 * The total is the collection's count when its dump began ({@link ReplicationSource#collectionCount}): the current
 * count, not the snapshot's, hence "about"; the percentage stops at 100 when later inserts outgrow it. Without a
 * count the line has no total: {@code Snapshot of collection 'orders': 120000 documents, 45000 documents/s}.
 */
final class SnapshotProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotProgressLog.class);

    private final Clock clock;
    private final Duration interval;
    private final Consumer<String> sink;
    private Instant lastLine;
    private long documentsAtLastLine;
    private long documentsTotal;

    SnapshotProgressLog(Clock clock, Duration interval) {
        this(clock, interval, LOG::info);
    }

    /** A log writing its lines to {@code sink} (tests) instead of the logger. */
    SnapshotProgressLog(Clock clock, Duration interval, Consumer<String> sink) {
        this.clock = clock;
        this.interval = interval;
        this.sink = sink;
        this.lastLine = clock.instant();
    }

    /**
     * Records that {@code count} more documents were read; writes the line (and returns true) if the interval passed.
     *
     * @param doneInCollection documents of the collection read so far
     * @param estimatedTotal   the collection's document count, empty when unknown
     */
    boolean read(String collection, long count, long doneInCollection, OptionalLong estimatedTotal) {
        documentsTotal += count;
        Instant now = clock.instant();
        Duration elapsed = Duration.between(lastLine, now);
        if (elapsed.compareTo(interval) < 0) {
            return false;
        }
        long perSecond = elapsed.toMillis() == 0 ? 0
                : (documentsTotal - documentsAtLastLine) * 1000 / elapsed.toMillis();
        sink.accept(line(collection, doneInCollection, estimatedTotal, perSecond));
        lastLine = now;
        documentsAtLastLine = documentsTotal;
        return true;
    }

    private static String line(String collection, long done, OptionalLong estimatedTotal, long perSecond) {
        StringBuilder line = new StringBuilder("Snapshot of collection '").append(collection).append("': ")
                .append(done);
        if (estimatedTotal.isPresent()) {
            long total = estimatedTotal.getAsLong();
            line.append(" of about ").append(total).append(" documents");
            if (total > 0) {
                line.append(" (").append(Math.min(100, done * 100 / total)).append("%)");
            }
        } else {
            line.append(" documents");
        }
        return line.append(", ").append(perSecond).append(" documents/s").toString();
    }

    /** Total documents read by this snapshot. */
    long documentsTotal() {
        return documentsTotal;
    }
}
