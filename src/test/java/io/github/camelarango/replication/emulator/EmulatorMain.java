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
package io.github.camelarango.replication.emulator;

import java.util.Locale;

/**
 * Runs an emulator from the command line until the process is stopped (Ctrl-C), for exploring it with curl or running
 * an application against it:
 * <pre>{@code
 * java -cp <class path of the component and its emulator jar> \
 *     io.github.camelarango.replication.emulator.EmulatorMain \
 *     --port 8529 --version 3.11.4 --role single --auth root:secret
 * }</pre>
 * prints {@code ArangoDB emulator 3.11.4 (SINGLE) listening on http://127.0.0.1:8529}. Every option is optional and
 * takes the {@link ArangoEmulator.Builder}'s default when left out.
 * <p>
 * Part of the emulator test kit's public API: its options are kept compatible across releases.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    /**
     * Starts the emulator and waits until the process is stopped.
     *
     * @param args {@code [--port <n>] [--version 3.11.4|3.12.4|3.12.10|4.0.0] [--role single|coordinator]
     *             [--auth user:password]}
     * @throws IllegalArgumentException with the usage when an option is unknown, lacks its value or has a wrong one
     * @throws InterruptedException     when the main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        ArangoEmulator.Builder builder = ArangoEmulator.builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw usage("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port":
                    builder.port(port(value));
                    break;
                case "--version":
                    builder.version(value);
                    break;
                case "--role":
                    builder.role(role(value));
                    break;
                case "--auth":
                    int colon = value.indexOf(':');
                    if (colon <= 0) {
                        throw usage("--auth expects user:password, e.g. root:secret");
                    }
                    builder.authentication(value.substring(0, colon), value.substring(colon + 1));
                    break;
                default:
                    throw usage("unknown option " + option);
            }
        }
        ArangoEmulator emulator = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("ArangoDB emulator " + emulator.version() + " (" + emulator.role() + ") listening on " + emulator.url());
        Thread.currentThread().join();
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw usage("--port expects a number 0..65535, was '" + value + "'");
        }
    }

    private static EmulatorRole role(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "single":
                return EmulatorRole.SINGLE;
            case "coordinator":
                return EmulatorRole.COORDINATOR;
            default:
                // a lone DB-Server (PRIMARY) would accept only tokens of a random secret: clusters run in tests
                throw usage("--role expects single or coordinator, was '" + value + "'");
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem
                + "; usage: EmulatorMain [--port <n>] [--version 3.11.4|3.12.4|3.12.10|4.0.0] [--role single|coordinator] [--auth user:password]");
    }
}
