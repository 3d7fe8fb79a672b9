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

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claims of offset keys: one holder per store and key, in this JVM and, on the default file store, beyond. */
class OffsetStoreTest {

    @TempDir
    Path folder;

    private final CamelContext context = new DefaultCamelContext();
    private final DefaultOffsetRepositories component = new DefaultOffsetRepositories();
    private final DefaultOffsetRepositories otherComponent = new DefaultOffsetRepositories();

    @AfterEach
    void stop() {
        component.stopAll();
        otherComponent.stopAll();
    }

    private OffsetStore fileStore(DefaultOffsetRepositories repositories) {
        return repositories.offsetStore(context, null, folder.resolve("offsets.dat").toString());
    }

    @Test
    void aHeldKeyIsRefusedNamingItsHolderUntilReleased() {
        OffsetStore store = fileStore(component);
        OffsetOwnership.Claim claim = store.claim("k", "route 'a'");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.claim("k", "route 'b'"));
        assertEquals("offsetKey 'k' is already used by route 'a'; give one of them its own offsetKey", e.getMessage());
        store.claim("other", "route 'b'").close();

        claim.close();
        claim.close(); // a second release does nothing
        store.claim("k", "route 'b'").close();
    }

    @Test
    void twoComponentsOnOneFileShareTheClaims() {
        OffsetOwnership.Claim claim = fileStore(component).claim("k", "route 'a' of CamelContext 'one'");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fileStore(otherComponent).claim("k", "route 'a' of CamelContext 'two'"));
        assertTrue(e.getMessage().contains("already used by route 'a' of CamelContext 'one'"), e.getMessage());
        claim.close();
        fileStore(otherComponent).claim("k", "route 'a' of CamelContext 'two'").close();
    }

    @Test
    void theOwnerFileOfAKeyNamesTheProcessAndTheRoute() throws Exception {
        try (OffsetOwnership.Claim ignored = fileStore(component).claim("changes:db1:8529/shop/*?673717a2", "route 'a'")) {
            List<Path> owners;
            try (var files = Files.list(folder)) {
                owners = files.filter(p -> p.getFileName().toString().endsWith(".owner")).toList();
            }
            assertEquals(1, owners.size(), owners.toString());
            assertTrue(owners.get(0).getFileName().toString().matches("offsets\\.dat\\.[0-9a-f]{16}\\.owner"), owners.toString());
            assertEquals(ManagementFactory.getRuntimeMXBean().getName() + " (route 'a')",
                    Files.readString(owners.get(0), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void repositoriesOfTheirOwnAreTwoStoresEvenWhenEqual() {
        MemoryStateRepository first = new MemoryStateRepository() {
            @Override
            public boolean equals(Object other) {
                return other instanceof MemoryStateRepository;
            }

            @Override
            public int hashCode() {
                return 1;
            }
        };
        OffsetStore one = component.offsetStore(context, first, "unused");
        OffsetStore two = component.offsetStore(context, new MemoryStateRepository(), "unused");
        try (OffsetOwnership.Claim a = one.claim("k", "route 'a'"); OffsetOwnership.Claim b = two.claim("k", "route 'b'")) {
            assertThrows(IllegalStateException.class,
                    () -> component.offsetStore(context, first, "unused").claim("k", "route 'c'"),
                    "the same repository object is one store");
        }
    }

    @Test
    void aReleaseTheSharedStoreFailedStillReleasesTheKeyInThisJvm() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStateRepository repository = new JdbcStateRepository(database);
        OffsetStore store = component.offsetStore(context, repository, "unused");
        OffsetOwnership.Claim claim = store.claim("k", "route 'a'");
        try (Connection connection = database.getConnection(); Statement drop = connection.createStatement()) {
            drop.executeUpdate("DROP TABLE arango_replication_offsets"); // the database fails the release
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, claim::close);
        assertTrue(e.getMessage().startsWith("Cannot release offsetKey 'k' in the offset table"), e.getMessage());

        repository.stop();
        repository.start(); // the table is back
        store.claim("k", "route 'b'").close(); // the route can start again once the store answers
    }
}
