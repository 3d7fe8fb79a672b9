package io.github.camelarango.replication;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.OpenTransactions;
import io.github.camelarango.replication.client.WalMarker;
import io.github.camelarango.replication.client.WalOpenTransactionsRequest;
import io.github.camelarango.replication.client.WalTailRequest;
import io.github.camelarango.replication.client.WalTailResponse;

/**
 * The logger and write-ahead log operations: logger state and ticks, server id, WAL range, last tick, tail and open
 * transactions.
 */
final class LogOperations {

    private LogOperations() {
    }

    static void register(Map<ArangoReplicationOperation, OperationHandler> handlers) {
        handlers.put(ArangoReplicationOperation.loggerState, (client, p) -> p.result(client.loggerState()));
        handlers.put(ArangoReplicationOperation.loggerFirstTick, (client, p) -> p.result(client.loggerFirstTick()));
        handlers.put(ArangoReplicationOperation.loggerTickRanges, (client, p) -> p.result(client.loggerTickRanges()));
        handlers.put(ArangoReplicationOperation.serverId, (client, p) -> p.result(client.serverId()));
        handlers.put(ArangoReplicationOperation.walRange, (client, p) -> p.result(client.walRange()));
        handlers.put(ArangoReplicationOperation.walLastTick, (client, p) -> p.result(client.walLastTick()));
        handlers.put(ArangoReplicationOperation.walTail, LogOperations::walTail);
        handlers.put(ArangoReplicationOperation.walOpenTransactions, LogOperations::walOpenTransactions);
    }

    /**
     * One WAL tail call: the markers as a list of {@link WalMarker} (deserialize=true), or the newline-delimited JSON
     * as an InputStream that stays open until the exchange completes (deserialize=false).
     */
    private static void walTail(ArangoReplicationClient client, MessageParameters p) {
        Long from = p.from();
        Long lastScanned = p.lastScanned();
        WalTailRequest request = new WalTailRequest(from == null ? 0 : from, p.to(), lastScanned == null ? 0 : lastScanned,
                p.chunkSize(), p.global(), p.collection(), p.includeSystem(), p.serverId(), p.syncerId(), p.clientInfo());
        boolean deserialize = p.deserialize();
        WalTailResponse response = client.walTail(request);
        p.replicationHeaders(response.headers());
        if (!deserialize) {
            p.streamResult(response, response.body());
            return;
        }
        try (response) {
            List<WalMarker> markers = new ArrayList<>();
            Iterator<WalMarker> lines = response.markers();
            while (lines.hasNext()) {
                markers.add(lines.next());
            }
            p.result(markers);
        }
    }

    private static void walOpenTransactions(ArangoReplicationClient client, MessageParameters p) {
        OpenTransactions open = client.walOpenTransactions(new WalOpenTransactionsRequest(
                p.from(), p.to(), p.global(), p.collection(), p.includeSystem()));
        p.replicationHeaders(open.headers());
        p.result(open);
    }
}
