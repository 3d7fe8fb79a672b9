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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC store on H2: what every shared store does ({@link LeasedStateRepositoryContract}), and its table, key
 * length and options.
 */
class JdbcStateRepositoryTest extends LeasedStateRepositoryContract {

    private final JdbcDataSource database = new JdbcDataSource();
    private final List<JdbcStateRepository> started = new ArrayList<>();

    JdbcStateRepositoryTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    protected LeasedStateRepository newProcess(Clock clock, Duration lease) {
        JdbcStateRepository repository = new JdbcStateRepository(clock);
        repository.setDataSource(database);
        repository.setLeaseDuration(lease);
        return repository;
    }

    @Override
    protected int longestKey() {
        return JdbcStateRepository.MAX_KEY_LENGTH;
    }

    @AfterEach
    void stop() {
        started.forEach(JdbcStateRepository::stop);
    }

    @Test
    void oneRowPerKeyInTheTableTheFirstStartCreated() {
        process().setState("a", "1");
        process().setState("b", "2");
        process().setState("a", "3");
        assertEquals(2, rows());
    }

    /** The compare-and-set on the epoch: of claims at the same moment, on a new key or a released one, one wins. */
    @Test
    void ofClaimsAtOnceExactlyOneWins() throws Exception {
        int processes = 6;
        List<LeasedStateRepository> stores = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            stores.add(process());
        }
        for (String round : List.of("a new key", "a released key")) {
            CyclicBarrier together = new CyclicBarrier(processes);
            ExecutorService threads = Executors.newFixedThreadPool(processes);
            try {
                List<Future<OffsetOwnership.Claim>> claims = new ArrayList<>();
                for (LeasedStateRepository store : stores) {
                    claims.add(threads.submit(() -> {
                        together.await();
                        try {
                            return store.claim("k", "route 'r'");
                        } catch (IllegalStateException refused) {
                            return null;
                        }
                    }));
                }
                List<OffsetOwnership.Claim> won = new ArrayList<>();
                for (Future<OffsetOwnership.Claim> claim : claims) {
                    OffsetOwnership.Claim held = claim.get(60, TimeUnit.SECONDS);
                    if (held != null) {
                        won.add(held);
                    }
                }
                assertEquals(1, won.size(), round);
                won.get(0).close();
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aKeyLongerThanTheColumnIsRefusedNamingIt() {
        LeasedStateRepository repository = process();
        String key = "k".repeat(JdbcStateRepository.MAX_KEY_LENGTH + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repository.setState(key, "v"));
        assertEquals("Invalid value for option offsetKey: '" + key + "'; allowed is at most 512 characters in a JDBC "
                     + "store", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> repository.claim(key, "route 'r'"));
    }

    @Test
    void invalidOptionsFailTheStartNamingThem() {
        JdbcStateRepository noDataSource = new JdbcStateRepository();
        assertEquals("Invalid value for option dataSource: 'null'; allowed is a javax.sql.DataSource (a bean: "
                     + "dataSource=#myDataSource)",
                assertThrows(IllegalArgumentException.class, noDataSource::start).getMessage());

        JdbcStateRepository badTable = new JdbcStateRepository(database);
        badTable.setTableName("offsets; DROP TABLE x");
        assertEquals("Invalid value for option tableName: 'offsets; DROP TABLE x'; allowed is an SQL name of letters,"
                     + " digits and underscores, optionally schema.table",
                assertThrows(IllegalArgumentException.class, badTable::start).getMessage());

        JdbcStateRepository shortLease = new JdbcStateRepository(database);
        shortLease.setLeaseDuration(Duration.ofMillis(10));
        assertEquals("Invalid value for option leaseDuration: 'PT0.01S'; allowed is a duration of at least one second"
                     + " (PT1S)", assertThrows(IllegalArgumentException.class, shortLease::start).getMessage());
    }

    /** As camel-main and Spring Boot configure a bean: {@code camel.beans.positions.<option> = <text>}. */
    @Test
    void itIsConfiguredAsABeanFromProperties() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("myDataSource", database);
            JdbcStateRepository repository = new JdbcStateRepository();
            Map<String, Object> properties = new HashMap<>(Map.of("dataSource", "#bean:myDataSource",
                    "leaseDuration", "45s", "tableName", "cdc_positions"));
            PropertyBindingSupport.build().withCamelContext(camel).withTarget(repository).withProperties(properties)
                    .withRemoveParameters(true).bind();
            assertEquals(Map.of(), properties, "every property bound");
            assertSame(database, repository.getDataSource());
            assertEquals(Duration.ofSeconds(45), repository.getLeaseDuration());
            repository.start();
            started.add(repository);
            repository.setState("k", "v");
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT offset_value FROM cdc_positions")) {
                assertTrue(row.next());
                assertEquals("v", row.getString(1));
            }
        }
    }

    @Test
    void aTableOfAnotherNameAndSchemaIsCreatedToo() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA cdc");
        }
        JdbcStateRepository repository = new JdbcStateRepository(database);
        repository.setTableName("cdc.positions");
        repository.start();
        started.add(repository);
        repository.setState("k", "v");
        assertEquals("v", repository.getState("k"));
    }

    private int rows() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM arango_replication_offsets")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onMySqlTheKeyComparesByteForByteNotByTheDefaultCaseAndAccentInsensitiveCollation() {
        // utf8mb4_0900_ai_ci would make 'orders' read the position of 'Orders', another stream's
        String create = new JdbcStateRepository.Sql("arango_replication_offsets").createTable("MySQL");
        assertTrue(create.contains("offset_key VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL"),
                create);
        assertTrue(new JdbcStateRepository.Sql("t").createTable("MariaDB").contains("COLLATE utf8mb4_bin"));
        assertTrue(new JdbcStateRepository.Sql("t").createTable("PostgreSQL")
                .contains("offset_key VARCHAR(512) NOT NULL"), "PostgreSQL and H2 compare keys exactly");
    }
}
