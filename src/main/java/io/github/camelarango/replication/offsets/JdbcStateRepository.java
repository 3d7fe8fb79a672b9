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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.camelarango.replication.client.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A position store shared by several processes over a SQL database: one table, one row per key, created when it is
 * missing. Plain JDBC, so H2, PostgreSQL, MySQL/MariaDB and others work unchanged (README, "Shared position
 * stores", gives the DDL to create the table yourself).
 * <p>
 * <b>Claims and fencing.</b> A changes consumer claims its key ({@link #claim}) before it starts: the row's epoch is
 * raised by one (compare-and-set on the epoch read) and the row names the claimant and the end of its lease. While
 * that lease runs, a second claim is refused naming the key and the holder; the holder renews it every third of
 * {@link #setLeaseDuration leaseDuration}, so a claim outlives its process by one lease at most. Once the lease ran
 * out (the process died, or paused in a long GC or behind a network partition), the next claim takes the key with a
 * new epoch. Every commit of a claimed key is a compare-and-set on the claim's epoch
 * ({@code UPDATE … WHERE offset_key = ? AND claim_epoch = ?}): the commit of a deposed owner changes nothing and
 * fails with an {@link OffsetFencedException}, so the position never moves backwards. Safety rests on the epoch
 * alone; the clocks of the processes only decide when a lease counts as run out.
 * <p>
 * A key nobody claims (as any other Camel component uses a {@code StateRepository}) is written as it comes, unless a
 * claim holds it.
 */
public final class JdbcStateRepository extends LeasedStateRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);
    /** The longest key the table holds: 512 characters fit in a MySQL utf8mb4 primary key. */
    static final int MAX_KEY_LENGTH = 512;
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private DataSource dataSource;
    private String tableName = "arango_replication_offsets";
    private volatile Sql sql;

    /** A claim this repository holds: the key's epoch it took; deposed once another claim took a newer one. */
    private record Held(String offsetKey, long epoch, String owner, AtomicBoolean deposed) {
    }

    /** A repository to configure with its setters (a bean: {@code offsetRepository=#jdbcOffsets}). */
    public JdbcStateRepository() {
        this(Clock.systemUTC());
    }

    /** A repository of {@code dataSource}'s table {@code arango_replication_offsets}. */
    public JdbcStateRepository(DataSource dataSource) {
        this();
        setDataSource(dataSource);
    }

    /** @param clock the clock of the leases (tests pause a process by stopping its clock) */
    JdbcStateRepository(Clock clock) {
        super(clock);
    }

    /** The database of the positions (required). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /**
     * The table of the positions, created when missing: a name of letters, digits and underscores, optionally with
     * its schema ({@code cdc.offsets}). Default {@code arango_replication_offsets}.
     */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getTableName() {
        return tableName;
    }

    @Override
    protected void checkOptions() {
        if (dataSource == null) {
            throw Require.invalid("dataSource", null, "a javax.sql.DataSource (a bean: dataSource=#myDataSource)");
        }
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw Require.invalid("tableName", tableName,
                    "an SQL name of letters, digits and underscores, optionally schema.table");
        }
    }

    /** Creates the table when it is missing. */
    @Override
    protected void openStore() {
        sql = new Sql(tableName);
        createTableIfMissing();
    }

    @Override
    protected void closeStore() {
        // every unit of work closes its connection
    }

    @Override
    public String getState(String key) {
        return call("read offsetKey '" + key + "'", connection -> {
            try (PreparedStatement read = connection.prepareStatement(sql.readValue)) {
                read.setString(1, key);
                try (ResultSet row = read.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /**
     * Saves {@code value} under {@code key}: with a claim of this repository, if the claim still holds the key
     * (and its lease is renewed); without one, if no claim holds the key.
     *
     * @throws OffsetFencedException when another claim took the key from this repository's claim
     * @throws IllegalStateException when another claim holds the key this repository does not claim, or the database
     *                               failed
     */
    @Override
    public void setState(String key, String value) {
        Held claim = held.get(key);
        call("save offsetKey '" + key + "'", connection -> {
            if (claim != null) {
                saveClaimed(connection, claim, value);
            } else {
                saveUnclaimed(connection, key, value);
            }
            return null;
        });
    }

    private void saveClaimed(Connection connection, Held claim, String value) throws SQLException {
        try (PreparedStatement save = connection.prepareStatement(sql.saveClaimed)) {
            save.setString(1, value);
            save.setLong(2, leaseEnd());
            save.setString(3, claim.offsetKey());
            save.setLong(4, claim.epoch());
            if (save.executeUpdate() == 1) {
                return;
            }
        }
        throw new OffsetFencedException(claim.offsetKey(), claim.epoch(), describe(read(connection, claim.offsetKey())));
    }

    private void saveUnclaimed(Connection connection, String key, String value) throws SQLException {
        while (true) {
            try (PreparedStatement save = connection.prepareStatement(sql.saveUnclaimed)) {
                save.setString(1, value);
                save.setString(2, key);
                if (save.executeUpdate() == 1) {
                    return;
                }
            }
            Row row = read(connection, key);
            if (row != null) {
                throw claimedByAnother(key, describe(row));
            }
            if (insert(connection, key, value, 0, null, null)) {
                return;
            } // else another writer inserted it first: write over it as the first statement says
        }
    }

    /**
     * Claims {@code offsetKey} with a new epoch, unless the lease of another claim still runs.
     *
     * @throws IllegalStateException naming the key and its holder when a claim whose lease still runs holds it
     */
    @Override
    public Claim claim(String offsetKey, String owner) {
        checkKey(offsetKey);
        String claimant = holder(owner);
        long epoch = call("claim offsetKey '" + offsetKey + "'", connection -> {
            while (true) {
                Row row = read(connection, offsetKey);
                if (row == null) {
                    if (insert(connection, offsetKey, null, 1, claimant, leaseEnd())) {
                        return 1L;
                    }
                    continue; // inserted by another claimant or writer meanwhile
                }
                if (row.owner() != null && row.leaseEnd() > now()) {
                    throw OffsetOwnership.alreadyUsed(offsetKey, describe(row));
                }
                try (PreparedStatement take = connection.prepareStatement(sql.take)) {
                    take.setLong(1, row.epoch() + 1);
                    take.setString(2, claimant);
                    take.setLong(3, leaseEnd());
                    take.setString(4, offsetKey);
                    take.setLong(5, row.epoch());
                    if (take.executeUpdate() == 1) {
                        if (row.owner() != null) {
                            LOG.info("offsetKey '{}' claimed with epoch {}: the lease of {} had run out",
                                    offsetKey, row.epoch() + 1, describe(row));
                        }
                        return row.epoch() + 1;
                    }
                }
                // another claim took a newer epoch meanwhile: look again, in a new transaction (under REPEATABLE
                // READ, MySQL's default, a read in the same transaction would see the old epoch for ever)
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        });
        Held claim = new Held(offsetKey, epoch, claimant, new AtomicBoolean());
        held.put(offsetKey, claim);
        return () -> release(claim);
    }

    /** Ends the claim: the key's row keeps its position and epoch and names no holder, if the claim still held it. */
    private void release(Held claim) {
        if (!held.remove(claim.offsetKey(), claim)) {
            return;
        }
        call("release offsetKey '" + claim.offsetKey() + "'", connection -> {
            try (PreparedStatement release = connection.prepareStatement(sql.release)) {
                release.setString(1, claim.offsetKey());
                release.setLong(2, claim.epoch());
                release.executeUpdate();
            }
            return null;
        });
    }

    /** Extends the lease of every held claim; a claim found deposed is logged once (its next commit is refused). */
    @Override
    protected void renewLeases() {
        for (Held claim : held.values()) {
            if (claim.deposed().get()) {
                continue;
            }
            try {
                boolean renewed = call("renew the claim of offsetKey '" + claim.offsetKey() + "'", connection -> {
                    try (PreparedStatement renew = connection.prepareStatement(sql.renew)) {
                        renew.setLong(1, leaseEnd());
                        renew.setString(2, claim.offsetKey());
                        renew.setLong(3, claim.epoch());
                        return renew.executeUpdate() == 1;
                    }
                });
                if (!renewed && claim.deposed().compareAndSet(false, true)) {
                    logDeposed(claim.offsetKey(), claim.owner(), claim.epoch());
                }
            } catch (RuntimeException e) {
                logRenewalFailed(e);
            }
        }
    }

    private static void checkKey(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw Require.invalid("offsetKey", key, "at most " + MAX_KEY_LENGTH + " characters in a JDBC store");
        }
    }

    /** A key's row: its epoch, and the holder of its claim and the end of the lease (null and 0 when none). */
    private record Row(long epoch, String owner, long leaseEnd) {
    }

    private Row read(Connection connection, String key) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(sql.readClaim)) {
            read.setString(1, key);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? new Row(row.getLong(1), row.getString(2), row.getLong(3)) : null;
            }
        }
    }

    private static String describe(Row row) {
        return row == null ? describe(null, 0, 0) : describe(row.owner(), row.epoch(), row.leaseEnd());
    }

    /** Inserts a key's row; false when a row of that key exists already (a concurrent insert won). */
    private boolean insert(Connection connection, String key, String value, long epoch, String owner, Long leaseEnd)
            throws SQLException {
        checkKey(key);
        try (PreparedStatement insert = connection.prepareStatement(sql.insert)) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.setLong(3, epoch);
            insert.setString(4, owner);
            if (leaseEnd == null) {
                insert.setNull(5, Types.BIGINT);
            } else {
                insert.setLong(5, leaseEnd);
            }
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            rollback(connection); // nothing was written before the insert in this unit of work
            if (read(connection, key) == null) {
                throw e;
            }
            return false;
        }
    }

    /** SQLState class 23: integrity constraint violation (the primary key). */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private void createTableIfMissing() {
        call("create the table", connection -> {
            if (tableExists(connection)) {
                return null;
            }
            String product = connection.getMetaData().getDatabaseProductName();
            try (Statement create = connection.createStatement()) {
                create.executeUpdate(sql.createTable(product));
                LOG.info("Created the offset table {} ({})", tableName, product);
            } catch (SQLException e) {
                rollback(connection);
                if (!tableExists(connection)) { // else another process created it meanwhile
                    throw e;
                }
            }
            return null;
        });
    }

    private boolean tableExists(Connection connection) throws SQLException {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery(sql.probe).close();
            return true;
        } catch (SQLException e) {
            rollback(connection);
            return false;
        }
    }

    private static void rollback(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback(); // PostgreSQL refuses any statement after a failed one until then
        }
    }

    /** One unit of work on a connection of its own, committed when the connection does not commit each statement. */
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T call(String what, Work<T> work) {
        if (sql == null) {
            throw new IllegalStateException("The JDBC offset store is not started");
        }
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.on(connection);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + what + " in the offset table " + tableName + ": "
                                            + e.getMessage(), e);
        }
    }

    /** The statements on one table. */
    static final class Sql {

        private final String table;
        private final String probe;
        private final String readValue;
        private final String readClaim;
        private final String insert;
        private final String saveClaimed;
        private final String saveUnclaimed;
        private final String take;
        private final String renew;
        private final String release;

        Sql(String table) {
            this.table = table;
            probe = "SELECT offset_key FROM " + table + " WHERE 1 = 0";
            readValue = "SELECT offset_value FROM " + table + " WHERE offset_key = ?";
            readClaim = "SELECT claim_epoch, claim_owner, claim_expires FROM " + table + " WHERE offset_key = ?";
            insert = "INSERT INTO " + table + " (offset_key, offset_value, claim_epoch, claim_owner, claim_expires) "
                     + "VALUES (?, ?, ?, ?, ?)";
            saveClaimed = "UPDATE " + table + " SET offset_value = ?, claim_expires = ? "
                          + "WHERE offset_key = ? AND claim_epoch = ?";
            saveUnclaimed = "UPDATE " + table + " SET offset_value = ? "
                            + "WHERE offset_key = ? AND claim_owner IS NULL";
            take = "UPDATE " + table + " SET claim_epoch = ?, claim_owner = ?, claim_expires = ? "
                   + "WHERE offset_key = ? AND claim_epoch = ?";
            renew = "UPDATE " + table + " SET claim_expires = ? WHERE offset_key = ? AND claim_epoch = ?";
            release = "UPDATE " + table + " SET claim_owner = NULL, claim_expires = NULL "
                      + "WHERE offset_key = ? AND claim_epoch = ?";
        }

        /** The table, with a text type for the value that the database {@code product} has. */
        String createTable(String product) {
            String lower = product.toLowerCase(Locale.ROOT);
            boolean mysql = lower.contains("mysql") || lower.contains("mariadb");
            String text = mysql ? "MEDIUMTEXT" : lower.contains("postgres") ? "TEXT" : "CLOB";
            // MySQL's default collation ignores case and accents: 'Orders' would read the position of 'orders'
            String binary = mysql ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
            return "CREATE TABLE " + table + " (offset_key VARCHAR(" + MAX_KEY_LENGTH + ")" + binary
                   + " NOT NULL PRIMARY KEY, "
                   + "offset_value " + text + ", claim_epoch BIGINT NOT NULL, claim_owner VARCHAR(1000), "
                   + "claim_expires BIGINT)";
        }
    }
}
