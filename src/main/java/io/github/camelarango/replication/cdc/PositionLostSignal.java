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

import io.github.camelarango.replication.client.Ticks;

/**
 * The stream's position cannot be continued from: the WAL no longer holds it, or the server is not the one (or no
 * longer has the history) the position was taken on. Thrown by the readers and the {@link ContinuityCheck}, handled
 * by {@link CapturePhases} as the {@link PositionLostPolicy} in force says (which raises a
 * {@link PositionLostException} only under {@link PositionLostPolicy#FAIL}).
 */
final class PositionLostSignal extends RuntimeException {

    /** The tick after which changes may be lost. */
    final long from;
    /** The server's last tick as last seen, 0 when unknown. */
    final long serverLastTick;
    /** Why, in a few words, for the data of a {@link ChangeType#GAP} event. */
    final String reason;

    private PositionLostSignal(long from, long serverLastTick, String reason, String what) {
        super(what, null, false, false);
        this.from = from;
        this.serverLastTick = serverLastTick;
        this.reason = reason;
    }

    /** {@code frompresent: false}: the WAL after {@code from} was purged before the stream read it. */
    static PositionLostSignal walPurged(String database, long from, long serverLastTick) {
        return new PositionLostSignal(from, serverLastTick, "WAL purged past the stream's position",
                "the WAL of database '" + database + "' no longer holds tick " + Ticks.format(from)
                + " (x-arango-replication-frompresent: false; the server's last tick is " + Ticks.format(serverLastTick)
                + "): changes after it were purged before the stream read them. To avoid it, restart a stopped stream "
                + "within the server's replication client TTL (7200 s by default), or retain the WAL longer on the "
                + "server");
    }

    /** The server's last tick is below the position: its ticks are not the ones the position counts. */
    static PositionLostSignal serverBehind(String database, long from, long serverLastTick) {
        return new PositionLostSignal(from, serverLastTick, "the server's ticks are behind the stream's position",
                "the server's last tick " + Ticks.format(serverLastTick) + " is below the position's tick "
                + Ticks.format(from) + " (database '" + database + "'): this is not the server the position was taken "
                + "on, or it was restored from a backup, and its ticks up to " + Ticks.format(from) + " would be "
                + "skipped");
    }

    /**
     * The server's last tick is below the highest one the stream had seen of it: its history went back (restored
     * from a backup), and ticks it had counted before may name other changes now.
     */
    static PositionLostSignal serverWentBack(String database, long from, long serverLastTick, long seen) {
        return new PositionLostSignal(from, serverLastTick, "the server's ticks went back (restored from a backup?)",
                "the server's last tick " + Ticks.format(serverLastTick) + " is below " + Ticks.format(seen)
                + " that the stream had seen of it (database '" + database + "', position at tick "
                + Ticks.format(from) + "): restored from a backup? Its ticks after " + Ticks.format(serverLastTick)
                + " will name other changes than the ones the stream read");
    }

    /** An earlier run found the position lost (and stopped under positionLostPolicy FAIL). */
    static PositionLostSignal foundLostBefore(long from, String reason) {
        return new PositionLostSignal(from, 0, "the stream's position was found lost before",
                "an earlier run found this position lost: " + reason);
    }

    /** Another server (another serverId) answers than the one the position was taken on. */
    static PositionLostSignal otherServer(long from, String storedServer, String server) {
        return new PositionLostSignal(from, 0, "another server answers than the one the stream's position belongs to",
                "server " + server + " is not server " + storedServer + " that the position belongs to (tick "
                + Ticks.format(from) + "): another server answers at this address (rebuilt, replaced or failed "
                + "over?), and its ticks are not the ones the position counts");
    }

    /** The server's WAL does not show the position's witness at its tick. */
    static PositionLostSignal historyDiffers(long from, long serverLastTick, ChangePosition.Witness witness,
                                             String found) {
        return new PositionLostSignal(from, serverLastTick, "the server's history differs from the stream's position",
                "the server's history differs from the one the position was taken on (restored from a backup?): at "
                + "tick " + Ticks.format(witness.tick()) + " the stream delivered document '" + witness.key()
                + "' revision " + witness.rev() + " of collection " + witness.cuid() + ", and the server's WAL now "
                + "shows " + found);
    }
}
