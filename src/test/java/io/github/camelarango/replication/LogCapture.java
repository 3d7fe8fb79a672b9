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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the test's logging writes (slf4j-simple writes to {@code System.err}, looked up at every line) while
 * still passing it on, so that a test can count the lines a logger wrote.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public LogCapture() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** Every line written so far. */
    public List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The lines of one logger at one level (slf4j-simple's {@code [thread] LEVEL logger - message}). */
    public List<String> lines(String level, Class<?> logger) {
        String marker = "] " + level + " " + logger.getName() + " - ";
        return lines().stream().filter(line -> line.contains(marker)).toList();
    }

    /** How many stack traces were written: their first frame lines that follow a line that is not a frame. */
    public long stackTraces() {
        List<String> lines = lines();
        long traces = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\tat ") && !lines.get(i - 1).startsWith("\tat ")
                && !lines.get(i - 1).startsWith("Caused by") && !lines.get(i - 1).startsWith("\t... ")) {
                traces++;
            }
        }
        return traces;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
