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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs an emulator from the command line until the process is stopped (Ctrl-C), for exploring it with curl or running
 * an application against it:
 * <pre>{@code
 * java -cp <class path of the component and its emulator jar> \
 *     io.github.camelarango.replication.emulator.EmulatorMain \
 *     --port 8529 --version 3.11.4 --role single --auth root:secret
 * }</pre>
 * prints {@code ArangoDB emulator 3.11.4 (SINGLE) listening on http://127.0.0.1:8529}. With {@code --cluster} it runs
 * an {@link ArangoEmulatorCluster} instead ({@code --db-servers}, {@code --coordinators}, {@code --jwt-secret};
 * {@code --port} is the first Coordinator's) and prints each Coordinator's URL:
 * {@code ArangoDB emulator cluster 3.11.4 (1 Coordinator, 3 DB-Servers): Coordinator listening on
 * http://127.0.0.1:8529}. The cluster's JWT secret is never printed: give it with {@code --jwt-secret} to use it
 * (a changes consumer's {@code jwtSecret}); without it the secret is random and unknown outside the process. Every
 * option is optional and takes the builder's default when left out.
 * <p>
 * Part of the emulator test kit's public API: its options are kept compatible across releases.
 */
public final class EmulatorMain {

    private static final String CLUSTER = "--cluster";
    private static final Set<String> CLUSTER_OPTIONS = Set.of("--db-servers", "--coordinators", "--jwt-secret");

    private EmulatorMain() {
    }

    /**
     * Starts the emulator (or the cluster) and waits until the process is stopped.
     *
     * @param args {@code [--port <n>] [--version 3.11.4|3.12.4|3.12.10|4.0.0] [--auth user:password]} and either
     *             {@code [--role single|coordinator]} or {@code --cluster [--db-servers 1..16] [--coordinators 1..8]
     *             [--jwt-secret <secret>]}
     * @throws IllegalArgumentException with the usage when an option is unknown, lacks its value or has a wrong one
     * @throws InterruptedException     when the main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        boolean cluster = false;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals(CLUSTER)) {
                cluster = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw usage("option " + option + " needs a value");
            }
            options.put(option, args[++i]);
        }
        if (cluster) {
            startCluster(options);
        } else {
            startServer(options);
        }
        Thread.currentThread().join();
    }

    private static void startServer(Map<String, String> options) {
        ArangoEmulator.Builder builder = ArangoEmulator.builder();
        options.forEach((option, value) -> {
            switch (option) {
                case "--port" -> builder.port(port(value));
                case "--version" -> builder.version(value);
                case "--role" -> builder.role(role(value));
                case "--auth" -> builder.authentication(user(value), password(value));
                default -> throw usage(CLUSTER_OPTIONS.contains(option) ? option + " is an option of --cluster"
                        : "unknown option " + option);
            }
        });
        ArangoEmulator emulator = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("ArangoDB emulator " + emulator.version() + " (" + emulator.role() + ") listening on " + emulator.url());
    }

    private static void startCluster(Map<String, String> options) {
        ArangoEmulatorCluster.Builder builder = ArangoEmulatorCluster.builder();
        boolean secretGiven = false;
        for (Map.Entry<String, String> entry : options.entrySet()) {
            String value = entry.getValue();
            switch (entry.getKey()) {
                case "--port" -> builder.port(port(value));
                case "--version" -> builder.version(value);
                case "--auth" -> builder.authentication(user(value), password(value));
                case "--db-servers" -> builder.dbServers(count("--db-servers", value, 16));
                case "--coordinators" -> builder.coordinators(count("--coordinators", value, 8));
                case "--jwt-secret" -> {
                    if (value.isEmpty()) {
                        throw usage("--jwt-secret expects the cluster's secret, a non-empty text");
                    }
                    builder.jwtSecret(value);
                    secretGiven = true;
                }
                case "--role" -> throw usage("--role is no option of --cluster, whose servers are Coordinators and "
                        + "DB-Servers (--coordinators, --db-servers)");
                default -> throw usage("unknown option " + entry.getKey());
            }
        }
        ArangoEmulatorCluster cluster = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        int dbServers = cluster.dbServerIds().size();
        int coordinators = cluster.coordinators().size();
        String what = "ArangoDB emulator cluster " + cluster.coordinator().version() + " (" + coordinators
                      + (coordinators == 1 ? " Coordinator, " : " Coordinators, ") + dbServers
                      + (dbServers == 1 ? " DB-Server)" : " DB-Servers)");
        for (ArangoEmulator coordinator : cluster.coordinators()) {
            System.out.println(what + ": Coordinator listening on " + coordinator.url());
        }
        System.out.println(secretGiven
                ? "JWT secret: the one given with --jwt-secret (not printed)"
                : "JWT secret: random and not printed; to read the cluster's changes (the changes consumer's jwtSecret) "
                  + "start it with --jwt-secret <secret>");
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw usage("--port expects a number 0..65535, was '" + value + "'");
        }
    }

    private static int count(String option, String value, int max) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= max) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw usage(option + " expects a number 1.." + max + ", was '" + value + "'");
    }

    private static String user(String auth) {
        int colon = auth.indexOf(':');
        if (colon <= 0) {
            throw usage("--auth expects user:password, e.g. root:secret");
        }
        return auth.substring(0, colon);
    }

    private static String password(String auth) {
        return auth.substring(auth.indexOf(':') + 1);
    }

    private static EmulatorRole role(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "single":
                return EmulatorRole.SINGLE;
            case "coordinator":
                return EmulatorRole.COORDINATOR;
            default:
                // a lone DB-Server (PRIMARY) would accept only tokens of a random secret: --cluster runs DB-Servers
                throw usage("--role expects single or coordinator, was '" + value + "'");
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: EmulatorMain [--port <n>] [--version "
                + "3.11.4|3.12.4|3.12.10|4.0.0] [--auth user:password] [--role single|coordinator | --cluster "
                + "[--db-servers 1..16] [--coordinators 1..8] [--jwt-secret <secret>]]");
    }
}
