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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import io.github.camelarango.replication.client.Ticks;

/**
 * Places every position a stream hands out on the server it reads, and gives each tail position the
 * {@link ChangePosition.Witness witness} of the last document change delivered up to it, so that a restarted stream
 * can check that the server still has the history the position was taken on ({@link ContinuityCheck}); every
 * position also carries the highest last tick the stream has seen of the server (a restored server counts less).
 * <p>
 * A WAL transaction's events carry the position from before it, so a document change is the witness of a position
 * only once a position at or after its tick comes along (the transaction's last event); until then it waits. The
 * witness is the delivered change on the highest tick, not the last one handed out: a change written while a
 * transaction was open is handed out before the transaction's earlier changes, and the {@link ContinuityCheck} takes
 * every change between the witness and the position for one the stream never delivered. A
 * snapshot position has no witness, and a {@link ChangeType#GAP} starts without one (the changes before it are not
 * the history the stream goes on from). Not thread-safe: the stream's poll lock guards it.
 */
final class PositionStamp {

    private final Deque<ChangePosition.Witness> pending = new ArrayDeque<>();
    private Supplier<String> serverLookup;
    private String server;
    private ChangePosition.Witness witness;
    private long serverTick;
    /** The last position placed, with what: the rows of a dump chunk share one position (and its JSON text). */
    private ChangePosition lastUnplaced;
    private ChangePosition.Witness lastWitness;
    private long lastServerTick;
    private ChangePosition lastPlaced;

    /**
     * Starts over, from {@code stored} (its witness, if any, until a later change replaces it), on the server that
     * {@code serverId} names when first asked: a start that fails before it places a position makes no request.
     */
    void start(Supplier<String> serverId, ChangePosition stored) {
        serverLookup = serverId;
        server = null;
        witness = stored == null ? null : stored.witness().orElse(null);
        serverTick = stored == null ? 0 : stored.serverTick();
        pending.clear();
        lastUnplaced = null;
    }

    /** The server the stream reads since {@link #start}. */
    String server() {
        if (server == null) {
            server = serverLookup.get();
        }
        return server;
    }

    /** The server answered with this last tick (a tail answer, a snapshot's batch): the highest is kept. */
    void serverTickSeen(long tick) {
        if (Ticks.isAfter(tick, serverTick)) {
            serverTick = tick;
        }
    }

    /** The highest last tick of the server seen since {@link #start} (or stored with the position started from). */
    long serverTick() {
        return serverTick;
    }

    /**
     * The step at {@code position} — its own position with what else the stream knows at it (the collections it
     * captures) — placed on the server and with the witness that holds there: its event copied once, or not at all
     * when the step already carries that position.
     */
    StreamStep apply(StreamStep step, ChangePosition position) {
        ChangeEvent event = step.event();
        if (position.isSnapshot() || event != null && event.type() == ChangeType.GAP) {
            witness = null;
            pending.clear();
        } else {
            if (event != null && !event.snapshot() && event.type().isDocumentChange()) {
                pending.add(new ChangePosition.Witness(event.tick(), event.cuid(), event.key(), event.rev()));
            }
            while (!pending.isEmpty() && !Ticks.isAfter(pending.peek().tick(), position.from())) {
                ChangePosition.Witness reached = pending.poll();
                if (witness == null || Ticks.isAfter(reached.tick(), witness.tick())) {
                    witness = reached; // the highest tick: a transaction's changes come after later standalone ones
                }
            }
        }
        if (position != lastUnplaced || witness != lastWitness || serverTick != lastServerTick) {
            lastUnplaced = position;
            lastWitness = witness;
            lastServerTick = serverTick;
            lastPlaced = position.on(server(), witness).seenUpTo(serverTick);
        }
        ChangePosition placed = lastPlaced;
        return placed == step.position() ? step : step.at(placed);
    }
}
