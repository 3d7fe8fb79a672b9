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

import java.util.List;
import java.util.Optional;

/**
 * What a consumer drives to capture changes: a pull-based stream of {@link ChangeEvent}s with a durable position,
 * at-least-once. {@link ChangeStream} reads one server; {@code cdc.cluster.ClusterChangeStream} reads a cluster
 * through one {@code ChangeStream} per DB-Server.
 * <p>
 * Call {@link #poll(int)}, deliver each event, then {@link #commit commit} the last delivered one (or
 * {@link #acknowledge acknowledge} each and {@link #saveDelivered() save} when it suits); after a failed delivery
 * {@link #rewind()}. See {@link ChangeStream} for the full contract, which every implementation keeps.
 */
public interface CaptureStream extends AutoCloseable {

    /**
     * Returns the next events, at most {@code maxEvents}, in order; possibly none.
     *
     * @throws ChangeStreamException when the stream stopped at a change or a state it must not pass (again on every
     *                               poll, see {@link #failure()})
     * @throws IllegalStateException after {@link #close()}
     */
    List<ChangeEvent> poll(int maxEvents);

    /**
     * Records that {@code event} and every event handed out before it were delivered, and saves the position they
     * reached; ignored for an event that no longer awaits a commit.
     */
    void commit(ChangeEvent event);

    /**
     * Records, as {@link #commit} does, that {@code event} and every event handed out before it were delivered, but
     * leaves the save of the position to {@link #saveDelivered()}.
     */
    void acknowledge(ChangeEvent event);

    /**
     * Saves the position of the {@link #acknowledge acknowledged} events, unless it was saved already.
     *
     * @return whether a position was saved
     */
    boolean saveDelivered();

    /**
     * The position of a heartbeat when one is due (see {@link ChangeStream#heartbeat()}); deliver it, then
     * {@link #commitHeartbeat commit} it.
     */
    Optional<ChangePosition> heartbeat();

    /** Saves the position of a delivered {@link #heartbeat()}; ignored when an event was handed out since. */
    void commitHeartbeat(ChangePosition position);

    /** Forgets every event handed out but not committed: they are delivered again from the committed position. */
    void rewind();

    /** The failure that stopped the stream (thrown again by every poll until {@link #rewind()}); empty when healthy. */
    Optional<ChangeStreamException> failure();

    /** True once a snapshot-only stream handed out everything: nothing more will come. */
    boolean isFinished();

    /** Live figures of the stream. */
    ChangeStreamMetrics metrics();

    /**
     * The JSON text of the last committed (or automatically saved) position, as the stream keeps it under its key in
     * the position store: for display. A single server's is a {@link ChangePosition#toJson()}; a cluster's names the
     * position of every DB-Server, which no one {@code ChangePosition} can hold.
     */
    Optional<String> committedPositionJson();

    /** Stops the stream and releases what it holds at the server(s); the committed position stays. */
    @Override
    void close();
}
