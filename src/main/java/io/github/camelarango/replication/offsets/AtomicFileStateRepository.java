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

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default offset store: every key's value in one file, a JSON object ({@link OffsetFileFormat}; the legacy
 * {@code key=value} lines are still read), shared safely by any number of repositories, CamelContexts and processes.
 * <p>
 * Every write takes the file's lock ({@link OffsetFileLock}), reads the file, replaces only its own key, writes the
 * whole content to {@code <file>.next}, forces it to the disk, moves it over the file atomically and forces the
 * folder (so that the rename survives a power cut; where the file system cannot force a folder, the rename is as
 * durable as it makes it). A crash at any moment leaves the previous or the new content, never an empty,
 * half-written or older file, and no writer ever puts back a stale value of another's key. A read takes the lock too
 * and reads the file. Neither trusts a copy read earlier: a file's size, time and identity do not tell that another
 * writer replaced it (ext4 gives the new file the inode number a write freed, and its clock ticks every few
 * milliseconds). A file that cannot be read fails the start, naming the file and the way out.
 * <p>
 * The streams of all processes on the file claim their keys with {@link #claim}: a lock file per key
 * ({@link KeyOwnerFile}) refuses a second process while the first runs.
 */
public final class AtomicFileStateRepository extends ServiceSupport
        implements StateRepository<String, String>, OffsetOwnership {

    private volatile Path file;
    private volatile OffsetFileLock lock;

    /** @param file the file of the positions; its folder is created when the repository starts */
    public AtomicFileStateRepository(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /**
     * Creates the folder and reads the file.
     *
     * @throws IllegalStateException naming the file and the way out when it cannot be read
     */
    @Override
    protected void doStart() throws IOException {
        Path folder = Files.createDirectories(file.getParent()).toRealPath();
        file = folder.resolve(file.getFileName());
        lock = new OffsetFileLock(file);
        lock.call(this::read);
    }

    /** The file, by its real path once the repository started. */
    public Path file() {
        return file;
    }

    @Override
    public String getState(String key) {
        try {
            return lock.call(() -> read().get(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the offset file " + file, e);
        }
    }

    /**
     * Saves {@code value} under {@code key}, durably, keeping every other key as the file holds it now.
     *
     * @throws UncheckedIOException  when it could not be saved (the file keeps its previous content)
     * @throws IllegalStateException when the file became unreadable
     */
    @Override
    public void setState(String key, String value) {
        try {
            lock.call(() -> {
                Map<String, String> updated = new TreeMap<>(read());
                updated.put(key, value);
                write(OffsetFileFormat.render(updated));
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the position of '" + key + "' in " + file, e);
        }
    }

    /** The file's content; empty when there is no file yet. */
    private Map<String, String> read() throws IOException {
        try {
            return OffsetFileFormat.parse(Files.readAllBytes(file), file);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
    }

    private void write(byte[] content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileOutputStream out = new FileOutputStream(next.toFile())) { // not cut short by an interrupt
            out.write(content);
            out.getFD().sync();
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceFolder();
    }

    /** Forces the folder's entries (the rename) to the disk; some systems (Windows) cannot open a folder for it. */
    private void forceFolder() {
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // the file system keeps the rename as durable as it makes it; the file's content was forced already
        }
    }

    /** Refused while another process (or another stream of this JVM) holds the key's owner file. */
    @Override
    public Claim claim(String offsetKey, String owner) {
        return KeyOwnerFile.claim(file, offsetKey, owner);
    }

    @Override
    public String toString() {
        return "AtomicFileStateRepository[" + file + "]";
    }
}
