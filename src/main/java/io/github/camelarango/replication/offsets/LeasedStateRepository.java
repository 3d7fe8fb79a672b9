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
package io.github.camelarango.replication.offsets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelarango.replication.client.Require;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the position stores shared over the network have in common ({@link JdbcStateRepository}, the Kafka store of
 * the module {@code offsets-kafka}): a claim of a key holds a lease of {@link #setLeaseDuration leaseDuration}, renewed
 * every third of it while the stream runs, and names its holder as {@code <pid>@<host> (<owner>)}; a second claim is
 * refused while the lease runs, a claim after it takes the key with a new epoch and fences the earlier one.
 */
public abstract class LeasedStateRepository extends ServiceSupport
        implements StateRepository<String, String>, OffsetOwnership {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedStateRepository.class);

    private final Clock clock;
    private Duration leaseDuration = Duration.ofSeconds(30);
    private ScheduledExecutorService renewer;

    /** @param clock the clock of the leases (tests pause a process by stopping its clock) */
    protected LeasedStateRepository(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long a claim of a key outlives its last renewal (renewed every third of it while the stream runs): the
     * longest a fail-over waits for the key of a process that died or paused; at least one second, default 30
     * seconds.
     */
    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    /**
     * Checks the options ({@link #checkOptions()}, then leaseDuration), opens the store ({@link #openStore()}) and renews
     * the leases of its claims from then on.
     *
     * @throws IllegalArgumentException naming the option when it is missing or invalid
     */
    @Override
    protected final void doStart() throws Exception {
        checkOptions();
        if (leaseDuration == null || leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw Require.invalid("leaseDuration", leaseDuration, "a duration of at least one second (PT1S)");
        }
        openStore();
        String name = getClass().getSimpleName();
        renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "arango-replication-offset-leases " + name);
            thread.setDaemon(true);
            return thread;
        });
        long period = renewalPeriod().toMillis();
        renewer.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops renewing and closes the store; the claims still held run out with their lease. */
    @Override
    protected final void doStop() throws Exception {
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
        }
        closeStore();
    }

    /**
     * Checks the store's own options.
     *
     * @throws IllegalArgumentException naming the option when it is missing or invalid
     */
    protected abstract void checkOptions();

    /** Opens the store: creates its table or topic when missing. */
    protected abstract void openStore() throws Exception;

    /** Extends the lease of every claim the store holds; runs every {@link #renewalPeriod()}. */
    protected abstract void renewLeases();

    /** Closes the store. */
    protected abstract void closeStore() throws Exception;

    /** How often the leases are renewed: a third of leaseDuration. */
    protected final Duration renewalPeriod() {
        return leaseDuration.dividedBy(3);
    }

    /** Now, by the store's clock, in milliseconds since 1970. */
    protected final long now() {
        return clock.millis();
    }

    /** The end of a lease taken or renewed now, in milliseconds since 1970. */
    protected final long leaseEnd() {
        return now() + leaseDuration.toMillis();
    }

    /** The holder of a claim of {@code owner} from this process: {@code <pid>@<host> (<owner>)}. */
    protected static String holder(String owner) {
        return KeyOwnerFile.PROCESS + " (" + owner + ")";
    }

    /**
     * A claim as a refusal names it: {@code <holder> (epoch <n>, lease until <instant>)}, or, when no claim holds the
     * key ({@code holder} null or empty), that the owner stopped since.
     */
    protected static String describe(String holder, long epoch, long leaseEnd) {
        if (holder == null || holder.isEmpty()) {
            return "another stream that stopped since (no claim holds the key now)";
        }
        return holder + " (epoch " + epoch + ", lease until " + Instant.ofEpochMilli(leaseEnd) + ")";
    }

    /** The refusal of a write without a claim to a key that a claim ({@code claim}, described) holds. */
    protected static IllegalStateException claimedByAnother(String offsetKey, String claim) {
        return new IllegalStateException("offsetKey '" + offsetKey + "' is claimed by " + claim
                                         + "; only its holder may save a position under it");
    }

    /** Logs, once per claim, that a renewal found the claim deposed. */
    protected static void logDeposed(String offsetKey, String holder, long epoch) {
        LOG.warn("offsetKey '{}' was claimed by another stream since {} claimed it (epoch {}); its next commit is "
                 + "refused", offsetKey, holder, epoch);
    }

    /** Logs a renewal that failed; it is tried again after {@link #renewalPeriod()}. */
    protected final void logRenewalFailed(RuntimeException e) {
        LOG.warn("{}; tried again in {} ms", e.getMessage(), renewalPeriod().toMillis());
    }
}
