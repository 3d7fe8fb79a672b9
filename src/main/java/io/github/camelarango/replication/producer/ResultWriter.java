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
package io.github.camelarango.replication.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import io.github.camelarango.replication.ArangoReplicationConstants;
import io.github.camelarango.replication.client.ReplicationHeaders;
import io.github.camelarango.replication.client.ReplicationStream;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Writes the result of one operation into the message: the body, and for the streamed answers (dump, walTail) the
 * server's replication headers.
 */
public final class ResultWriter {

    private final Exchange exchange;
    private final Message message;

    public ResultWriter(Exchange exchange) {
        this.exchange = exchange;
        this.message = exchange.getMessage();
    }

    /** Puts the result of the operation into the message body. */
    void body(Object result) {
        message.setBody(result);
    }

    /**
     * Writes a streamed answer: its replication headers, and as body either its lines read into a list
     * (deserialize) or its newline-delimited JSON as an InputStream. The stream stays open while the route reads it
     * and is closed (its connection released) when the exchange completes, whether it succeeded or failed.
     *
     * @param lines the typed lines of the answer
     * @param item  what each line becomes in the list
     */
    <S extends ReplicationStream, T> void lines(S response, boolean deserialize, Function<S, Iterator<T>> lines,
                                                Function<T, ?> item) {
        replicationHeaders(response.headers());
        if (!deserialize) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    response.close();
                }
            });
            message.setBody(response.body());
            return;
        }
        try (response) {
            List<Object> items = new ArrayList<>();
            lines.apply(response).forEachRemaining(line -> items.add(item.apply(line)));
            message.setBody(items);
        }
    }

    /**
     * Copies the server's x-arango-replication-* headers to their Camel headers; a result header the server did not
     * send is removed, so the headers always describe this answer.
     */
    void replicationHeaders(ReplicationHeaders headers) {
        if (headers == null) {
            return;
        }
        setIfPresent(ArangoReplicationConstants.CHECK_MORE, headers.checkMore());
        setIfPresent(ArangoReplicationConstants.LAST_INCLUDED, tickText(headers.lastIncluded()));
        setIfPresent(ArangoReplicationConstants.LAST_SCANNED, tickText(headers.lastScanned()));
        setIfPresent(ArangoReplicationConstants.LAST_TICK, tickText(headers.lastTick()));
        setIfPresent(ArangoReplicationConstants.FROM_PRESENT, headers.fromPresent());
        setIfPresent(ArangoReplicationConstants.ACTIVE, headers.active());
    }

    private void setIfPresent(String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
        }
    }

    private static String tickText(Long tick) {
        return tick == null ? null : Ticks.format(tick);
    }
}
