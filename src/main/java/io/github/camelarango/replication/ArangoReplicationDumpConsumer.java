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
package io.github.camelarango.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.InMemoryPositionStore;
import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.consumer.ChangeMessages;
import io.github.camelarango.replication.consumer.DeliveryRule;
import io.github.camelarango.replication.consumer.EngineOptions;
import io.github.camelarango.replication.consumer.ErrorDuringPollException;
import io.github.camelarango.replication.consumer.FailureLog;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The {@code dump} consumer: every scheduled poll takes one consistent snapshot of the chosen collections (a dump
 * batch, the inventory, then the dump of each collection) and sends one exchange per document — or, with
 * {@code dumpChunks}, one per chunk of documents of one collection. The batch is kept alive while dumping and always
 * deleted, also when a route fails or the consumer stops. A failed exchange goes to the exception handler and ends
 * that snapshot; the next poll takes a new one, also after an {@link Error} (passed on as an
 * {@link ErrorDuringPollException}, so that Camel keeps polling). No position is kept between polls. A failure that
 * repeats at every poll is logged once in full, then one short line per back-off step ({@link FailureLog}).
 */
public class ArangoReplicationDumpConsumer extends ScheduledPollConsumer {

    private final ArangoReplicationConsumerConfiguration options;
    private final ChangeMessages messages;
    private final String streamKey;
    private final FailureLog failures = new FailureLog(ArangoReplicationDumpConsumer.class);
    private volatile ChangeStream running;

    public ArangoReplicationDumpConsumer(ArangoReplicationEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.messages = ChangeMessages.forDump(options);
        this.streamKey = EngineOptions.dumpKey(options, endpoint.getConfiguration().getDatabase());
        setExceptionHandler(failures); // unless the endpoint sets exceptionHandler or bridgeErrorHandler
    }

    @Override
    public ArangoReplicationEndpoint getEndpoint() {
        return (ArangoReplicationEndpoint) super.getEndpoint();
    }

    @Override
    protected int poll() throws Exception {
        int sent = 0;
        boolean includeSystem = Boolean.TRUE.equals(getEndpoint().getConfiguration().getIncludeSystem());
        try (ChangeStream snapshot = new ChangeStream(getEndpoint().getClient(),
                EngineOptions.of(options, streamKey, SnapshotMode.INITIAL_ONLY, includeSystem),
                new InMemoryPositionStore())) {
            running = snapshot;
            while (isRunAllowed() && !snapshot.isFinished()) {
                List<ChangeEvent> rows = snapshot.poll(options.getMaxEventsPerPoll());
                int delivered = options.isDumpChunks() ? sendChunks(rows) : sendEach(rows);
                if (delivered < 0) {
                    return sent;
                }
                sent += delivered;
            }
            if (snapshot.isFinished()) {
                failures.pollSucceeded();
            }
        } catch (IllegalStateException e) {
            if (isRunAllowed()) {
                throw e;
            }
        } catch (Error e) {
            throw new ErrorDuringPollException("This snapshot ends here and the next poll takes a new one", e);
        } finally {
            running = null;
        }
        return sent;
    }

    @Override
    protected void doStop() throws Exception {
        ChangeStream snapshot = running;
        if (snapshot != null) {
            snapshot.close();
        }
        super.doStop();
    }

    /** @return exchanges sent, or -1 when one failed */
    private int sendEach(List<ChangeEvent> rows) {
        int sent = 0;
        for (ChangeEvent row : rows) {
            if (!isRunAllowed() || !send(List.of(row))) {
                return -1;
            }
            sent++;
        }
        return sent;
    }

    /** One exchange per run of rows of the same collection. @return exchanges sent, or -1 when one failed */
    private int sendChunks(List<ChangeEvent> rows) {
        int sent = 0;
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && Objects.equals(rows.get(end).collection(), rows.get(start).collection())) {
                end++;
            }
            if (!isRunAllowed() || !send(new ArrayList<>(rows.subList(start, end)))) {
                return -1;
            }
            sent++;
            start = end;
        }
        return sent;
    }

    private boolean send(List<ChangeEvent> rows) {
        return DeliveryRule.deliver(this, message -> {
            if (options.isDumpChunks()) {
                messages.writeChunk(rows, message);
            } else {
                messages.write(rows.get(0), 0, message.getExchange());
            }
        }, () -> "A document of the dump of collection '" + rows.get(0).collection()
                 + "' was not delivered; this snapshot ends here and the next poll takes a new one");
    }
}
