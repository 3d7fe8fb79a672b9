package io.github.camelarango.replication;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelarango.replication.offsets.AtomicFileStateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFileStateRepositoryTest {

    @TempDir
    Path folder;

    @Test
    void everyChangeRewritesTheWholeFileAndARestartReadsIt() throws Exception {
        Path file = folder.resolve("sub/offsets.dat");
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        ServiceHelper.startService(repository);
        repository.setState("b", "{\"from\":\"2\"}");
        repository.setState("a", "1");
        repository.setState("b", "{\"from\":\"3\"}");
        assertEquals(List.of("a=1", "b={\"from\":\"3\"}"), Files.readAllLines(file, StandardCharsets.UTF_8),
                "one line per key, the latest value, nothing appended");
        assertFalse(Files.exists(folder.resolve("sub/offsets.dat.next")), "no temporary file left behind");
        ServiceHelper.stopService(repository);

        AtomicFileStateRepository restarted = new AtomicFileStateRepository(file);
        ServiceHelper.startService(restarted);
        assertEquals("{\"from\":\"3\"}", restarted.getState("b"));
        assertEquals("1", restarted.getState("a"));
    }

    @Test
    void readsTheFilesOfCamelsFileStateRepository() throws Exception {
        Path file = folder.resolve("camel.dat");
        FileStateRepository camel = FileStateRepository.fileStateRepository(file.toFile());
        ServiceHelper.startService(camel);
        camel.setState("changes:_system:orders", "{\"phase\":\"TAIL\",\"from\":\"42\"}");
        camel.setState("changes:_system:orders", "{\"phase\":\"TAIL\",\"from\":\"43\"}");
        ServiceHelper.stopService(camel);

        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        ServiceHelper.startService(repository);
        assertEquals("{\"phase\":\"TAIL\",\"from\":\"43\"}", repository.getState("changes:_system:orders"));
    }

    @Test
    void aFailedWriteIsReportedAndForgotten() throws Exception {
        Path file = folder.resolve("offsets.dat");
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        ServiceHelper.startService(repository);
        repository.setState("k", "1");
        Files.createDirectories(folder.resolve("offsets.dat.next")); // the temporary file cannot be written
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> repository.setState("k", "2"));
        assertTrue(e.getMessage().contains("Cannot save the position of 'k' in " + file), e.getMessage());
        assertEquals("1", repository.getState("k"), "the value that is not on disk is not reported either");
        assertEquals(List.of("k=1"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }
}
