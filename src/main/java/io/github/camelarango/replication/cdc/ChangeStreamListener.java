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
 * Hears the {@link ChangeStreamNotification}s of a {@link ChangeStream} (set with
 * {@link ChangeStreamOptions.Builder#listener}).
 * <p>
 * <b>In line with the events.</b> A notification is told from {@link ChangeStream#poll}, on the polling thread, once
 * every event before it was handed out by an earlier poll, and before any event after it: a caller that delivers the
 * events of one poll before it polls again hears it between the deliveries of the events around it (a collection's
 * {@code COLLECTION_COMPLETED} after its last document). A notification of a failure that stops the stream (a lost
 * position under positionLostPolicy FAIL, a snapshot stopped because its batch was lost again and again) is told when
 * the failure happens, before it is thrown, possibly from the stream's keep-alive timer; no event follows it until
 * the stream is rewound.
 * <p>
 * <b>Not heard.</b> A listener that returns false (it could not pass the notification on) makes the stream hold at
 * it: the poll ends there, and the next poll tells it again before anything after it is handed out. A listener that
 * throws makes the poll fail as a failed server call does: the stream goes back to its committed position, and tells
 * the notifications after it again as it gets there again (a snapshot that resumes tells STARTED again).
 */
@FunctionalInterface
public interface ChangeStreamListener {

    /** The listener of a stream that nobody listens to. */
    ChangeStreamListener NONE = notification -> true;

    /**
     * Hears one notification.
     *
     * @return whether it was passed on; false holds the stream at this notification until a later poll passes it on
     */
    boolean onNotification(ChangeStreamNotification notification);
}
