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

/**
 * One step a reader makes the stream take, queued until the consumer polls: an event with the position to commit
 * after it, a position reached without an event (rows or markers filtered out, empty collections, transaction
 * brackets, idle tails), which the stream saves itself once every event before it was committed — a starting point
 * (where a snapshot or a tail without a stored position begins) at once when it is handed out — a halt: a
 * failure that stops the stream once every step before it was handed out, or a notice: a
 * {@link ChangeStreamNotification} told to the stream's listener in line with the events (it moves no position).
 *
 * @param event    the event, null for the other steps
 * @param position the position reached by this step, null for a halt and a notice
 * @param halt     the failure that stops the stream, null for the other steps
 * @param notice   the notification to tell, null for the other steps
 * @param start    whether the position is a starting point, saved as soon as it is handed out
 */
record StreamStep(ChangeEvent event, ChangePosition position, ChangeStreamException halt,
                  ChangeStreamNotification notice, boolean start) {

    /** The step that hands out {@code event}. */
    static StreamStep of(ChangeEvent event) {
        return new StreamStep(event, event.position(), null, null, false);
    }

    /** A step to {@code position} without an event. */
    static StreamStep positionOnly(ChangePosition position) {
        return new StreamStep(null, position, null, null, false);
    }

    /**
     * A step to a position the stream chose without an event — a new snapshot's tick, the server's current tick for
     * a tail without a stored position — that it saves as soon as it is handed out (when every event before it was
     * delivered): a restart before the first commit resumes from there rather than choosing a newer tick, which would
     * skip what changed in between (the removal of a document whose snapshot row was delivered).
     */
    static StreamStep startingPoint(ChangePosition position) {
        return new StreamStep(null, position, null, null, true);
    }

    /** The step that tells {@code notification} to the stream's listener once every step before it was handed out. */
    static StreamStep notice(ChangeStreamNotification notification) {
        return new StreamStep(null, null, null, notification, false);
    }

    /**
     * The step that stops the stream with {@code failure} after the steps before it: the events before it are
     * delivered, and every later poll throws the failure (as {@link ChangeStream#failure()} tells) until a rewind.
     */
    static StreamStep halt(ChangeStreamException failure) {
        return new StreamStep(null, null, failure, null, false);
    }

    /** This step at {@code placed}, a position with the same meaning (stamped with what the stream knows). */
    StreamStep at(ChangePosition placed) {
        return new StreamStep(event == null ? null : event.withPosition(placed), placed, null, null, start);
    }

    boolean isEvent() {
        return event != null;
    }

    boolean isHalt() {
        return halt != null;
    }

    boolean isNotice() {
        return notice != null;
    }
}
