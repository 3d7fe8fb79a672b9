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

import java.util.function.Consumer;

import io.github.camelarango.replication.client.Ticks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link BadLinePolicy} to a line a reader could not read: a halt naming where the line is, or a
 * {@link ChangeType#SKIPPED} event in its place with the position reached before it.
 */
final class BadLineRule {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);

    private final ChangeStreamOptions options;

    BadLineRule(ChangeStreamOptions options) {
        this.options = options;
    }

    /**
     * A bad line of a {@code wal/tail} answer.
     *
     * @param after the tick of the marker read before it (0 when none)
     * @return whether the stream halts
     */
    boolean inTail(ReplicationSource.BadLine line, String database, long after, ChangePosition position,
                   Consumer<StreamStep> out) {
        String where = "line " + line.lineNumber() + " of a wal/tail answer of database '" + database + "' ("
                + (line.tick() != null ? "tick " + Ticks.format(line.tick()) : "after tick " + Ticks.format(after))
                + ")";
        long tick = line.tick() != null ? line.tick() : after;
        return apply(line, where, ChangeEvent.skipped(tick, database, null, line, position), out);
    }

    /**
     * A bad line of a dump chunk.
     *
     * @param documentsBefore the documents of the collection read before it
     * @return whether the stream halts
     */
    boolean inDump(ReplicationSource.BadLine line, String database, String collection, long snapshotTick,
                   long documentsBefore, ChangePosition position, Consumer<StreamStep> out) {
        String where = "line " + line.lineNumber() + " of a dump chunk of collection '" + collection + "' of database '"
                + database + "' (after about " + documentsBefore + " documents of it)";
        return apply(line, where, ChangeEvent.skipped(snapshotTick, database, collection, line, position), out);
    }

    private boolean apply(ReplicationSource.BadLine line, String where, ChangeEvent skipped, Consumer<StreamStep> out) {
        if (options.badLinePolicy() == BadLinePolicy.SKIP) {
            LOG.warn("Change stream '{}' skips {}: {} (badLinePolicy SKIP: delivered as a SKIPPED event)",
                    options.streamKey(), where, line.reason());
            out.accept(StreamStep.of(skipped));
            return false;
        }
        BadLineException failure = new BadLineException(options.streamKey(), where, line.reason());
        LOG.error(failure.getMessage());
        out.accept(StreamStep.halt(failure));
        return true;
    }
}
