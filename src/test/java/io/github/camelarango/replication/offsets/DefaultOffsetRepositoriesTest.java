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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.github.camelarango.replication.cdc.ChangePosition;
import io.github.camelarango.replication.cdc.PositionStore;
import io.github.camelarango.replication.client.Json;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The position store of a consumer: its own repository, started, or one shared default file store per file. */
class DefaultOffsetRepositoriesTest {

    private static final String PROPERTY = "camel.arango.replication.offsets.test.dir";

    @TempDir
    Path folder;

    private final CamelContext context = new DefaultCamelContext();
    private final DefaultOffsetRepositories repositories = new DefaultOffsetRepositories();

    @AfterEach
    void stop() {
        repositories.stopAll();
        System.clearProperty(PROPERTY);
    }

    @Test
    void theOffsetFileIsResolvedByCamelPropertyPlaceholdersAndSharedPerFile() throws Exception {
        System.setProperty(PROPERTY, folder.toString());
        PositionStore first = repositories.offsetStore(context, null, "{{sys:" + PROPERTY + "}}/cdc/offsets.dat").positions();
        first.save("a", ChangePosition.tail(1, 1));
        PositionStore second = repositories.offsetStore(context, null, folder + "/cdc/offsets.dat").positions();
        second.save("b", ChangePosition.tail(2, 2));
        assertEquals(Optional.of(ChangePosition.tail(2, 2)), first.load("b"), "one store per file, however it is written");
        assertEquals(Map.of("a", ChangePosition.tail(1, 1).toJson(), "b", ChangePosition.tail(2, 2).toJson()),
                Json.mapper().readValue(folder.resolve("cdc/offsets.dat").toFile(), Map.class));
    }

    @Test
    void anUnreadableFileIsRefusedNamingTheFileNotAsAnOptionValue() throws Exception {
        Path file = Files.writeString(folder.resolve("offsets.dat"), "{\"changes:shop:*\": ");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> repositories.offsetStore(context, null, file.toString()));
        assertTrue(e.getMessage().startsWith("The offset file " + file + " cannot be read: it is not a complete JSON "
                                             + "object"), e.getMessage());
    }

    @Test
    void aDollarPlaceholderIsRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> repositories.offsetStore(context, null, "${user.home}/offsets.dat"));
        assertEquals("Invalid value for option offsetFile: '${user.home}/offsets.dat'; allowed is a file path; write a "
                     + "system property as a Camel placeholder, e.g. {{sys:user.home}}", e.getMessage());
    }

    @Test
    void aConfiguredRepositoryIsStartedAndUsed() {
        MemoryStateRepository configured = new MemoryStateRepository();
        PositionStore store = repositories.offsetStore(context, configured, "unused").positions();
        assertTrue(configured.isStarted());
        store.save("k", ChangePosition.tail(7, 7));
        assertEquals(ChangePosition.tail(7, 7).toJson(), configured.getState("k"));
    }
}
