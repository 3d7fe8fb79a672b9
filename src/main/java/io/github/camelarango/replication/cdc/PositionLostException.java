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
 * The stream's position is gone and the {@link PositionLostPolicy#FAIL} policy stopped it; the message says what
 * was lost and how to recover.
 */
public class PositionLostException extends ChangeStreamException {

    public PositionLostException(String message) {
        super(message);
    }

    /** The WAL was purged past the position ({@code what} says which tick and what the server holds now). */
    static PositionLostException walPurged(String streamKey, String what) {
        return new PositionLostException("Change stream '" + streamKey + "' lost its position: " + what
                + ". It stops rather than skip changes silently (positionLostPolicy FAIL). To recover, choose one: "
                + "positionLostPolicy=RESNAPSHOT (take a new snapshot), positionLostPolicy=SKIP (continue from the "
                + "current tick after a GAP event), snapshotMode=WHEN_NEEDED, or delete the position stored under key '"
                + streamKey + "' to start afresh. To avoid it, keep the stream running or retain the WAL longer on the "
                + "server.");
    }

    /** The dump batch of the running snapshot expired. */
    static PositionLostException batchExpired(ChangeStreamOptions options, BatchExpiredException e) {
        return new PositionLostException("Change stream '" + options.streamKey() + "' lost its snapshot: "
                + e.getMessage() + " while dumping (the batch must be used or extended within batchTtl="
                + options.batchTtl() + "; poll more often or raise batchTtl). It stops (positionLostPolicy FAIL). "
                + "A restart resumes the snapshot with a new batch, dumping again the collections not completed; "
                + "positionLostPolicy=RESNAPSHOT or SKIP does the same without stopping.");
    }
}
