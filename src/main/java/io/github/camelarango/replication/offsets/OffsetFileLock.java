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
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the readers and writers of one offset file take turns: first in this JVM (one lock per file, whatever
 * component or CamelContext uses it), then across processes with an OS lock on the file {@code <file>.lock}. The
 * JVM lock comes first because an OS lock belongs to the process: a second channel on the lock file in the same
 * JVM would be refused, and closing it could release the first one's lock. The lock file is never deleted (a
 * process could otherwise lock a file another one just replaced).
 */
final class OffsetFileLock {

    /** An action on the offset file, run while the lock is held. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }

    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    /** Runs of an action that interrupts may cut short before the last one's exception is thrown. */
    private static final int MAX_ATTEMPTS = 3;

    private final Path lockFile;
    private final ReentrantLock inThisJvm;

    /** @param file the offset file, by its real path (one lock however the file is named) */
    OffsetFileLock(Path file) {
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.inThisJvm = IN_THIS_JVM.computeIfAbsent(lockFile, path -> new ReentrantLock());
    }

    /**
     * Runs {@code action} holding the lock; waits as long as another thread or process holds it. An interrupt does
     * not stop it: a file channel that sees one closes, so the action runs again (it reads the file again and writes
     * it whole, so a second run is harmless), and the interrupt is kept for the caller. Camel interrupts a consumer's
     * poll while it stops the route, maybe in the middle of the commit of a delivered exchange's position: that
     * commit must complete, or the change is delivered again after the restart.
     */
    <T> T call(Action<T> action) throws IOException {
        boolean interrupted = Thread.interrupted();
        inThisJvm.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    return action.run();
                } catch (ClosedByInterruptException | FileLockInterruptionException e) {
                    interrupted = true;
                    Thread.interrupted();
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } finally {
            inThisJvm.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
