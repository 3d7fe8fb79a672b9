package io.github.camelarango.replication;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.cdc.PositionLostException;
import io.github.camelarango.replication.cdc.PositionStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code changes} consumer: change data capture of one database through the change-capture engine
 * ({@link ChangeStream}) — a snapshot, then the write-ahead log — one exchange per change, in order.
 * <p>
 * <b>Delivery.</b> Each exchange is processed synchronously; its position is committed to the offset repository only
 * after it completed without an exception and without rollback. A failed exchange goes to the consumer's exception
 * handler (so bridgeErrorHandler works), stops the current poll and rewinds the engine to the last committed position,
 * so that the change is delivered again on the next poll (at-least-once, Kafka's breakOnFirstError semantics).
 * <p>
 * <b>Polling.</b> One poll takes up to maxEventsPerPoll changes from the engine; the consumer is always greedy (a poll
 * that delivered something is followed by the next at once). The engine waits between empty write-ahead log answers
 * (idleMinWait to idleMaxWait) and the scheduler's delay comes on top when a poll found nothing. Failures to reach
 * the server and a lost position (policy FAIL) are poll failures: they go to the exception handler and make the
 * consumer's health check DOWN with what happened and how to recover.
 */
@ManagedResource(description = "ArangoDB change data capture consumer")
public class ArangoReplicationChangesConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ArangoReplicationChangesConsumer.class);

    private final ArangoReplicationConsumerConfiguration options;
    private final String offsetKey;
    private final ChangeMessages messages;
    private volatile ChangeStream stream;
    private volatile ChangeStreamMetrics metrics;
    private volatile Throwable lastFailure;

    public ArangoReplicationChangesConsumer(ArangoReplicationEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.offsetKey = options.getOffsetKey() != null ? options.getOffsetKey()
                : ChangeStreamSettings.defaultOffsetKey(endpoint.getConfiguration(), options);
        this.messages = ChangeStreamSettings.isDebezium(options)
                ? ChangeMessages.debeziumEnvelope(offsetKey, version(), options.getUpsertOp())
                : ChangeMessages.nativeEnvelope(offsetKey);
    }

    @Override
    public ArangoReplicationEndpoint getEndpoint() {
        return (ArangoReplicationEndpoint) super.getEndpoint();
    }

    @Override
    protected void doBuild() throws Exception {
        setHealthCheck(new ArangoReplicationConsumerHealthCheck(this, "consumer:" + getRouteId()));
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        StateRepository<String, String> repository = options.getOffsetRepository() != null
                ? options.getOffsetRepository()
                : getEndpoint().getComponent().defaultOffsetRepository(options.getOffsetFile());
        ServiceHelper.startService(repository); // a repository from the registry is not started by anyone else
        PositionStore store = PositionStore.ofStrings(repository::getState, repository::setState);
        ChangeStream newStream = new ChangeStream(getEndpoint().getClient(),
                ChangeStreamSettings.options(getEndpoint().getConfiguration(), options, offsetKey,
                        options.getSnapshotMode()),
                store);
        metrics = newStream.metrics();
        stream = newStream;
        LOG.info("Capturing changes of database '{}' as '{}' (snapshotMode {}, positionLostPolicy {})",
                getEndpoint().getConfiguration().getDatabase(), offsetKey, options.getSnapshotMode(),
                options.getPositionLostPolicy());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        ChangeStream current = stream;
        if (current != null) {
            current.close();
        }
        super.doStop();
        stream = null;
    }

    /**
     * Takes one batch of changes from the engine and delivers them; the consumer polls greedily, so a poll that
     * delivered something is followed by the next one at once.
     */
    @Override
    protected int poll() throws Exception {
        ChangeStream current = stream;
        if (current == null || current.isFinished()) {
            return 0;
        }
        List<ChangeEvent> events;
        try {
            events = current.poll(options.getMaxEventsPerPoll());
        } catch (IllegalStateException e) {
            if (!isRunAllowed()) {
                return 0; // closed while stopping
            }
            throw failed(e);
        } catch (RuntimeException e) {
            throw failed(e);
        }
        lastFailure = null;
        int delivered = 0;
        for (ChangeEvent event : events) {
            if (!isRunAllowed() || !deliver(event)) {
                current.rewind(); // the rest of the batch is delivered again (stopping: after a restart)
                break;
            }
            try {
                current.commit(event.position());
            } catch (RuntimeException e) {
                current.rewind(); // nothing after the last saved position may be skipped
                throw failed(e);
            }
            delivered++;
        }
        return delivered;
    }

    private RuntimeException failed(RuntimeException e) {
        lastFailure = e;
        return e;
    }

    /** Processes the event's exchange (and its tombstone); false when it failed, after reporting the failure. */
    private boolean deliver(ChangeEvent event) {
        if (!process(event, false)) {
            return false;
        }
        return !options.isTombstoneOnDelete() || !ChangeMessages.needsTombstone(event) || process(event, true);
    }

    private boolean process(ChangeEvent event, boolean tombstone) {
        Exchange exchange = createExchange(false);
        try {
            if (tombstone) {
                messages.writeTombstone(event, exchange.getMessage());
            } else {
                messages.write(event, exchange.getMessage());
            }
            ChangeStreamMetrics current = metrics;
            if (current != null && current.serverLastTick() != 0) {
                exchange.getMessage().setHeader(ArangoReplicationConstants.LAST_TICK,
                        Long.toUnsignedString(current.serverLastTick()));
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = Deliveries.succeeded(exchange, getExceptionHandler(), () -> "Change " + event + " was not delivered; "
                + "it is delivered again on the next poll (the position stays at the last committed change)");
        releaseExchange(exchange, false);
        return ok;
    }

    /** The failure of the last poll (server unreachable, position lost...), null when it succeeded. */
    Throwable getLastFailure() {
        return lastFailure;
    }

    /** The position key in the offset repository. */
    @ManagedAttribute(description = "Key of the position in the offset repository")
    public String getOffsetKey() {
        return offsetKey;
    }

    @ManagedAttribute(description = "Phase of the change stream: SNAPSHOT or TAIL (empty before the first poll)")
    public String getPhase() {
        ChangeStreamMetrics m = metrics;
        return m == null || m.phase() == null ? "" : m.phase().name();
    }

    @ManagedAttribute(description = "Tick of the last committed position (unsigned 64-bit decimal)")
    public String getCommittedTick() {
        ChangeStreamMetrics m = metrics;
        return m == null ? "0" : Long.toUnsignedString(m.committedTick());
    }

    @ManagedAttribute(description = "Latest write-ahead log tick of the server as last seen (unsigned 64-bit decimal)")
    public String getServerLastTick() {
        ChangeStreamMetrics m = metrics;
        return m == null ? "0" : Long.toUnsignedString(m.serverLastTick());
    }

    @ManagedAttribute(description = "How many ticks the committed position is behind the server")
    public long getLagTicks() {
        ChangeStreamMetrics m = metrics;
        return m == null ? 0 : m.lagTicks();
    }

    @ManagedAttribute(description = "Changes handed out by the engine, by change type")
    public Map<String, Long> getEventsByType() {
        Map<String, Long> counts = new TreeMap<>();
        ChangeStreamMetrics m = metrics;
        if (m != null) {
            m.eventsByType().forEach((type, count) -> counts.put(type.name(), count));
        }
        return counts;
    }

    @ManagedAttribute(description = "Snapshot progress per collection: documents read, of about how many while the"
                                    + " dump runs (the collection's count when it began), done when it is complete")
    public Map<String, String> getSnapshotProgress() {
        Map<String, String> progress = new TreeMap<>();
        ChangeStreamMetrics m = metrics;
        if (m != null) {
            m.snapshotProgress().forEach((collection, p) -> progress.put(collection, describe(p)));
        }
        return progress;
    }

    /** {@code 120 of about 1000} while the dump runs ({@code 120} without a count), {@code 1000 done} after it. */
    static String describe(ChangeStreamMetrics.CollectionProgress progress) {
        if (progress.completed()) {
            return progress.documentsRead() + " done";
        }
        return progress.documentsRead()
               + (progress.estimatedTotal().isPresent() ? " of about " + progress.estimatedTotal().getAsLong() : "");
    }

    @ManagedAttribute(description = "How often the position was lost (purged write-ahead log, expired batch)")
    public long getPositionLostCount() {
        ChangeStreamMetrics m = metrics;
        return m == null ? 0 : m.positionLostCount();
    }

    @ManagedAttribute(description = "WAL transactions begun but not yet committed, as of the last tail answer")
    public long getOpenTransactions() {
        ChangeStreamMetrics m = metrics;
        return m == null ? 0 : m.openTransactions();
    }

    @ManagedAttribute(description = "Changes held in memory for open WAL transactions (bounded by maxTransactionEvents)")
    public long getBufferedTransactionEvents() {
        ChangeStreamMetrics m = metrics;
        return m == null ? 0 : m.bufferedTransactionEvents();
    }

    @ManagedAttribute(description = "Whether the position is lost and the consumer stopped delivering (positionLostPolicy FAIL)")
    public boolean isPositionLost() {
        return lastFailure instanceof PositionLostException;
    }

    /** The engine's figures, null before the consumer started. */
    public ChangeStreamMetrics getMetrics() {
        return metrics;
    }

    private static String version() {
        String version = ArangoReplicationChangesConsumer.class.getPackage().getImplementationVersion();
        return version != null ? version : "1.0.0";
    }
}
