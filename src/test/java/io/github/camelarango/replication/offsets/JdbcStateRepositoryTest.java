package io.github.camelarango.replication.offsets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC store on H2: any key and value round-trip and survive a restart, stores of several processes (one
 * repository each) write their keys at once, a second claim of a held key is refused naming the key and the holder,
 * and a deposed owner's commit is refused without moving the position.
 */
class JdbcStateRepositoryTest {

    private final JdbcDataSource database = new JdbcDataSource();
    private final List<JdbcStateRepository> started = new ArrayList<>();

    JdbcStateRepositoryTest() {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void stop() {
        started.forEach(JdbcStateRepository::stop);
    }

    /** A repository of its own, as another process has. */
    private JdbcStateRepository process(Clock clock, Duration lease) {
        JdbcStateRepository repository = new JdbcStateRepository(clock);
        repository.setDataSource(database);
        repository.setLeaseDuration(lease);
        repository.start();
        started.add(repository);
        return repository;
    }

    private JdbcStateRepository process() {
        return process(Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Test
    void anyKeyAndValueRoundTripAndSurviveARestart() {
        Map<String, String> positions = new LinkedHashMap<>();
        positions.put("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"18446744073709551615\"}");
        positions.put("it's \"quoted\"; DROP TABLE arango_replication_offsets; --", "'; --");
        positions.put("ünïcødé ✓ 🚀 日本", "värde ✓ 🚀");
        positions.put("line\nbreak\ttab\\", "a\nb");
        positions.put("", "empty key");
        positions.put("k".repeat(JdbcStateRepository.MAX_KEY_LENGTH), "x".repeat(200_000));
        JdbcStateRepository first = process();
        positions.forEach(first::setState);
        first.setState("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"42\"}");
        positions.put("changes:db1:8529/shop/customers,orders?673717a2", "{\"from\":\"42\"}");
        positions.forEach((key, value) -> assertEquals(value, first.getState(key), key));
        assertNull(first.getState("never saved"));
        first.stop();

        JdbcStateRepository restarted = process();
        positions.forEach((key, value) -> assertEquals(value, restarted.getState(key), key));
        assertEquals(positions.size(), rows(), "one row per key, in the table the first start created");
    }

    @Test
    void aKeyLongerThanTheColumnIsRefusedNamingIt() {
        JdbcStateRepository repository = process();
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

    @Test
    void twoProcessesWriteTheirOwnKeysAtOnce() throws Exception {
        JdbcStateRepository one = process();
        JdbcStateRepository two = process();
        int commits = 300;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> writers = new ArrayList<>();
            for (JdbcStateRepository repository : List.of(one, two)) {
                String key = repository == one ? "orders" : "customers";
                writers.add(threads.submit((Callable<Object>) () -> {
                    try (OffsetOwnership.Claim claim = repository.claim(key, "route '" + key + "'")) {
                        together.await();
                        for (int i = 1; i <= commits; i++) {
                            repository.setState(key, Integer.toString(i));
                            assertEquals(Integer.toString(i), repository.getState(key));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Object> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Integer.toString(commits), two.getState("orders"));
        assertEquals(Integer.toString(commits), one.getState("customers"));
    }

    @Test
    void aSecondClaimWhileTheFirstRunsIsRefusedNamingTheKeyAndTheHolder() {
        JdbcStateRepository first = process();
        JdbcStateRepository second = process();
        OffsetOwnership.Claim claim = first.claim("k", "route 'first' of CamelContext 'a'");
        first.setState("k", "1");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> second.claim("k", "route 'second' of CamelContext 'b'"));
        assertTrue(refused.getMessage().startsWith("offsetKey 'k' is already used by " + KeyOwnerFile.PROCESS
                                                   + " (route 'first' of CamelContext 'a') (epoch 1, lease until "),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; give one of them its own offsetKey"), refused.getMessage());
        IllegalStateException unclaimed = assertThrows(IllegalStateException.class, () -> second.setState("k", "0"));
        assertTrue(unclaimed.getMessage().contains("only its holder may save a position under it"),
                unclaimed.getMessage());
        assertEquals("1", second.getState("k"));

        claim.close();
        try (OffsetOwnership.Claim taken = second.claim("k", "route 'second' of CamelContext 'b'")) {
            assertEquals("1", second.getState("k"), "a claim keeps the position");
            second.setState("k", "2");
        }
        assertEquals("2", first.getState("k"));
        first.setState("k", "3"); // nobody claims it now: written as any StateRepository
        assertEquals("3", second.getState("k"));
    }

    @Test
    void aRunningClaimRenewsItsLease() throws InterruptedException {
        JdbcStateRepository first = process(Clock.systemUTC(), Duration.ofSeconds(1));
        JdbcStateRepository second = process();
        first.claim("k", "route 'first'");
        Thread.sleep(2_500); // two and a half leases, renewed every third of one
        assertThrows(IllegalStateException.class, () -> second.claim("k", "route 'second'"));
    }

    /**
     * The old owner pauses (its clock and its renewals stand still) past its lease; the new owner claims the key and
     * commits; the old one resumes and commits: refused, the position stays the new owner's, and the old one's
     * release leaves the new claim alone.
     */
    @Test
    void theCommitOfADeposedOwnerIsRefusedAndThePositionNeverMovesBack() throws InterruptedException {
        Instant pausedAt = Instant.now();
        JdbcStateRepository old = process(Clock.fixed(pausedAt, ZoneOffset.UTC), Duration.ofSeconds(1));
        JdbcStateRepository next = process();
        OffsetOwnership.Claim oldClaim = old.claim("k", "route 'old'");
        old.setState("k", "10");
        while (Instant.now().isBefore(pausedAt.plusSeconds(1))) {
            Thread.sleep(50);
        }

        OffsetOwnership.Claim nextClaim = next.claim("k", "route 'next'");
        assertEquals("10", next.getState("k"), "the new owner continues from the old one's last commit");
        next.setState("k", "20");

        OffsetFencedException fenced = assertThrows(OffsetFencedException.class, () -> old.setState("k", "11"));
        assertEquals("k", fenced.offsetKey());
        assertTrue(fenced.getMessage().startsWith("offsetKey 'k' was claimed by " + KeyOwnerFile.PROCESS
                                                  + " (route 'next') (epoch 2, lease until "), fenced.getMessage());
        assertTrue(fenced.getMessage().contains("since this stream claimed it (epoch 1); the commit of this deposed "
                                                + "stream is refused"), fenced.getMessage());
        assertEquals("20", next.getState("k"), "the refused commit changed nothing");
        assertThrows(OffsetFencedException.class, () -> old.setState("k", "12"), "and every later one too");

        oldClaim.close();
        next.setState("k", "21");
        assertEquals("21", old.getState("k"), "the old owner's release left the new claim alone");
        assertThrows(IllegalStateException.class, () -> old.claim("k", "route 'old'"));
        nextClaim.close();
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
}
