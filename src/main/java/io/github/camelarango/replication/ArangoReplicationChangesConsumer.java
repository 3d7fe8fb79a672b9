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

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import io.github.camelarango.replication.cdc.CaptureStream;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.ChangeStream;
import io.github.camelarango.replication.cdc.ChangeStreamMetrics;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.ClientReplicationSource;
import io.github.camelarango.replication.cdc.cluster.ClusterChangeStream;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.Require;
import io.github.camelarango.replication.client.ServerRole;
import io.github.camelarango.replication.client.SuperuserJwt;
import io.github.camelarango.replication.client.Ticks;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerHealthCheck;
import io.github.camelarango.replication.consumer.ChangeMessages;
import io.github.camelarango.replication.consumer.ClusterStatus;
import io.github.camelarango.replication.consumer.ConsumerMetersBinding;
import io.github.camelarango.replication.consumer.ConsumerNotifications;
import io.github.camelarango.replication.consumer.ConsumerStatus;
import io.github.camelarango.replication.consumer.DeliveryRule;
import io.github.camelarango.replication.consumer.EngineOptions;
import io.github.camelarango.replication.consumer.ErrorDuringPollException;
import io.github.camelarango.replication.consumer.FailureLog;
import io.github.camelarango.replication.consumer.OffsetKey;
import io.github.camelarango.replication.consumer.OffsetKeyWait;
import io.github.camelarango.replication.consumer.ShardLanes;
import io.github.camelarango.replication.consumer.SyncerIdClaims;
import io.github.camelarango.replication.offsets.OffsetFencedException;
import io.github.camelarango.replication.offsets.OffsetKeyInUseException;
import io.github.camelarango.replication.offsets.OffsetOwnership;
import io.github.camelarango.replication.offsets.OffsetStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code changes} consumer: change data capture of one database through the change-capture engine
 * ({@link ChangeStream}) — a snapshot, then the write-ahead log — one exchange per change, in order, or with batching
 * one exchange per poll whose body is the List of the changes' exchanges.
 * <p>
 * <b>Delivery.</b> Each exchange is processed synchronously; a position is committed to the offset repository only
 * after the exchanges of its change and of every change before it completed without an exception and without
 * rollback. A failed exchange goes to the consumer's exception handler (so bridgeErrorHandler works), stops the
 * current poll, commits the position of the last delivered change and rewinds the engine there, so that the failed
 * change (with batching: the whole batch) is delivered again on the next poll (at-least-once, Kafka's
 * breakOnFirstError semantics).
 * <p>
 * <b>Lanes.</b> With parallelShards above 1 a poll's changes go in lanes, one per shard (per collection on a single
 * server), up to parallelShards of them at once on the threads of the consumer's lane pool ({@link ShardLanes}), each
 * in order; while they run, the poll acknowledges the changes before the first one, in hand-out order, that was not
 * delivered yet (the engine's acknowledgement is cumulative), waits for all of them, and rewinds the engine there when
 * one was not delivered: the changes other lanes delivered after it are delivered again.
 * <p>
 * <b>Commits.</b> The position of the last delivered change is written once per poll, or with a commitInterval at
 * most once per interval (checked at every poll, idle ones included); also when an exchange failed and when the
 * consumer stops.
 * A JVM that dies delivers again, after its restart, the changes delivered since the last write (and, as always, the
 * changes of a WAL transaction before the last one delivered: only its last change carries a position of its own).
 * <p>
 * <b>Polling.</b> One poll takes up to maxEventsPerPoll changes from the engine; the consumer is always greedy (a poll
 * that delivered something is followed by the next at once). Polls never run in parallel: a scheduler with
 * concurrentConsumers above 1 is refused when the consumer starts. The engine spaces its write-ahead log requests
 * while nothing comes (idleMinWait to idleMaxWait, from the start of one to the start of the next), so the
 * scheduler's delay after a poll that found nothing is part of that wait unless it is longer. Failures to reach
 * the server and a lost position (policy FAIL) are poll failures: they go to the exception handler and make the
 * consumer's health check DOWN with what happened and how to recover. The default exception handler, a
 * {@link FailureLog}, logs a failure that repeats at every poll once in full, then one short line per back-off step.
 * <p>
 * <b>Errors.</b> An {@link Error} (an {@code OutOfMemoryError} …) while reading or delivering a change would make
 * Camel cancel the consumer's scheduled task; the consumer rewinds to the committed position instead, reports it as an
 * {@link ErrorDuringPollException} (exception handler, health check DOWN) and tries again at the next poll.
 * <p>
 * <b>Clusters.</b> When the server is a cluster's Coordinator the engine is a {@link ClusterChangeStream}: one stream
 * per DB-Server, authenticated with tokens minted from the jwtSecret, read ahead on a cached pool's threads (one per
 * DB-Server at a time); delivery and commits are the same. The health check is DOWN once a DB-Server stayed
 * unreachable longer than dbServerUnreachableTimeout, and on the engine's stop at a shard's leader change.
 * <p>
 * <b>Status.</b> The JMX attributes read the consumer's {@link ConsumerStatus}, as do its health check, the dev
 * console and its Micrometer meters (when a {@code MeterRegistry} is in the registry).
 * <p>
 * <b>Notifications.</b> The engine's notifications (the snapshot's life, a lost position) are JMX notifications of
 * the consumer's {@link ConsumerNotifications} MBean and, with the {@code notifications} option, exchanges in line
 * with the changes.
 */
