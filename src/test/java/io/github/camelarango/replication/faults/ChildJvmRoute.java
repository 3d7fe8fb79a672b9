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
package io.github.camelarango.replication.faults;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link ChildRouteMain} in a child JVM, started with this JVM's class path, and the parent's view of it: a thread
 * reads the sink file's complete lines into a {@link RecordingSink} (whose triggers then run on that thread, e.g. to
 * kill the child at a point of the stream). {@link #kill()} is SIGKILL ({@code Process.destroyForcibly()}).
 */
final class ChildJvmRoute implements AutoCloseable {

    private final Process process;
    private final Thread reader;
    private volatile boolean closed;

    private ChildJvmRoute(Process process, Path sinkFile, long[] offset, RecordingSink sink) {
        this.process = process;
        this.reader = new Thread(() -> follow(sinkFile, offset, sink), "child-sink-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child JVM running the route.
     *
     * @param offset the sink file position read so far, shared across the children of one cell (updated)
     */
    static ChildJvmRoute start(List<String> routeArgs, Path sinkFile, long[] offset, RecordingSink sink, Path log)
            throws IOException {
        return start(List.of(), routeArgs, sinkFile, offset, sink, log);
    }

    /**
     * Starts a child JVM running the route, with JVM options (e.g. {@code -Dfaults.clusterRoot=<folder>}).
     *
     * @param offset the sink file position read so far, shared across the children of one cell (updated)
     */
    static ChildJvmRoute start(List<String> jvmOptions, List<String> routeArgs, Path sinkFile, long[] offset,
            RecordingSink sink, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildRouteMain.class.getName()));
        command.addAll(routeArgs);
        if (!Files.exists(sinkFile)) {
            Files.createFile(sinkFile);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildJvmRoute(process, sinkFile, offset, sink);
    }

    private void follow(Path file, long[] offset, RecordingSink sink) {
        StringBuilder partial = new StringBuilder();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            while (!closed) {
                long length = in.length();
                if (length > offset[0]) {
                    byte[] bytes = new byte[(int) (length - offset[0])];
                    in.seek(offset[0]);
                    in.readFully(bytes);
                    offset[0] = length;
                    partial.append(new String(bytes, StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        Delivery d = Delivery.parse(partial.substring(0, newline));
                        partial.delete(0, newline + 1);
                        if (d != null) {
                            sink.record(d);
                        }
                    }
                } else {
                    Thread.sleep(5);
                }
            }
        } catch (Exception e) {
            if (!closed) {
                throw new IllegalStateException("reading " + file + " failed", e);
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the child gets no chance to stop, commit or clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Kills the child and stops reading once everything it wrote is read. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        Thread.sleep(50);
        closed = true;
        reader.join(5000);
    }
}
