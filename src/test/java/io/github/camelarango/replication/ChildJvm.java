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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A second process for tests of what several processes share (an offset file, a stream key): a JVM of its own,
 * started with this JVM's class path, running a test's {@code main}. The test drives it through its standard input
 * ({@link #go()} writes a line {@code GO}; {@link #finish} closes the input, the child's signal to end) and reads
 * its standard output: {@link #start} returns once it printed {@code READY}.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final List<String> said = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts {@code main} with {@code args} and waits until it says READY (or fails the test with what it said). */
    public static ChildJvm start(Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ChildJvm child = new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        child.awaitLine("READY");
        return child;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Tells the child to begin its work. */
    public void go() throws IOException {
        in.write("GO\n");
        in.flush();
    }

    /** Waits until the child prints a line starting with {@code expected}, and returns that line. */
    public String awaitLine(String expected) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            said.add(line);
            if (line.startsWith(expected)) {
                return line;
            }
        }
        fail("the child JVM ended without saying " + expected + "; it said " + said);
        return null;
    }

    /** Closes the child's input (its signal to end) and waits for its exit code. */
    public int finish(Duration timeout) throws IOException, InterruptedException {
        in.close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the child JVM did not end within " + timeout + "; it said " + said);
        }
        return process.exitValue();
    }

    /** Ends the child at once, as SIGKILL does, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
