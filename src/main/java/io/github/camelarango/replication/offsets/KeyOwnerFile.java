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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The claim of an offset key across the processes of one offset file: an OS lock on
 * {@code <file>.<hash of the key>.owner}, held while the stream runs. The file names its holder ({@code pid@host}
 * and the route) for the error a second claimant gets. The operating system releases the lock when the process
 * ends, however it ends; the file stays (deleting it could let two processes lock two different files of one name).
 */
final class KeyOwnerFile {

    /** This process as {@code pid@host}. */
    static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();
    /** The owner files this JVM holds: a second channel on one would share its lock, and closing it release it. */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private KeyOwnerFile() {
    }

    /**
     * Claims {@code offsetKey} of the offset file {@code file} for {@code owner}.
     *
     * @throws IllegalStateException naming the key and the holder when another process (or stream) holds it
     * @throws UncheckedIOException  when the owner file cannot be created or locked
     */
    static OffsetOwnership.Claim claim(Path file, String offsetKey, String owner) {
        Path path = file.resolveSibling(file.getFileName() + "." + hash(offsetKey) + ".owner");
        if (!HELD_IN_THIS_JVM.add(path)) {
            throw OffsetOwnership.alreadyUsed(offsetKey, "another stream of this JVM");
        }
        boolean claimed = false;
        try {
            OffsetOwnership.Claim claim = lock(path, offsetKey, owner);
            claimed = true;
            return claim;
        } finally {
            if (!claimed) {
                HELD_IN_THIS_JVM.remove(path);
            }
        }
    }

    private static OffsetOwnership.Claim lock(Path path, String offsetKey, String owner) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw OffsetOwnership.alreadyUsed(offsetKey, holder(channel) + ", holding " + path);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((PROCESS + " (" + owner + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
            FileChannel held = channel;
            channel = null;
            AtomicBoolean released = new AtomicBoolean();
            return () -> {
                if (released.compareAndSet(false, true)) {
                    closeQuietly(held); // releases the lock
                    HELD_IN_THIS_JVM.remove(path);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot claim offsetKey '" + offsetKey + "' with " + path, e);
        } finally {
            closeQuietly(channel);
        }
    }

    /** What the holder wrote into the owner file: {@code pid@host (route …)}. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer content = ByteBuffer.allocate(4096);
            channel.read(content, 0);
            String holder = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).strip();
            return holder.isEmpty() ? "another process" : holder;
        } catch (IOException e) {
            return "another process (its owner file cannot be read: " + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock whatever the answer
            }
        }
    }

    /** 16 hex digits of the key's SHA-256: a file name for any key. */
    private static String hash(String offsetKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(offsetKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