@ManagedResource(description = "ArangoDB change data capture consumer")
public class ArangoReplicationChangesConsumer extends ScheduledPollConsumer implements ConsumerStatus.Source {

    private static final Logger LOG = LoggerFactory.getLogger(ArangoReplicationChangesConsumer.class);
    /** How long a stop waits for the last poll to end before it releases the offset key. */
    private static final Duration LAST_POLL_WAIT = Duration.ofSeconds(30);

    private final ArangoReplicationConsumerConfiguration options;
    private final OffsetKey offsetKey;
    private final ChangeMessages messages;
    private final FailureLog failures = new FailureLog(ArangoReplicationChangesConsumer.class);
    /** The claim of the offset key while the consumer runs: one running stream per key and store. */
    private volatile OffsetOwnership.Claim claim;
    /** The store of the position and of the claims, from the start on. */
    private OffsetStore offsets;
    /** Who claims the offset key, as a refusal names it: the route and its CamelContext. */
    private String owner;
    private ConsumerNotifications notifications;
    /** The wait for the offset key while another stream holds it (offsetKeyWaitTimeout); null when not waiting. */
    private volatile OffsetKeyWait keyWait;
    /** Keeps a poll that claims the key and opens the stream apart from the stop. */
    private final Object keyLock = new Object();
    private volatile CaptureStream stream;
    private volatile ChangeStreamMetrics metrics;
    private volatile Throwable lastFailure;
    /** Keeps the dump batch and the registration at the server alive, whatever the route's pace. */
    private ScheduledExecutorService keepAliveTimer;
    /**
     * Runs calls to the server ahead of the route: the snapshot's dump calls (snapshotParallelism threads, made when
     * first needed) and the tail's next call (tailPrefetch).
     */
    private ExecutorService fetcher;
    /** The threads of the lanes (parallelShards above 1), from the start to the stop; null with one lane. */
    private ExecutorService lanePool;
    /** How a poll's changes are delivered: in one lane on the poll's thread, or one lane per shard on the lane pool. */
    private volatile ShardLanes lanes = ShardLanes.single();
    /** The configured syncerId this consumer holds, null when it derives its own. */
    private SyncerIdClaims.Claim syncerIdClaim;
    /** The refused commit of a deposed owner of the offset key: the consumer delivers nothing more until restarted. */
    private volatile OffsetFencedException fenced;
    /** The consumer's Micrometer meters (none without a MeterRegistry). */
    private ConsumerMetersBinding.Meters meters = ConsumerMetersBinding.Meters.NONE;
    /** Unregisters the consumer's notifications MBean (none without JMX). */
    private AutoCloseable notificationsMBean = () -> { };
    /** When (System.nanoTime) a commitInterval allows the next write. */
    private long nextCommitNanos = System.nanoTime();

