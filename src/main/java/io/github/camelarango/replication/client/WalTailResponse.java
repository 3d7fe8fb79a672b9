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
package io.github.camelarango.replication.client;

import java.util.Iterator;


/**
 * One answer of {@code GET /_api/wal/tail}: headers (lastIncluded, lastScanned, lastTick, checkMore, fromPresent) and
 * the markers, streamed in tick order.
 *
 * <pre>
 * try (WalTailResponse tail = client.walTail(WalTailRequest.from(tick))) {
 *     tail.markers().forEachRemaining(handler::accept);
 *     ReplicationHeaders position = tail.headers();
 * }
 * </pre>
 */
public final class WalTailResponse extends ReplicationStream {

    WalTailResponse(ArangoHttpTransport.Opened answer, ReplicationHeaders headers) {
        super(answer, headers, null);
    }

    /**
     * The markers of this answer, read one line at a time with a streaming parser (no tree per line: see
     * {@link WalMarker}). A line that is not a marker fails with a {@link MalformedLineException} naming the line
     * and, when it was read, the tick.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    public Iterator<WalMarker> markers() {
        return parsedLines(WalMarker::read);
    }
}
