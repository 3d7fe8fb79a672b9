package io.github.camelarango.replication.offsets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

/**
 * A JDBC store of a process that paused (a long GC, a network partition) at a given instant: its clock stands still
 * there, so its claims' leases, renewed or not, run out one lease after it, while the process goes on.
 */
public final class PausedJdbcStore {

    private PausedJdbcStore() {
    }

    public static JdbcStateRepository pausedAt(Instant instant, DataSource dataSource, Duration lease) {
        JdbcStateRepository repository = new JdbcStateRepository(Clock.fixed(instant, ZoneOffset.UTC));
        repository.setDataSource(dataSource);
        repository.setLeaseDuration(lease);
        return repository;
    }
}
