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
package io.github.camelarango.replication.offsets.kafka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelarango.replication.client.Require;
import io.github.camelarango.replication.offsets.LeasedStateRepository;
import io.github.camelarango.replication.offsets.OffsetFencedException;
import io.github.camelarango.replication.offsets.OffsetOwnership;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A position store shared by several processes over a compacted Kafka topic, as Kafka Connect keeps its offsets: one
 * partition, {@code cleanup.policy=compact}, created when it is missing; read to its end when the store starts and
 * again before every read and claim, so a process sees what the others wrote. Every write is synchronous
 * ({@code acks=all}, idempotent). A position is the record {@code position/<key>}; the claim of a key the record
 * {@code claim/<key>} ({@code <epoch> <end of lease, ms> <holder>}), so the two never compact each other.
 * <p>
 * <b>Claims and fencing.</b> A changes consumer claims its key ({@link #claim}) before it starts: refused, naming the
 * holder, while another claim's lease runs; otherwise a producer with the key's own {@code transactional.id} calls
 * {@code initTransactions()}, which fences every earlier producer of that id, and writes the claim with the next epoch.
 * The running stream renews the lease every third of {@link #setLeaseDuration leaseDuration}. Its commits are
 * transactions of that producer: once another process claimed the key, the broker refuses them and the commit fails
 * with an {@link OffsetFencedException}; the position never moves backwards. Safety rests on the broker's producer
 * epochs; the clocks only decide when a lease counts as run out.
 * <p>
 * A key nobody claims (as another Camel component uses a {@code StateRepository}) is written by an idempotent
 * producer, unless a claim holds it.
 */
public final class KafkaStateRepository extends LeasedStateRepository {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStateRepository.class);
    private static final String POSITION = "position/";
    private static final String CLAIM = "claim/";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** The longest a transaction of a writer that died keeps the readers from the records after it. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private String bootstrapServers;
    private String topic = "arango-replication-offsets";
    private int replicationFactor = -1;
    private Map<String, Object> additionalProperties = new HashMap<>();

    /** What the topic says, read up to {@link #catchUp()}; guarded by this. */
    private final Map<String, String> positions = new HashMap<>();
    private final Map<String, ClaimRecord> claims = new HashMap<>();
    private Admin admin;
    private KafkaConsumer<String, String> reader;
    private TopicPartition partition;
    private volatile KafkaProducer<String, String> writer;

    /** A claim as the topic holds it; {@code holder} empty once released. */
    private record ClaimRecord(long epoch, long leaseEnd, String holder) {

        static ClaimRecord parse(String text) {
            String[] parts = text.split(" ", 3);
            return new ClaimRecord(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts.length > 2 ? parts[2] : "");
        }

        String text() {
            return epoch + " " + leaseEnd + " " + holder;
        }

        boolean isHeld() {
            return !holder.isEmpty();
        }

        @Override
        public String toString() {
            return describe(holder, epoch, leaseEnd);
        }
    }

    /** A claim of this store: its epoch and its transactional producer; deposed once another claim fenced it. */
    private static final class Held {
        final String offsetKey;
        final long epoch;
        final String holder;
        final KafkaProducer<String, String> producer;
        volatile boolean deposed;

        Held(String offsetKey, long epoch, String holder, KafkaProducer<String, String> producer) {
            this.offsetKey = offsetKey;
            this.epoch = epoch;
            this.holder = holder;
            this.producer = producer;
        }
    }

    /** A store to configure with its setters (a bean: {@code offsetRepository=#kafkaOffsets}). */
    public KafkaStateRepository() {
        this(Clock.systemUTC());
    }

    /** A store of the topic {@code arango-replication-offsets} of the cluster at {@code bootstrapServers}. */
    public KafkaStateRepository(String bootstrapServers) {
        this();
        setBootstrapServers(bootstrapServers);
    }

    /** @param clock the clock of the leases (tests pause a process by stopping its clock) */
    KafkaStateRepository(Clock clock) {
        super(clock);
    }

    /** The Kafka cluster, {@code host:port[,host:port…]} (required). */
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** The compacted topic of the positions, created with one partition when missing. Default {@code arango-replication-offsets}. */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getTopic() {
        return topic;
    }

    /** The replication factor of the topic when the store creates it; -1 (the default): the broker's default. */
    public void setReplicationFactor(int replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public int getReplicationFactor() {
        return replicationFactor;
    }

    /**
     * More properties of the store's Kafka clients (admin, consumer, producers), e.g. {@code security.protocol} and
     * {@code sasl.jaas.config}; the store sets the serializers, acks, idempotence, isolation and transactional ids
     * itself.
     */
    public void setAdditionalProperties(Map<String, Object> additionalProperties) {
        this.additionalProperties = additionalProperties;
    }

    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @Override
    protected void checkOptions() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw Require.invalid("bootstrapServers", bootstrapServers, "host:port[,host:port...] of the Kafka cluster");
        }
        if (topic == null || topic.isBlank()) {
            throw Require.invalid("topic", topic, "the name of a Kafka topic");
        }
    }

    /**
     * Creates the topic when it is missing and reads it to its end.
     *
     * @throws IllegalArgumentException naming the option when the topic has more than one partition
     */
    @Override
    protected void openStore() throws Exception {
        admin = Admin.create(clientConfig());
        createTopicIfMissing();
        partition = new TopicPartition(topic, 0);
        Map<String, Object> readerConfig = clientConfig();
        readerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        synchronized (this) {
            reader = new KafkaConsumer<>(readerConfig, new StringDeserializer(), new StringDeserializer());
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            catchUp();
        }
        writer = producer(null);
    }

    /** Closes the clients; the claims still held run out with their lease. */
    @Override
    protected void closeStore() {
        held.values().forEach(claim -> claim.producer.close(Duration.ZERO));
        held.clear();
        if (writer != null) {
            writer.close();
        }
        synchronized (this) {
            if (reader != null) {
                reader.close();
            }
            reader = null;
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Override
    public synchronized String getState(String key) {
        catchUp();
        return positions.get(key);
    }

    /**
     * Saves {@code value} under {@code key}: with a claim of this store, in a transaction of the claim's producer;
     * without one, if no claim holds the key.
     *
     * @throws OffsetFencedException when another claim took the key from this store's claim
     * @throws IllegalStateException when another claim holds the key this store does not claim, or Kafka failed
     */
    @Override
    public void setState(String key, String value) {
        Held claim = held.get(key);
        if (claim != null) {
            if (!writeClaimed(claim, POSITION + key, value)) {
                throw fenced(claim);
            }
            return;
        }
        synchronized (this) {
            catchUp();
            ClaimRecord current = claims.get(key);
            if (current != null && current.isHeld()) {
                throw claimedByAnother(key, current.toString());
            }
        }
        try {
            writer.send(new ProducerRecord<>(topic, POSITION + key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot save offsetKey '" + key + "' in topic " + topic + ": "
                                            + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving offsetKey '" + key + "' in topic " + topic, e);
        }
    }

    /**
     * Claims {@code offsetKey} with a new epoch, unless the lease of another claim still runs.
     *
     * @throws IllegalStateException naming the key and its holder when a claim whose lease still runs holds it (or
     *                               won a race with this one)
     */
    @Override
    public Claim claim(String offsetKey, String owner) {
        String holder = holder(owner);
        long epoch;
        synchronized (this) {
            catchUp();
            ClaimRecord current = claims.get(offsetKey);
            if (current != null && current.isHeld() && current.leaseEnd() > now()) {
                throw OffsetOwnership.alreadyUsed(offsetKey, current.toString());
            }
            epoch = current == null ? 1 : current.epoch() + 1;
        }
        KafkaProducer<String, String> producer = producer(transactionalId(offsetKey));
        Held claim = new Held(offsetKey, epoch, holder, producer);
        try {
            producer.initTransactions(); // fences every earlier producer of this key
            if (!writeClaimed(claim, CLAIM + offsetKey, new ClaimRecord(epoch, leaseEnd(), holder).text())) {
                throw OffsetOwnership.alreadyUsed(offsetKey, currentClaim(offsetKey).toString());
            }
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        if (epoch > 1) {
            LOG.debug("offsetKey '{}' claimed with epoch {}", offsetKey, epoch);
        }
        held.put(offsetKey, claim);
        return () -> release(claim);
    }

    /** Ends the claim: the claim record names no holder, if the claim still held the key. */
    private void release(Held claim) {
        if (!held.remove(claim.offsetKey, claim)) {
            return;
        }
        try {
            if (!claim.deposed) {
                writeClaimed(claim, CLAIM + claim.offsetKey, new ClaimRecord(claim.epoch, 0, "").text());
            }
        } finally {
            claim.producer.close(Duration.ofSeconds(5));
        }
    }

    /** Extends the lease of every held claim; a claim found deposed is logged once (its next commit is refused). */
    @Override
    protected void renewLeases() {
        for (Held claim : held.values()) {
            if (claim.deposed) {
                continue;
            }
            try {
                if (!writeClaimed(claim, CLAIM + claim.offsetKey,
                        new ClaimRecord(claim.epoch, leaseEnd(), claim.holder).text())) {
                    logDeposed(claim.offsetKey, claim.holder, claim.epoch);
                }
            } catch (RuntimeException e) {
                logRenewalFailed(e);
            }
        }
    }

    /**
     * Writes one record in a transaction of the claim's producer; false (and the claim deposed) when the broker
     * fenced the producer: another claim of the key initialised its transactions since.
     *
     * @throws IllegalStateException when Kafka failed otherwise (the transaction is aborted)
     */
    private boolean writeClaimed(Held claim, String recordKey, String value) {
        if (claim.deposed) {
            return false;
        }
        synchronized (claim) {
            try {
                claim.producer.beginTransaction();
                claim.producer.send(new ProducerRecord<>(topic, recordKey, value)).get();
                claim.producer.commitTransaction();
                return true;
            } catch (ExecutionException e) {
                return failed(claim, recordKey, e.getCause());
            } catch (KafkaException e) {
                return failed(claim, recordKey, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(claim);
                throw new IllegalStateException("Interrupted while writing " + recordKey + " to topic " + topic, e);
            }
        }
    }

    private boolean failed(Held claim, String recordKey, Throwable e) {
        if (isFenced(e)) {
            claim.deposed = true;
            return false;
        }
        abort(claim);
        throw new IllegalStateException("Cannot write " + recordKey + " to topic " + topic + ": " + e.getMessage(), e);
    }

    /**
     * Whether the broker fenced the producer: said at once, or later as the cause of the error state the producer
     * entered (a fencing noticed by an earlier call: "Cannot execute transactional method because we are in an error
     * state").
     */
    private static boolean isFenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static void abort(Held claim) {
        try {
            claim.producer.abortTransaction();
        } catch (KafkaException e) {
            // the producer is unusable: the claim's next write fails again
        }
    }

    private OffsetFencedException fenced(Held claim) {
        return new OffsetFencedException(claim.offsetKey, claim.epoch, currentClaim(claim.offsetKey).toString());
    }

    private synchronized ClaimRecord currentClaim(String offsetKey) {
        catchUp();
        return Optional.ofNullable(claims.get(offsetKey)).orElse(new ClaimRecord(0, 0, ""));
    }

    /**
     * Reads the topic up to the end it has now, past every transaction in it: a transaction's commit returns before
     * its marker is written, and a reader that stopped at the last stable offset would miss the commit that
     * returned just before (a new owner would start from an older position). Guarded by this.
     */
    private void catchUp() {
        if (reader == null) {
            throw new IllegalStateException("The Kafka offset store is not started");
        }
        long end = endOffset();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (reader.position(partition, READ_TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cannot read topic " + topic + " to its end (offset " + end + ") within "
                                                + READ_TIMEOUT + "; a transaction of a writer that died stays open up "
                                                + "to its timeout (" + TRANSACTION_TIMEOUT + ")");
            }
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
                apply(record.key(), record.value());
            }
        }
    }

    /**
     * The offset after the last record written, committed or not (the high watermark); retried while the broker
     * answers that it may know it soon (a topic just created).
     */
    private long endOffset() {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                        new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).partitionResult(partition)
                        .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot read the end of topic " + topic + ": "
                                                    + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Cannot read the end of topic " + topic + " within " + READ_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the end of topic " + topic, e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the end of topic " + topic, e);
            }
        }
    }

    private void apply(String recordKey, String value) {
        if (recordKey == null) {
            return;
        }
        if (recordKey.startsWith(POSITION)) {
            String key = recordKey.substring(POSITION.length());
            if (value == null) {
                positions.remove(key);
            } else {
                positions.put(key, value);
            }
        } else if (recordKey.startsWith(CLAIM) && value != null) {
            claims.put(recordKey.substring(CLAIM.length()), ClaimRecord.parse(value));
        }
    }

    private void createTopicIfMissing() throws Exception {
        NewTopic newTopic = new NewTopic(topic, Optional.of(1),
                replicationFactor < 0 ? Optional.empty() : Optional.of((short) replicationFactor))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get();
            LOG.info("Created the offset topic {} (1 partition, compacted)", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (description.partitions().size() != 1) {
            throw Require.invalid("topic", topic, "a topic of one partition (it has "
                                                  + description.partitions().size() + "), or a name not in use");
        }
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(additionalProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** A producer of synchronous, idempotent {@code acks=all} writes; transactional when the id is given. */
    private KafkaProducer<String, String> producer(String transactionalId) {
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        }
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** The key's own transactional id in this topic: a new claim's producer fences the earlier ones. */
    private String transactionalId(String offsetKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(offsetKey.getBytes(StandardCharsets.UTF_8));
            return "arango-replication-offsets-" + topic + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
