package io.github.camelarango.replication.offsets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default offset store: every key's value in one file of {@code key=value} lines (the format of Camel's
 * {@code FileStateRepository}, so its files load as they are), rewritten whole on every change into a file beside
 * it and moved over it atomically. A crash at any moment leaves the previous or the new content, never an empty or
 * half-written file; Camel's own file store empties its file when it compacts it, and a crash then would lose every
 * position in it.
 */
public final class AtomicFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final Path file;
    private final Path next;
    private final Map<String, String> states = new TreeMap<>();

    /** @param file the file of the positions; its folder is created when the repository starts */
    public AtomicFileStateRepository(Path file) {
        this.file = file.toAbsolutePath();
        this.next = this.file.resolveSibling(this.file.getFileName() + ".next");
    }

    @Override
    protected void doStart() throws IOException {
        Files.createDirectories(file.getParent());
        synchronized (states) {
            states.clear();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int separator = line.indexOf('=');
                    if (separator > 0) {
                        states.put(line.substring(0, separator), line.substring(separator + 1));
                    }
                }
            }
        }
    }

    @Override
    public String getState(String key) {
        synchronized (states) {
            return states.get(key);
        }
    }

    @Override
    public void setState(String key, String value) {
        synchronized (states) {
            String previous = states.put(key, value);
            try {
                write();
            } catch (IOException e) {
                if (previous == null) {
                    states.remove(key);
                } else {
                    states.put(key, previous);
                }
                throw new UncheckedIOException("Cannot save the position of '" + key + "' in " + file, e);
            }
        }
    }

    private void write() throws IOException {
        List<String> lines = states.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        Files.write(next, lines, StandardCharsets.UTF_8);
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "AtomicFileStateRepository[" + file + "]";
    }
}
