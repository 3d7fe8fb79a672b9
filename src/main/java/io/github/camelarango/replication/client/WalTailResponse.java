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
        super(answer, headers);
    }

    /**
     * The markers of this answer, parsed one line at a time.
     *
     * @throws IllegalStateException when the body was already claimed
     */
    public Iterator<WalMarker> markers() {
        var lines = lines();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public WalMarker next() {
                var line = lines.next();
                try {
                    return WalMarker.of(line);
                } catch (IllegalArgumentException e) {
                    close();
                    throw request().invalidResponse(status(), e.getMessage(), e);
                }
            }
        };
    }
}
