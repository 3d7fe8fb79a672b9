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

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.camelarango.replication.ChildJvm;
import io.github.camelarango.replication.client.Json;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default offset store: any key round-trips, several repositories (in this JVM or another) on one file keep each
 * other's keys, the legacy {@code key=value} file is read and converted, and a corrupt file stops the start.
 */
class AtomicFileStateRepositoryTest {

    /** Writes per writer in the concurrency tests (each write forces file and folder: about 10 ms here). */
    private static final int WRITES = 250;

    @TempDir
    Path folder;

    private final List<AtomicFileStateRepository> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ServiceHelper::stopService);
    }

    private AtomicFileStateRepository start(Path file) {
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        ServiceHelper.startService(repository);
        started.add(repository);
        return repository;
    }

    private static Map<String, String> jsonObject(Path file) throws Exception {
        return Json.mapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    @Test
    void everyChangeRewritesTheWholeFileAndARestartReadsIt() throws Exception {
        Path file = folder.resolve("sub/offsets.dat");
        AtomicFileStateRepository repository = start(file);
        repository.setState("b", "{\"from\":\"2\"}");
        repository.setState("a", "1");
        repository.setState("b", "{\"from\":\"3\"}");
        assertEquals(Map.of("a", "1", "b", "{\"from\":\"3\"}"), jsonObject(file),
                "one JSON object: every key with its latest value");
        assertFalse(Files.exists(folder.resolve("sub/offsets.dat.next")), "no temporary file left behind");

        AtomicFileStateRepository restarted = start(file);
        assertEquals("{\"from\":\"3\"}", restarted.getState("b"));
        assertEquals("1", restarted.getState("a"));
    }

    @Test
    void anyKeyAndValueRoundTrip() throws Exception {
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("changes:db:a=b", "{\"from\":\"1\"}");
        odd.put("key\nwith a line break", "value\nwith=one too");
        odd.put("=leading", "x");
        odd.put("colons:and:more:colons", "y");
        odd.put("ünïcødé ключ 鍵 🔑", "välue 🔒");
        odd.put("k".repeat(1024), "v".repeat(1024));
        odd.put("  spaces  ", "  ");
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository repository = start(file);
        odd.forEach(repository::setState);
        odd.forEach((key, value) -> assertEquals(value, repository.getState(key), key));

        AtomicFileStateRepository restarted = start(file);
        odd.forEach((key, value) -> assertEquals(value, restarted.getState(key), "after a restart: " + key));
        assertEquals(odd, jsonObject(file), "nothing else in the file");
    }

    @Test
    void twoRepositoriesOnOneFileWritingDifferentKeysConcurrentlyLoseNothing() throws Exception {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository first = start(file);
        AtomicFileStateRepository second = start(file);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(writes(first, "first", "second"));
            Future<?> b = threads.submit(writes(second, "second", "first"));
            a.get();
            b.get();
        } finally {
            threads.shutdown();
        }
        String last = Integer.toString(WRITES - 1);
        assertEquals(Map.of("first", last, "second", last), jsonObject(file));
        assertEquals(last, first.getState("second"), "a repository sees the other's key");
        assertEquals(last, second.getState("first"));
    }

    /** Writes {@code key} WRITES times; the other writer's key, as this one reads it, never goes back. */
    private static Callable<Void> writes(AtomicFileStateRepository repository, String key, String othersKey) {
        return () -> {
            int othersSeen = -1;
            for (int i = 0; i < WRITES; i++) {
                repository.setState(key, Integer.toString(i));
                assertEquals(Integer.toString(i), repository.getState(key));
                String others = repository.getState(othersKey);
                int othersNow = others == null || others.equals("start") ? -1 : Integer.parseInt(others);
                assertTrue(othersNow >= othersSeen, othersKey + " went back from " + othersSeen + " to " + othersNow);
                othersSeen = othersNow;
            }
            return null;
        };
    }

    @Test
    void anotherProcessWritingAnotherKeyConcurrentlyLosesNothing() throws Exception {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository repository = start(file);
        repository.setState("parent", "start");
        try (ChildJvm child = ChildJvm.start(OffsetFileChild.class, file.toString(), "child", Integer.toString(WRITES))) {
            child.go();
            writes(repository, "parent", "child").call();
            child.awaitLine("DONE");
            assertEquals(0, child.finish(Duration.ofSeconds(30)));
        }
        String last = Integer.toString(WRITES - 1);
        assertEquals(Map.of("parent", last, "child", last), jsonObject(file));
        assertEquals(last, repository.getState("child"), "the other process's key is read from the file");
    }

    /**
     * A write replaces the file; ext4 gives the new file the inode number the one before the last write freed, and
     * stamps it from a clock that ticks every few milliseconds: two writes by another process in one tick leave a
     * file of the same identity, time and (positions have similar lengths) size as the one this repository wrote.
     * Its next write must still keep the other process's key as the file holds it, never put back the value it read
     * before (or drop a key it never saw).
     */
    @Test
    void aChangeThatLeavesTheFilesSizeTimeAndIdentityAsTheyWereIsNotWrittenOver() throws Exception {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository first = start(file);
        start(file).setState("second", "1");
        first.setState("first", "1");
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] changed = Files.readString(file, StandardCharsets.UTF_8).replace("\"second\" : \"1\"",
                "\"second\" : \"2\"").getBytes(StandardCharsets.UTF_8);
        Files.write(file, changed); // in place: same identity
        Files.setLastModifiedTime(file, before.lastModifiedTime());
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        assertEquals(List.of(before.size(), before.lastModifiedTime(), before.fileKey()),
                List.of(after.size(), after.lastModifiedTime(), after.fileKey()), "the premise: nothing tells");
        assertEquals("2", jsonObject(file).get("second"), "the premise: the other key changed");

        first.setState("first", "2");
        assertEquals(Map.of("first", "2", "second", "2"), jsonObject(file));
        assertEquals("2", first.getState("second"));
    }

    @Test
    void aKeyWrittenByAnotherRepositoryIsReadFromTheFile() {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository reader = start(file);
        assertNull(reader.getState("k"));
        start(file).setState("k", "1");
        assertEquals("1", reader.getState("k"));
    }

    @Test
    void readsTheLegacyKeyValueFileAndConvertsItOnTheNextWrite() throws Exception {
        Path file = folder.resolve("camel.dat");
        FileStateRepository camel = FileStateRepository.fileStateRepository(file.toFile());
        ServiceHelper.startService(camel);
        camel.setState("changes:_system:orders", "{\"phase\":\"TAIL\",\"from\":\"42\"}");
        camel.setState("changes:_system:orders", "{\"phase\":\"TAIL\",\"from\":\"43\"}");
        camel.setState("changes:_system:customers", "{\"phase\":\"TAIL\",\"from\":\"7\"}");
        ServiceHelper.stopService(camel);

        AtomicFileStateRepository repository = start(file);
        assertEquals("{\"phase\":\"TAIL\",\"from\":\"43\"}", repository.getState("changes:_system:orders"));
        repository.setState("changes:_system:customers", "{\"phase\":\"TAIL\",\"from\":\"8\"}");
        assertEquals(Map.of("changes:_system:orders", "{\"phase\":\"TAIL\",\"from\":\"43\"}",
                "changes:_system:customers", "{\"phase\":\"TAIL\",\"from\":\"8\"}"), jsonObject(file),
                "the next write converts the file, keeping every key");
    }

    @Test
    void aCorruptFileStopsTheStartNamingTheFileAndTheRecovery() throws Exception {
        Path file = folder.resolve("offsets.dat");
        for (String corrupt : List.of("{\"changes:db:orders\": \"{\\\"from\\\"", "garbage without a separator\n",
                "{\"k\": 1}", "", "{\"a\": \"1\"}\n{\"b\": \"2\"}\n", "{\"a\": \"1\"}\nchanges:db:orders={}\n")) {
            Files.writeString(file, corrupt, StandardCharsets.UTF_8);
            AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ServiceHelper.startService(repository), corrupt);
            assertTrue(e.getMessage().startsWith("The offset file " + file.toAbsolutePath() + " cannot be read"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("restore it from a backup, or delete it to start afresh"), e.getMessage());
            assertEquals(corrupt, Files.readString(file, StandardCharsets.UTF_8), "the file is left as it was");
        }
    }

    @Test
    void aFileThatBecameUnreadableFailsTheNextWriteAndIsLeftAsItIs() throws Exception {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository repository = start(file);
        repository.setState("k", "1");
        Files.writeString(file, "{\"k\": \"1\", \"other\"", StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> repository.setState("k", "2"));
        assertTrue(e.getMessage().startsWith("The offset file " + file + " cannot be read"), e.getMessage());
        assertEquals("{\"k\": \"1\", \"other\"", Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Camel interrupts a consumer's poll thread when it stops the route, maybe while it commits the position of an
     * exchange that completed: the write completes (or the change would be delivered again after the restart), and
     * the interrupt is kept for the caller.
     */
    @Test
    void aWriteOnAnInterruptedThreadCompletesAndKeepsTheInterrupt() throws Exception {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository repository = start(file);
        Thread.currentThread().interrupt();
        try {
            repository.setState("k", "1");
            assertEquals("1", repository.getState("k"));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(Map.of("k", "1"), jsonObject(file));
    }

    @Test
    void aFailedWriteIsReportedAndTheFileKeepsItsContent() throws Exception {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository repository = start(file);
        repository.setState("k", "1");
        Files.createDirectories(folder.resolve("offsets.dat.next")); // the temporary file cannot be written
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> repository.setState("k", "2"));
        assertTrue(e.getMessage().contains("Cannot save the position of 'k' in " + file), e.getMessage());
        assertEquals("1", repository.getState("k"), "the value that is not on disk is not reported either");
        assertEquals(Map.of("k", "1"), jsonObject(file));
    }
}
