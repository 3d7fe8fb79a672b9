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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offset repository a route names: started by the consumer, and a failing one never makes it skip a change. */
class ChangesConsumerOffsetRepositoryIT extends ChangesConsumerTestSupport {

    @TempDir
    Path folder;

    @Test
    void aFileRepositoryFromTheRegistryIsStartedAndHoldsThePosition() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            File file = folder.resolve("offsets.dat").toFile();
            FileStateRepository repository = FileStateRepository.fileStateRepository(file);
            context.getRegistry().bind("fileOffsets", repository);
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&offsetRepository=#fileOffsets&offsetKey=k&"
                  + f.connection(), sink);
            await("the snapshot", () -> sink.count() == 1);
            await("a stored position", () -> repository.getState("k") != null);
            assertTrue(repository.isStarted(), "the consumer starts the repository it was given");
            assertTrue(Files.readString(file.toPath()).startsWith("k="), "the position is in the file");
        }
    }

    @Test
    void aFailingRepositoryMakesTheConsumerDeliverTheChangesAgainNotSkipThem() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 0; i < 5; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            AtomicInteger failures = new AtomicInteger(2);
            MemoryStateRepository failing = new MemoryStateRepository() {
                @Override
                public void setState(String key, String value) {
                    if (failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("disk full (injected)");
                    }
                    super.setState(key, value);
                }
            };
            context.getRegistry().bind("failingOffsets", failing);
            List<Throwable> handled = new ArrayList<>();
            context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?collections=orders&snapshotChunkSize=200&maxEventsPerPoll=2"
                  + "&offsetRepository=#failingOffsets&offsetKey=k&exceptionHandler=#recorder&backoffErrorThreshold=100&"
                  + f.connection(), sink);
            f.insert("orders", Map.of("_key", "o5"));
            await("every document", () -> sink.state(List.of("orders")).getOrDefault("orders", Map.of()).size() == 6);
            await("a stored position", () -> failing.getState("k") != null);
            assertFalse(handled.isEmpty(), "the failed saves were reported");
            assertTrue(handled.stream().allMatch(e -> String.valueOf(e.getMessage()).contains("disk full")), handled.toString());
            assertEquals(6, sink.state(List.of("orders")).get("orders").size());
        }
    }
}