    public ArangoReplicationChangesConsumer(ArangoReplicationEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.getConsumerConfiguration();
        this.offsetKey = OffsetKey.of(options, endpoint.serverAddress(), endpoint.getConfiguration().getDatabase(),
                Boolean.TRUE.equals(endpoint.getConfiguration().getIncludeSystem()));
        this.messages = ChangeMessages.forChanges(options, offsetKey.value());
        setExceptionHandler(failures); // unless the endpoint sets exceptionHandler or bridgeErrorHandler
    }

    @Override
    public ArangoReplicationEndpoint getEndpoint() {
        return (ArangoReplicationEndpoint) super.getEndpoint();
    }

    @Override
    protected void doBuild() throws Exception {
        ArangoReplicationEndpoint endpoint = getEndpoint();
        setHealthCheck(new ArangoReplicationConsumerHealthCheck(this, "consumer:" + getRouteId(), this::consumerStatus,
                endpoint.getServiceUrl() + " (database '" + endpoint.getConfiguration().getDatabase() + "')"));
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        ArangoReplicationEndpoint endpoint = getEndpoint();
        fenced = null; // a restart of this object (its ManagedConsumer's stop and start) claims the key again
        lastFailure = null;
        nextCommitNanos = System.nanoTime();
        offsets = endpoint.getComponent().defaultOffsetRepositories()
                .offsetStore(getEndpoint().getCamelContext(), options.getOffsetRepository(), options.getOffsetFile());
        owner = "route '" + getRouteId() + "' of CamelContext '" + endpoint.getCamelContext().getName() + "'";
        notifications = new ConsumerNotifications(this, offsetKey.value(), options);
        try {
            claim = offsets.claim(offsetKey.value(), owner);
        } catch (OffsetKeyInUseException refused) {
            if (options.getOffsetKeyWaitTimeout() == 0) {
                throw refused;
            }
            // polls claim it: Camel's start (under ClusteredRoutePolicy: the leadership's event) must not block
            keyWait = new OffsetKeyWait(refused, owner, Duration.ofMillis(options.getOffsetKeyWaitTimeout()));
            lastFailure = keyWait.failure();
        }
        startLanes();
        try {
            if (claim != null) {
                openStreamAtStart();
            }
            super.doStart();
        } catch (Exception | Error e) {
            closeStream();
            stopLanes();
            throw e;
        }
        meters = ConsumerMetersBinding.bind(endpoint.getCamelContext(), meteredName(), this);
        notificationsMBean = notifications.register(endpoint.getCamelContext(), meteredName());
    }

