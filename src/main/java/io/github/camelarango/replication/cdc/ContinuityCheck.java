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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.client.MarkerType;
import io.github.camelarango.replication.client.Ticks;
import io.github.camelarango.replication.client.WalMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, when a stream (re)starts from a stored position, that the server can continue it — that it is the server
 * the position was taken on, with the same history — rather than trust a tick that another server also counts
 * (docs/protocol.md §7.1):
 * <ol>
 *   <li>the server's id must be the position's {@link ChangePosition#server() server}: another server (rebuilt,
 *       replaced, failed over) counts other ticks;</li>
 *   <li>the WAL must show the position's {@link ChangePosition.Witness witness} at its tick
 *       ({@code wal/tail?from=W-1&to=W}): a server restored from a backup reuses the ticks after the backup for other
 *       changes. No marker at W while the witness's collection still exists, or another marker, is another history.
 *       No marker because the collection was dropped since is no evidence either way (a tail hides a dropped
 *       collection's markers, gotcha 5): accepted. A WAL that no longer holds W leaves the witness unverifiable:
 *       accepted (also when W is below the oldest tick of {@code wal/range}); the server id, the last tick and the
 *       tail's own {@code frompresent} check still stand (the registration keeps the WAL from the position on, not
 *       from an older witness).</li>
 *   <li>between the witness and the position the WAL must show no change the stream would have delivered: the stream
 *       passed those ticks delivering nothing, so such a change was written on ticks reused by a server restored
 *       from a backup taken after the witness (the witness alone cannot tell).</li>
 * </ol>
 * A server whose last tick is below the position's tick, or below the highest last tick the stream had seen of it
 * (the position's {@link ChangePosition#serverTick() serverTick}), went back in its history or is another server
 * (checked here for every position, snapshot positions too, and by every tail call of the {@link WalTailer}). A
 * position of format 1 names no server and has no witness: it is accepted once, and the next commit records both.
 */
final class ContinuityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
    /** The most tail chunks read to check the WAL between a witness and its position. */
    static final int MAX_SCANNED_CHUNKS = 16;

    private final ReplicationSource source;
    private final ChangeStreamOptions options;
    private final Clock clock;

    ContinuityCheck(ReplicationSource source, ChangeStreamOptions options, Clock clock) {
        this.source = source;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Checks that server {@code serverId} can continue {@code stored}.
     *
     * @throws PositionLostSignal when it cannot
     */
    void verify(ChangePosition stored, String serverId) {
        if (stored.lost().isPresent()) {
            throw PositionLostSignal.foundLostBefore(stored.from(), stored.lost().get());
        }
        String storedServer = stored.server().orElse(null);
        if (storedServer == null) {
            LOG.info("Change stream '{}' resumes from a position that names no server (format 1, written by an earlier "
                    + "version): accepted; its next commit records server {}", options.streamKey(), serverId);
            return;
        }
        if (!storedServer.equals(serverId)) {
            throw PositionLostSignal.otherServer(stored.from(), storedServer, serverId);
        }
        verifyTicksDidNotGoBack(stored);
        stored.witness().ifPresent(witness -> {
            verifyWitness(stored, witness);
            verifyNothingUndeliveredAfter(stored, witness);
        });
    }

    /**
     * The server's last tick must not be below the position's tick (a snapshot's too) nor below the highest last tick
     * the stream had seen of it: a server that counts less than it did went back in its history.
     */
    private void verifyTicksDidNotGoBack(ChangePosition stored) {
        long lastTick = source.lastTick();
        if (Ticks.isAfter(stored.from(), lastTick)) {
            throw PositionLostSignal.serverBehind(source.database(), stored.from(), lastTick);
        }
        if (Ticks.isAfter(stored.serverTick(), lastTick)) {
            throw PositionLostSignal.serverWentBack(source.database(), stored.from(), lastTick, stored.serverTick());
        }
    }

    private void verifyWitness(ChangePosition stored, ChangePosition.Witness witness) {
        ReplicationSource.TailChunk chunk = source.tail(new ReplicationSource.TailRequest(witness.tick() - 1,
                witness.tick(), 0, options.tailChunkSize(), null, options.filter().includeSystem()));
        if (chunk.lastTick() != 0 && Ticks.isAfter(stored.from(), chunk.lastTick())) {
            throw PositionLostSignal.serverBehind(source.database(), stored.from(), chunk.lastTick());
        }
        WalMarker marker = chunk.markers().stream().filter(m -> m.tick() == witness.tick()).findFirst().orElse(null);
        if (marker != null) {
            if (!shows(marker, witness)) {
                throw PositionLostSignal.historyDiffers(stored.from(), chunk.lastTick(), witness,
                        "document '" + text(marker, "_key") + "' revision " + text(marker, "_rev") + " of collection "
                        + marker.cuid() + " (marker type " + marker.type() + ")");
            }
            return;
        }
        if (!chunk.fromPresent() || purged(witness)) {
            LOG.info("Change stream '{}': the server's WAL no longer holds tick {} of the position's last delivered "
                    + "change (purged), so it cannot be checked; continuity rests on the server id {} and its last "
                    + "tick",
                    options.streamKey(), Ticks.format(witness.tick()), stored.server().orElse(""));
            return;
        }
        if (witness.cuid() != null && collectionExists(witness.cuid())) {
            throw PositionLostSignal.historyDiffers(stored.from(), chunk.lastTick(), witness,
                    "no change at that tick, although the collection still exists");
        }
        LOG.info("Change stream '{}': the collection {} of the position's last delivered change (tick {}) no longer "
                + "exists, so the WAL no longer shows that change; continuing", options.streamKey(), witness.cuid(),
                Ticks.format(witness.tick()));
    }

    /**
     * Between the witness and the position the stream delivered nothing, so the server's WAL must show no change there
     * that the stream delivers (a document change of a captured collection, of a type it delivers, standalone or of a
     * committed transaction): such a change was written on ticks the stream had already passed — by a server restored
     * from a backup taken after the witness. Changes of a collection renamed later in that range are left out: it may
     * have been captured from its rename on. At most {@value #MAX_SCANNED_CHUNKS} tail chunks are read: past them the
     * rest of the range is left unchecked (logged), the other checks still stand.
     */
    private void verifyNothingUndeliveredAfter(ChangePosition stored, ChangePosition.Witness witness) {
        Map<String, String> captured = stored.collections().orElse(Map.of());
        if (captured.isEmpty() || !Ticks.isAfter(stored.from(), witness.tick())) {
            return;
        }
        List<WalMarker> changes = new ArrayList<>();
        Map<String, Long> renamedAt = new HashMap<>();
        Set<String> committed = new HashSet<>();
        long from = witness.tick();
        long lastScanned = 0;
        int chunks = 0;
        while (Ticks.isAfter(stored.from(), from)) {
            if (chunks++ == MAX_SCANNED_CHUNKS) {
                LOG.info("Change stream '{}': the WAL between the position's last delivered change (tick {}) and the "
                        + "position (tick {}) was checked up to tick {} only", options.streamKey(),
                        Ticks.format(witness.tick()), Ticks.format(stored.from()), Ticks.format(from));
                break;
            }
            ReplicationSource.TailChunk chunk = source.tail(new ReplicationSource.TailRequest(from, stored.from(),
                    lastScanned, options.tailChunkSize(), null, options.filter().includeSystem()));
            for (WalMarker marker : chunk.markers()) {
                if (marker.markerType() == MarkerType.COLLECTION_RENAME) {
                    renamedAt.put(marker.cuid(), marker.tick());
                } else if (marker.markerType() == MarkerType.TRANSACTION_COMMIT) {
                    committed.add(marker.tid());
                } else if (delivered(marker, captured)) {
                    changes.add(marker);
                }
            }
            long next = chunk.lastIncluded() != 0 ? chunk.lastIncluded()
                    : chunk.lastScanned() != 0 ? chunk.lastScanned() - 1 : 0;
            if (!Ticks.isAfter(next, from)) {
                break;
            }
            from = next;
            lastScanned = chunk.lastScanned();
        }
        for (WalMarker change : changes) {
            Long renamed = renamedAt.get(change.cuid());
            boolean renamedLater = renamed != null && Ticks.isAfter(renamed, change.tick());
            if (!renamedLater && (!change.inTransaction() || committed.contains(change.tid()))) {
                throw PositionLostSignal.historyDiffers(stored.from(), 0, witness, "after it, at tick "
                        + Ticks.format(change.tick()) + " (the position is at tick " + Ticks.format(stored.from())
                        + "), a change the stream never delivered: document '" + text(change, "_key") + "' revision "
                        + text(change, "_rev") + " of collection '" + captured.get(change.cuid()) + "'");
            }
        }
    }

    /** Whether the stream delivers this marker: a document change of a captured collection, of a type it delivers. */
    private boolean delivered(WalMarker marker, Map<String, String> captured) {
        ChangeType type = marker.markerType() == MarkerType.DOCUMENT ? ChangeType.UPSERT
                : marker.markerType() == MarkerType.REMOVE ? ChangeType.DELETE : null;
        return type != null && captured.containsKey(marker.cuid()) && options.filter().acceptsType(type);
    }

    private static boolean shows(WalMarker marker, ChangePosition.Witness witness) {
        return Objects.equals(marker.cuid(), witness.cuid()) && Objects.equals(text(marker, "_key"), witness.key())
                && Objects.equals(text(marker, "_rev"), witness.rev());
    }

    private static String text(WalMarker marker, String field) {
        JsonNode value = marker.data() == null ? null : marker.data().get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Whether the witness's tick is below the oldest tick the server's WAL still holds ({@code wal/range}). */
    private boolean purged(ChangePosition.Witness witness) {
        long oldest = source.oldestTick();
        return oldest != 0 && Ticks.isAfter(oldest, witness.tick());
    }

    /** Whether the collection is in the server's inventory now (under a short-lived batch). */
    private boolean collectionExists(String cuid) {
        try (BatchLease lease = BatchLease.create(source, options.batchTtl(), clock)) {
            return source.inventory(lease.id(), options.filter().includeSystem()).stream()
                    .anyMatch(c -> cuid.equals(c.cuid()) && !c.deleted());
        }
    }
}
