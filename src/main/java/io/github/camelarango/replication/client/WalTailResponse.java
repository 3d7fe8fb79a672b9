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