    /**
     * Creates the stream once the consumer holds its offset key: its position is read from the store after the claim,
     * so it continues from the last commit of the stream that held the key before. The server's role decides the
     * engine: a cluster's Coordinator is read through its DB-Servers ({@link ClusterChangeStream}), any other server
     * as one ({@link ChangeStream}).
     *
     * @throws ArangoReplicationException when the server's role cannot be read (unreachable): nothing was created
     */
    private void openStream() {
        ArangoReplicationEndpoint endpoint = getEndpoint();
        ArangoReplicationConfiguration configuration = endpoint.getConfiguration();
        ArangoReplicationClient client = endpoint.getClient();
        boolean cluster = isClusterCoordinator(client.serverInfo().role());
        keepAliveTimer = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "ArangoReplicationKeepAlive");
        ChangeStreamOptions engineOptions = EngineOptions.builder(options, offsetKey.value(), options.getSnapshotMode(),
                Boolean.TRUE.equals(configuration.getIncludeSystem())).listener(notifications).build();
        CaptureStream newStream = cluster ? clusterStream(client, engineOptions) : serverStream(client, engineOptions);
        metrics = newStream.metrics();
        stream = newStream;
        LOG.info("Capturing changes of database '{}'{} as '{}' (snapshotMode {}, positionLostPolicy {})",
                configuration.getDatabase(), cluster ? " of the cluster at " + endpoint.getServiceUrl() : "",
                offsetKey, options.getSnapshotMode(), options.getPositionLostPolicy());
    }

    /**
     * Whether the server is a cluster's Coordinator, whose changes are read from its DB-Servers with the jwtSecret.
     *
     * @throws IllegalArgumentException naming jwtSecret when the server is a Coordinator and the option is not set;
     *                                  naming host when it is a cluster's DB-Server or Agent
     */
    private boolean isClusterCoordinator(ServerRole role) {
        if (role == ServerRole.COORDINATOR) {
            if (options.getJwtSecret() == null) {
                throw Require.invalid("jwtSecret", null, "the JWT secret of the cluster (arangod's "
                        + "--server.jwt-secret): the server at " + getEndpoint().getServiceUrl() + " is a Coordinator "
                        + "of an ArangoDB cluster, whose changes the consumer reads from the write-ahead log of every "
                        + "DB-Server, which only a superuser token signed with that secret may read");
            }
            return true;
        }
        if (role == ServerRole.PRIMARY || role == ServerRole.AGENT) {
            // a DB-Server's collections are shards: captured by name, none would ever match, the route idle and UP
            String address = getEndpoint().serverAddress();
            throw Require.invalid("host", address, "the address of a single server or of a Coordinator of an ArangoDB "
                    + "cluster: the server at " + address + " is " + (role == ServerRole.PRIMARY ? "a DB-Server"
                    : "an Agent") + " of a cluster (role " + role + "), whose changes the consumer reads through a "
                    + "Coordinator (with jwtSecret)");
        }
        if (options.getJwtSecret() != null) {
            // one configuration may serve a single server and a cluster; the secret is sent nowhere
            LOG.warn("Option jwtSecret of route '{}' is ignored: the server at {} is no cluster Coordinator (role {}), "
                     + "so the consumer reads its write-ahead log itself", getRouteId(),
                    getEndpoint().getServiceUrl(), role);
        }
        return false;
    }

    /** The engine of a single server, with its fetcher (snapshotParallelism threads) and configured syncerId. */
    private CaptureStream serverStream(ArangoReplicationClient client, ChangeStreamOptions engineOptions) {
        ClientReplicationSource source = new ClientReplicationSource(client, offsetKey.value());
        if (client.configuration().syncerId() != null) {
            syncerIdClaim = SyncerIdClaims.claim(client.configuration().endpoint().toString(),
                    source.registrationSyncerId(), owner);
        }
        fetcher = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "ArangoReplicationFetcher", options.getSnapshotParallelism());
        return new ChangeStream(source, engineOptions,
                offsetKey.adoptingEarlierDefault(offsets.positions(), offsets::clear), keepAliveTimer, fetcher);
    }

    /**
     * The engine of a cluster: one stream per DB-Server, each reading ahead on a thread of a cached pool (one per
     * DB-Server at a time), authenticated with superuser tokens minted from the jwtSecret.
     */
    private CaptureStream clusterStream(ArangoReplicationClient coordinator, ChangeStreamOptions engineOptions) {
        fetcher = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newCachedThreadPool(this, "ArangoReplicationClusterFetcher");
        char[] secret = options.getJwtSecret().toCharArray();
        try {
            return new ClusterChangeStream(coordinator, SuperuserJwt.of(secret), engineOptions,
                    offsets.clusterPositions(), keepAliveTimer, fetcher);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * Opens the stream as the consumer starts; when the server's role cannot be read yet (unreachable, or an error),
     * the consumer starts without it, DOWN with that failure, and its polls open it once the server answers.
     */
    private void openStreamAtStart() {
        try {
            openStream();
        } catch (ArangoReplicationException e) {
            closeStream();
            lastFailure = e;
        }
    }

    /** Opens the stream the start could not: the server's role is read again (at each poll until it answers). */
    private CaptureStream streamOnceOpened() {
        try {
            openStream();
        } catch (RuntimeException e) {
            closeStream();
            throw failed(e);
        }
        return stream;
    }

    /**
     * The stream of a consumer that waits for its offset key, once a poll claimed the key (at most one try per
     * {@link OffsetKeyWait#RETRY_INTERVAL}); null while another stream holds it, after the wait gave up, or stopping.
     */
    private CaptureStream streamOnceClaimed() {
        synchronized (keyLock) {
            OffsetKeyWait waiting = keyWait;
            if (!isRunAllowed()) {
                return stream;
            }
            if (waiting == null) {
                return claim != null && stream == null ? streamOnceOpened() : stream;
            }
            Optional<OffsetOwnership.Claim> held;
            try {
                held = waiting.tryClaim(() -> offsets.claim(offsetKey.value(), owner));
            } catch (RuntimeException e) { // the store failed: the wait goes on
                throw failed(e);
            }
            lastFailure = waiting.failure();
            if (held.isEmpty()) {
                return null;
            }
            claim = held.get();
            try {
                openStream();
            } catch (RuntimeException e) { // e.g. the syncerId held by another consumer: released, tried again
                closeStream();
                claim = null;
                held.get().close();
                throw failed(e);
            }
            keyWait = null;
            lastFailure = null;
            return stream;
        }
    }

    /**
     * The name the consumer's meters and MBean carry: its route id, or its offset key when it has no route of its own
     * (a consumer wrapped by another, as under {@code master:}; neither a Micrometer tag nor a JMX name takes null).
     */
    private String meteredName() {
        return getRouteId() != null ? getRouteId() : offsetKey.value();
    }

    /**
     * Refuses a scheduler that would run polls in parallel: the changes are delivered in order and each position is
     * committed after the delivery of every change before it.
     */
    @Override
    protected void afterConfigureScheduler(ScheduledPollConsumerScheduler scheduler, boolean newScheduler) {
        if (scheduler instanceof DefaultScheduledPollConsumerScheduler polls && polls.getConcurrentConsumers() > 1) {
            throw Require.invalid("scheduler.concurrentConsumers", polls.getConcurrentConsumers(), "1 (the changes "
                    + "consumer delivers changes in order and commits each position after its delivery, so it cannot "
                    + "poll concurrently; remove scheduler.concurrentConsumers)");
        }
        super.afterConfigureScheduler(scheduler, newScheduler);
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (keyLock) {
            keyWait = null; // a poll claims no more; one that opened the stream is done, its stream closed below
        }
        meters.close();
        notificationsMBean.close();
        notificationsMBean = () -> { };
        CaptureStream last = stream;
        closeStream();
        super.doStop();
        stream = null;
        try {
            releaseOffsetKey(last);
        } finally {
            stopLanes(); // the last poll ended (or was given up on): its lanes ended with it
        }
    }

    /** Makes the lane pool of parallelShards above 1: that many threads deliver the lanes of a poll at once. */
    private void startLanes() {
        if (options.getParallelShards() > 1) {
            lanePool = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "ArangoReplicationShardLanes", options.getParallelShards());
            lanes = ShardLanes.on(lanePool);
        }
    }

    private void stopLanes() {
        lanes = ShardLanes.single();
        if (lanePool != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(lanePool);
            lanePool = null;
        }
    }

    /**
     * Stops the stream (its final registration at the server included, and a call under way waited for), then its
     * keep-alive timer, its fetcher and claims.
     */
    private void closeStream() {
        CaptureStream current = stream;
        if (current != null) {
            current.close();
        }
        meters.followCluster(Map.of());
        if (keepAliveTimer != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(keepAliveTimer);
            keepAliveTimer = null;
        }
        if (fetcher != null) { // idle: closing the stream waited for its calls ahead to end
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(fetcher);
            fetcher = null;
        }
        if (syncerIdClaim != null) {
            syncerIdClaim.release();
            syncerIdClaim = null;
        }
    }

    /**
     * Releases the claim of the offset key (also after a start that failed once it claimed), when the last poll
     * ended: Camel stops the route once the last exchange completed, but the poll still commits its position; the
     * position of a change delivered since the last write (commitInterval) is written before.
     */
    private void releaseOffsetKey(CaptureStream last) throws InterruptedException {
        OffsetOwnership.Claim held = claim;
        claim = null;
        if (held == null) {
            return;
        }
        try {
            long deadline = System.nanoTime() + LAST_POLL_WAIT.toNanos();
            while (isPolling() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (isPolling()) {
                LOG.warn("The last poll of route '{}' still runs {} after the stop; offsetKey '{}' is released anyway",
                        getRouteId(), LAST_POLL_WAIT, offsetKey);
            } else if (last != null && fenced == null) {
                commitOnStop(last);
            }
        } finally {
            held.close();
        }
    }

    /**
     * Takes one batch of changes from the engine, delivers them and commits the position of the last delivered one;
     * the consumer polls greedily, so a poll that delivered something is followed by the next one at once.
     */
    @Override
    protected int poll() throws Exception {
        CaptureStream current = stream != null ? stream : streamOnceClaimed();
        if (current == null || fenced != null) {
            return 0;
        }
        List<ChangeEvent> events;
        try {
            if (current.isFinished()) {
                commitDelivered(current);
                return 0;
            }
            if (commitDue()) {
                commitDelivered(current);
            }
            events = current.poll(options.getMaxEventsPerPoll());
        } catch (OffsetFencedException e) { // the save of a position reached without changes, or of delivered ones
            stopDelivering(current, e);
            return 0;
        } catch (IllegalStateException e) {
            if (!isRunAllowed()) {
                return 0; // closed while stopping
            }
            throw failed(e);
        } catch (RuntimeException e) {
            commitAfterFailure(current, e); // the engine reloads the committed position at its next poll
            throw failed(e);
        } catch (Error e) {
            rewindAfterFailure(current, e); // the engine may have read past what it handed out
            throw failed(new ErrorDuringPollException("Reading changes from the server failed; the next poll reads "
                                                      + "again from the committed position", e));
        }
        if (current instanceof ClusterChangeStream cluster) {
            meters.followCluster(cluster.shardsByServer()); // known once the stream started: at its first poll
        }
        int delivered;
        try {
            delivered = deliverInLanes(current, events);
            if (commitDue()) {
                commitDelivered(current);
            }
        } catch (OffsetFencedException e) {
            stopDelivering(current, e);
            return 0;
        } catch (RuntimeException e) { // an Error while delivering (ErrorDuringPollException) or a failed commit
            rewindAfterFailure(current, e); // nothing after the last saved position may be skipped
            throw failed(e);
        }
        lastFailure = null;
        if (delivered == events.size()) {
            failures.pollSucceeded();
            try {
                heartbeat(current);
            } catch (OffsetFencedException e) {
                stopDelivering(current, e);
            } catch (RuntimeException e) { // the store failed the heartbeat's commit, or an Error while routing it
                throw failed(e);
            }
        }
        return delivered;
    }

    /**
     * Sends the changes in lanes ({@link ShardLanes}: one, or one per shard with parallelShards) until one fails or
     * the consumer stops, acknowledges those handed out before the first one not delivered as they are (a stop closes
     * the stream before the poll ends: a closed cluster stream takes no acknowledgement) and has the engine deliver
     * again every change after it; returns how many were acknowledged. A failure of a lane is thrown once the
     * acknowledgement was made (the poll rewinds then).
     */
    private int deliverInLanes(CaptureStream current, List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        ShardLanes.Outcome outcome = lanes.deliver(events, options.isBatching(),
                options.isBatching() ? this::deliverBatch : changes -> deliver(changes.get(0)), this::isRunAllowed,
                prefix -> current.acknowledge(events.get(prefix - 1))); // cumulative: never past one not delivered
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        if (outcome.prefix() < events.size()) {
            rewind(current); // the rest is delivered again (stopping: after a restart)
        }
        return outcome.prefix();
    }

    /**
     * Sends changes as one batch exchange: whether it was delivered. The exchanges of its List body are not the
     * exchange factory's: whatever keeps the batch exchange (an aggregator, a seda queue, a wire tap: each keeps a copy
     * whose List is the same) keeps them with it, so they must never be reset and handed out again for other changes
     * once the batch exchange completed.
     */
    private boolean deliverBatch(List<ChangeEvent> events) {
        long serverLastTick = metrics.serverLastTick();
        return DeliveryRule.deliver(this,
                message -> messages.writeBatch(events, options.isTombstoneOnDelete(), serverLastTick, message,
                        this::newBatchMember),
                () -> "Batch of " + events.size() + " changes from " + events.get(0) + " was not delivered; the "
                      + "whole batch is delivered again on the next poll (the position stays at the last "
                      + "committed change)");
    }

    /** Whether the position of the delivered changes is to be written now: every poll, or once commitInterval passed. */
    private boolean commitDue() {
        return options.getCommitInterval() == 0 || System.nanoTime() - nextCommitNanos >= 0;
    }

    /**
     * An exchange of a batch's List, made as {@link #createExchange} makes one but not taken from the exchange factory:
     * it belongs to whatever keeps the batch, so the factory must never reset and reuse it.
     */
    private Exchange newBatchMember() {
        Exchange change = DefaultExchange.newFromEndpoint(getEndpoint());
        getEndpoint().configureExchange(change);
        change.getExchangeExtension().setFromRouteId(getRouteId());
        return change;
    }

    /** Writes the position of the last delivered change, if one awaits its write. */
    private void commitDelivered(CaptureStream current) {
        if (current.saveDelivered()) {
            nextCommitNanos = System.nanoTime() + options.getCommitInterval() * 1_000_000L;
        }
    }

    /**
     * Writes the position of the changes delivered so far, then has the engine deliver again every change after it
     * (from the last committed position, should the write fail).
     */
    private void rewind(CaptureStream current) {
        try {
            commitDelivered(current);
        } finally {
            current.rewind();
        }
    }

    /** {@link #commitDelivered} after {@code failure}, to which a failure of the write is added. */
    private void commitAfterFailure(CaptureStream current, Throwable failure) {
        try {
            commitDelivered(current);
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the next poll writes it (unless the engine forgot it: delivered again then)
        }
    }

    /** {@link #rewind} after {@code failure}, to which a failure of the write is added. */
    private void rewindAfterFailure(CaptureStream current, Throwable failure) {
        try {
            rewind(current);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The stop writes the position of the last delivered change; a failure is logged, the stop goes on. */
    private void commitOnStop(CaptureStream last) {
        try {
            commitDelivered(last);
        } catch (RuntimeException e) {
            LOG.warn("Route '{}' could not write its last position when it stopped; a restart delivers again the "
                     + "changes after the last written one: {}", getRouteId(), e.getMessage());
        }
    }

    /**
     * Gives a due heartbeat: sends its exchange (heartbeatExchange) and commits its position once that completed.
     */
    private void heartbeat(CaptureStream current) {
        Optional<ChangePosition> position = current.heartbeat();
        if (position.isEmpty()) {
            return;
        }
        if (options.isHeartbeatExchange() && !DeliveryRule.deliver(this,
                message -> messages.writeHeartbeat(position.get(), metrics.serverLastTick(), message),
                () -> "Heartbeat at tick " + Ticks.format(position.get().from()) + " was not delivered; the position "
                      + "stays at the last committed one")) {
            return;
        }
        current.commitHeartbeat(position.get());
    }

    /**
     * Another stream claimed the offset key since this one did (the store refused the commit): delivering more would
     * only repeat what the other delivers. The health check is DOWN with the store's words until a restart.
     */
    private void stopDelivering(CaptureStream current, OffsetFencedException e) {
        fenced = e;
        lastFailure = e;
        current.close();
        LOG.error("Route '{}' stopped delivering changes: {}", getRouteId(), e.getMessage());
    }

    private RuntimeException failed(RuntimeException e) {
        lastFailure = e;
        return e;
    }

    /** Sends the event's exchange (and its tombstone); false when one failed, after reporting the failure. */
    private boolean deliver(ChangeEvent event) {
        long serverLastTick = metrics.serverLastTick();
        Supplier<String> notDelivered = () -> "Change " + event + " was not delivered; it is delivered again on the "
                                              + "next poll (the position stays at the last committed change)";
        if (!DeliveryRule.deliver(this, message -> messages.write(event, serverLastTick, message.getExchange()),
                notDelivered)) {
            return false;
        }
        return !options.isTombstoneOnDelete() || !ChangeMessages.needsTombstone(event)
               || DeliveryRule.deliver(this,
                       message -> messages.writeTombstone(event, serverLastTick, message.getExchange()), notDelivered);
    }

    /** What the consumer can tell about itself now; before it started, without the engine's figures. */
    @Override
    public ConsumerStatus consumerStatus() {
        return ConsumerStatus.of(offsetKey.value(), metrics, lastFailure, clusterStatus());
    }

    /** The figures per DB-Server and shard when the consumer reads a cluster; null otherwise. */
    private ClusterStatus clusterStatus() {
        return stream instanceof ClusterChangeStream cluster
                ? ClusterStatus.of(cluster.serverMetrics(), cluster.shardsByServer(), cluster.unreachableSince(),
                        Duration.ofMillis(options.getDbServerUnreachableTimeout()))
                : null;
    }

    @ManagedAttribute(description = "Key of the position in the offset repository")
    public String getOffsetKey() {
        return offsetKey.value();
    }

    @ManagedAttribute(description = "Phase of the change stream: SNAPSHOT or TAIL (empty before the first poll)")
    public String getPhase() {
        return consumerStatus().phase();
    }

    @ManagedAttribute(description = "Tick of the last committed position (unsigned 64-bit decimal)")
    public String getCommittedTick() {
        return consumerStatus().committedTick();
    }

    @ManagedAttribute(description = "Latest write-ahead log tick of the server as last seen (unsigned 64-bit decimal)")
    public String getServerLastTick() {
        return consumerStatus().serverLastTick();
    }

    @ManagedAttribute(description = "How many ticks the committed position is behind the server")
    public long getLagTicks() {
        return consumerStatus().lagTicks();
    }

    @ManagedAttribute(description = "Changes handed out by the engine, by change type")
    public Map<String, Long> getEventsByType() {
        return consumerStatus().eventsByType();
    }

    @ManagedAttribute(description = "Snapshot progress per collection: documents read, of about how many while the"
                                    + " dump runs (the collection's count when it began), done when it is complete")
    public Map<String, String> getSnapshotProgress() {
        return consumerStatus().snapshotProgress();
    }

    @ManagedAttribute(description = "How often the position was lost (purged write-ahead log, expired batch)")
    public long getPositionLostCount() {
        return consumerStatus().positionLostCount();
    }

    @ManagedAttribute(description = "WAL transactions begun but not yet committed, as of the last tail answer")
    public long getOpenTransactions() {
        return consumerStatus().openTransactions();
    }

    @ManagedAttribute(description = "Changes held in memory for open WAL transactions (bounded by transactionBufferSize)")
    public long getBufferedTransactionEvents() {
        return consumerStatus().bufferedTransactionEvents();
    }

    @ManagedAttribute(description = "Write-ahead log markers the engine did not know, whatever unknownMarkerPolicy did with them")
    public long getUnknownMarkers() {
        return consumerStatus().unknownMarkers();
    }

    @ManagedAttribute(description = "Per DB-Server of a cluster: the phase, committed and last tick, lag in ticks, the "
                                    + "shards read from it and since when it is unreachable (empty for a single server)")
    public Map<String, String> getDbServers() {
        ClusterStatus cluster = consumerStatus().cluster();
        return cluster == null ? Map.of() : cluster.describeServers();
    }

    @ManagedAttribute(description = "Per shard of a cluster: its collection, the DB-Server it is read from and its lag "
                                    + "in ticks (empty for a single server)")
    public Map<String, String> getShards() {
        ClusterStatus cluster = consumerStatus().cluster();
        return cluster == null ? Map.of() : cluster.describeShards();
    }

    @ManagedAttribute(description = "Whether the position is lost and the consumer stopped delivering (positionLostPolicy FAIL)")
    public boolean isPositionLost() {
        return consumerStatus().positionLost();
    }
}
